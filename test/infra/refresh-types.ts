/**
 * Refreshes the official definitions the infra and project tests check against, trimmed to what
 * Tandem declares, each file naming its source repository and commit:
 *
 *   test/infra/types/bicep-types-az.json       Azure resource types (github.com/Azure/bicep-types-az)
 *   test/infra/types/msgraph-bicep-types.json  Microsoft Graph Bicep types (microsoftgraph/msgraph-bicep-types)
 *   test/infra/types/azure-built-in-roles.json Azure built-in role ids (MicrosoftDocs/azure-docs)
 *
 * Usage: npx tsx test/infra/refresh-types.ts [--commit owner/name=<sha>] [--git owner/name=<git dir>] [--no-roles]
 * Without --commit, each repository's default branch head is used (GitHub API); without --git,
 * files are downloaded from raw.githubusercontent.com. Resource types are those infra/ declares
 * (parsed with tree-sitter-bicep), so a new resource needs a refresh before its test passes.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bicepParser, readBicepFiles } from './bicep';
import { type BicepType, resources, TYPES_DIR, type TypeFile } from './bicep-types';

/** Where bicep-types-az keeps each provider (its folder is the Azure REST spec's, not derivable). */
const AZURE_FOLDERS: Record<string, string> = {
  'microsoft.web': 'generated/web/microsoft.web',
  'microsoft.storage': 'generated/storage/microsoft.storage',
  'microsoft.managedidentity': 'generated/msi/microsoft.managedidentity',
  'microsoft.operationalinsights': 'generated/operationalinsights/microsoft.operationalinsights',
  'microsoft.insights': 'generated/applicationinsights/microsoft.insights',
  'microsoft.authorization': 'generated/authorization/microsoft.authorization',
};

/** Graph extension version in infra/bicepconfig.json → its folder in msgraph-bicep-types. */
const GRAPH_FOLDER = (apiVersion: string, extensionVersion: string) =>
  `generated/microsoftgraph/microsoft.graph/${apiVersion}/${extensionVersion}`;

/** Built-in role categories whose roles Tandem may assign (Learn: Azure built-in roles). */
const ROLE_PAGES = [
  'articles/role-based-access-control/built-in-roles/storage.md',
  'articles/role-based-access-control/built-in-roles/monitor.md',
];

function option(name: string): Map<string, string> {
  const out = new Map<string, string>();
  process.argv.forEach((arg, i) => {
    if (arg === name) {
      const [repo, value] = (process.argv[i + 1] ?? '').split('=');
      if (repo && value) out.set(repo, value);
    }
  });
  return out;
}

const commits = option('--commit');
const gitDirs = option('--git');

async function headCommit(repo: string): Promise<string> {
  const given = commits.get(repo);
  if (given) return given;
  const git = gitDirs.get(repo);
  if (git) return execFileSync('git', ['--git-dir', git, 'rev-parse', 'HEAD']).toString().trim();
  const response = await fetch(`https://api.github.com/repos/${repo}/commits/HEAD`);
  if (!response.ok) throw new Error(`${repo}: ${response.status} ${response.statusText}`);
  return ((await response.json()) as { sha: string }).sha;
}

async function read(repo: string, commit: string, path: string): Promise<string> {
  const git = gitDirs.get(repo);
  if (git)
    return execFileSync('git', ['--git-dir', git, 'show', `${commit}:${path}`], {
      maxBuffer: 1 << 30,
    }).toString();
  const response = await fetch(`https://raw.githubusercontent.com/${repo}/${commit}/${path}`);
  if (!response.ok) throw new Error(`${repo}/${path}: ${response.status} ${response.statusText}`);
  return response.text();
}

/**
 * The types reachable from the named resource types, re-indexed into one list; descriptions
 * are dropped (the tests read names, flags and values only).
 */
