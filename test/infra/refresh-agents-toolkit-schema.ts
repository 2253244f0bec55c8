/**
 * Refreshes test/infra/types/m365agents.yaml.schema.json: the Microsoft 365 Agents Toolkit's yaml
 * schema (source: github.com/OfficeDev/microsoft-365-agents-toolkit,
 * packages/fx-core/resource/yaml-schema/<version>/yaml.schema.json, as published in the toolkit's
 * CLI package @microsoft/m365agentstoolkit-cli), trimmed to the actions m365agents.yml uses and
 * the definitions they refer to (descriptions dropped). A new action in m365agents.yml needs a
 * refresh before its test passes.
 *
 * Usage: npx tsx test/infra/refresh-agents-toolkit-schema.ts [<cli version>] [--tarball <tgz>]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { TYPES_DIR } from './bicep-types';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The schema with lifeCycleArray's actions cut to `used`, and only reachable definitions kept. */
export function trimSchema(
  schema: { [k: string]: Json },
  used: Set<string>,
): { [k: string]: Json } {
  const definitions = schema.definitions as { [k: string]: { [k: string]: Json } };
  const actionOf = (name: string): string | undefined => {
    const def = definitions[name]!;
    const uses = (def.properties as { uses?: { const?: string } } | undefined)?.uses?.const;
    if (uses) return uses;
    // aadAppCreate and the like: a oneOf of variants; keep it when a variant is used.
    for (const variant of (def.oneOf as { $ref: string }[] | undefined) ?? []) {
      const found = actionOf(variant.$ref.split('/').at(-1)!);
      if (found) return found;
    }
    return undefined;
  };
  const lifeCycle = definitions.lifeCycleArray as { items: { anyOf: { $ref: string }[] } };
  const kept = lifeCycle.items.anyOf.filter((ref) =>
    used.has(actionOf(ref.$ref.split('/').at(-1)!) ?? ''),
  );
  const missing = [...used].filter(
    (u) => !kept.some((ref) => actionOf(ref.$ref.split('/').at(-1)!) === u),
  );
  if (missing.length > 0) throw new Error(`Not actions of this schema: ${missing.join(', ')}`);
  const out: { [k: string]: Json } = { ...schema, definitions: {} };
  const reach = new Set<string>(['lifeCycleArray']);
  const strip = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      const copy: { [k: string]: Json } = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === 'description' && typeof v === 'string') continue;
        if (k === '$ref' && typeof v === 'string') reach.add(v.split('/').at(-1)!);
        copy[k] = strip(v);
      }
      return copy;
    }
    return value;
  };
  for (const [k, v] of Object.entries(schema)) if (k !== 'definitions') out[k] = strip(v);
  const defs = out.definitions as { [k: string]: Json };
  defs.lifeCycleArray = strip({ ...lifeCycle, items: { anyOf: kept } } as unknown as Json);
  for (let grew = true; grew; ) {
    grew = false;
    for (const name of [...reach]) {
      if (!(name in defs) && definitions[name]) {
        defs[name] = strip(definitions[name] as Json);
        grew = true;
      }
    }
  }
  return out;
}

async function main() {
  const args = process.argv.slice(2);
  const tarAt = args.indexOf('--tarball');
  const version = args.find((a, i) => !a.startsWith('--') && i !== tarAt + 1) ?? 'latest';
  const work = mkdtempSync(join(tmpdir(), 'atk-'));
  let tarball = tarAt >= 0 ? args[tarAt + 1]! : '';
  if (!tarball) {
    const name = execFileSync('npm', ['pack', `@microsoft/m365agentstoolkit-cli@${version}`], {
      cwd: work,
    })
      .toString()
      .trim()
      .split('\n')
      .at(-1)!;
    tarball = join(work, name);
  }
  execFileSync('tar', [
    'xzf',
    tarball,
    '-C',
    work,
    'package/package.json',
    'package/resource/yaml-schema',
  ]);
  const pkg = JSON.parse(readFileSync(join(work, 'package/package.json'), 'utf8')) as {
    version: string;
  };
  const project = parse(
    readFileSync(fileURLToPath(new URL('../../m365agents.yml', import.meta.url)), 'utf8'),
  ) as {
    version: string;
    [stage: string]: unknown;
  };
  const used = new Set(
    ['provision', 'deploy', 'publish'].flatMap((stage) =>
      ((project[stage] as { uses: string }[] | undefined) ?? []).map((s) => s.uses),
    ),
  );
  const schemaPath = `resource/yaml-schema/${project.version}/yaml.schema.json`;
  const schema = JSON.parse(readFileSync(join(work, 'package', schemaPath), 'utf8'));
  const trimmed = trimSchema(schema, used);
  const file = {
    source: {
      repository: 'https://github.com/OfficeDev/microsoft-365-agents-toolkit',
      path: `packages/fx-core/${schemaPath}`,
      package: `@microsoft/m365agentstoolkit-cli@${pkg.version}`,
      sha512: execFileSync('sha512sum', [tarball]).toString().split(' ')[0],
    },
    schema: trimmed,
  };
  writeFileSync(
    join(TYPES_DIR, 'm365agents.yaml.schema.json'),
    `${JSON.stringify(file, null, 1)}\n`,
  );
  console.log(
    `Wrote the ${project.version} schema from ${file.source.package}, ${used.size} actions`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