export function trim(lists: BicepType[][], wanted: Set<string>): BicepType[] {
  const out: BicepType[] = [];
  for (const list of lists) {
    const moved = new Map<number, number>();
    const copy = (index: number): number => {
      const done = moved.get(index);
      if (done !== undefined) return done;
      const at = out.length;
      moved.set(index, at);
      out.push({} as BicepType);
      const rewrite = (value: unknown): unknown => {
        if (Array.isArray(value)) return value.map(rewrite);
        if (value && typeof value === 'object') {
          const entries = Object.entries(value as Record<string, unknown>);
          if (entries.length === 1 && entries[0]![0] === '$ref') {
            return { $ref: `#/${copy(Number(String(entries[0]![1]).slice(2)))}` };
          }
          return Object.fromEntries(
            entries
              .filter(([k, v]) => !(k === 'description' && typeof v === 'string'))
              .map(([k, v]) => [k, rewrite(v)]),
          );
        }
        return value;
      };
      out[at] = rewrite(list[index]) as BicepType;
      return at;
    };
    list.forEach((t, i) => {
      if (t.$type === 'ResourceType' && wanted.has(t.name.toLowerCase())) copy(i);
    });
  }
  return out;
}

async function main() {
  const p = await bicepParser();
  const declared = new Set(
    readBicepFiles().flatMap((f) => resources(p, f).map((r) => r.type.toLowerCase())),
  );

  const azureRepo = 'Azure/bicep-types-az';
  const azureCommit = await headCommit(azureRepo);
  const azureFiles = [
    ...new Set(
      [...declared]
        .filter((t) => !t.startsWith('microsoft.graph/'))
        .map((t) => {
          const [name, version] = t.split('@') as [string, string];
          const provider = name.split('/')[0]!;
          const folder = AZURE_FOLDERS[provider];
          if (!folder)
            throw new Error(
              `No bicep-types-az folder known for ${provider}: add it to AZURE_FOLDERS`,
            );
          return `${folder}/${version}/types.json`;
        }),
    ),
  ].sort();
  const azureLists = await Promise.all(
    azureFiles.map(async (f) => JSON.parse(await read(azureRepo, azureCommit, f)) as BicepType[]),
  );
  const azure: TypeFile = {
    source: {
      repository: `https://github.com/${azureRepo}`,
      commit: azureCommit,
      files: azureFiles,
    },
    types: trim(azureLists, declared),
  };

  const graphRepo = 'microsoftgraph/msgraph-bicep-types';
  const graphCommit = await headCommit(graphRepo);
  const config = JSON.parse(
    execFileSync('cat', [
      fileURLToPath(new URL('../../infra/bicepconfig.json', import.meta.url)),
    ]).toString(),
  ) as { extensions: Record<string, string> };
  const graphFiles = Object.values(config.extensions).map((ref) => {
    // br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:1.0.0
    const match = /microsoftgraph\/([^:]+):(.+)$/.exec(ref);
    if (!match) throw new Error(`Not a Microsoft Graph extension: ${ref}`);
    return `${GRAPH_FOLDER(match[1]!, match[2]!)}/types.json`;
  });
  const graphLists = await Promise.all(
    graphFiles.map(async (f) => JSON.parse(await read(graphRepo, graphCommit, f)) as BicepType[]),
  );
  const graph: TypeFile = {
    source: {
      repository: `https://github.com/${graphRepo}`,
      commit: graphCommit,
      files: graphFiles,
    },
    types: trim(graphLists, declared),
  };

  writeFileSync(join(TYPES_DIR, 'bicep-types-az.json'), `${JSON.stringify(azure)}\n`);
  writeFileSync(join(TYPES_DIR, 'msgraph-bicep-types.json'), `${JSON.stringify(graph)}\n`);
  console.log(`Wrote ${azure.types.length} Azure and ${graph.types.length} Graph types`);
  if (process.argv.includes('--no-roles')) return;

  const docsRepo = 'MicrosoftDocs/azure-docs';
  const docsCommit = await headCommit(docsRepo);
  const roles: { id: string; roleName: string }[] = [];
  for (const page of ROLE_PAGES) {
    const text = await read(docsRepo, docsCommit, page);
    for (const block of text.matchAll(/```json\n([\s\S]*?)\n```/g)) {
      const role = JSON.parse(block[1]!) as { name: string; roleName: string };
      roles.push({ id: role.name, roleName: role.roleName });
    }
  }

  writeFileSync(
    join(TYPES_DIR, 'azure-built-in-roles.json'),
    `${JSON.stringify({ source: { repository: `https://github.com/${docsRepo}`, commit: docsCommit, files: ROLE_PAGES }, roles }, null, 1)}\n`,
  );
  console.log(`Wrote ${roles.length} built-in roles`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
