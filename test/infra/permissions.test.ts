import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TANDEM_GRAPH_PERMISSIONS } from '../sim/stack';

/**
 * Least privilege, checked on the one permission list (infra/graph-permissions.json): Bicep
 * grants no tenant-wide mailbox permission, and every permission is one the Graph adapters use
 * (their calls, read from the source, are exactly the calls the permissions cover).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const Permissions = z.object({
  application: z.array(
    z.object({
      permission: z.string(),
      grantedBy: z.enum(['entra', 'exchange-rbac', 'rsc']),
      exchangeRole: z.string().optional(),
      why: z.string().min(1),
      doc: z.string().url(),
      calls: z.array(z.string().regex(/^(GET|POST|PATCH|PUT|DELETE) \/\S+$/)).min(1),
    }),
  ),
  delegated: z.array(z.object({ permission: z.string(), why: z.string(), doc: z.string().url() })),
});
type Permissions = z.infer<typeof Permissions>;
const listText = readFileSync(join(root, 'infra/graph-permissions.json'), 'utf8');
const grantsBicep = readFileSync(join(root, 'infra/modules/entra-grants.bicep'), 'utf8');
const manifest = JSON.parse(readFileSync(join(root, 'appPackage/manifest.json'), 'utf8')) as {
  authorization: { permissions: { resourceSpecific: { name: string; type: string }[] } };
};
const adapterDir = join(root, 'functions/src/adapters/graph');
const adapters = readdirSync(adapterDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(adapterDir, f), 'utf8'));

/** Permissions that read or write mailboxes (mail, calendars, contacts, settings). */
const MAILBOX = /^(Mail|Calendars|MailboxSettings|Contacts|Tasks|Notes)\b/;

/** What Bicep grants in Entra ID, and what it breaks: tenant-wide mailbox access, a second list. */
function grantProblems(list: Permissions, bicep: string): string[] {
  const problems: string[] = [];
  for (const p of list.application.filter((q) => q.grantedBy === 'entra')) {
    if (MAILBOX.test(p.permission))
      problems.push(`${p.permission} granted in Entra ID reaches every mailbox: use exchange-rbac`);
  }
  for (const p of list.application.filter((q) => q.grantedBy === 'exchange-rbac')) {
    if (!p.exchangeRole?.startsWith('Application '))
      problems.push(`${p.permission}: exchange-rbac needs its Exchange role (Application …)`);
  }
  for (const p of list.application.filter((q) => q.grantedBy === 'rsc')) {
    // Resource-specific consent is asked for in the Teams manifest, and granted per installation.
    const declared = manifest.authorization.permissions.resourceSpecific;
    if (!declared.some((d) => d.name === p.permission && d.type === 'Application'))
      problems.push(`${p.permission}: rsc needs the manifest's resourceSpecific Application entry`);
  }
  if (!/loadJsonContent\('\.\.\/graph-permissions\.json'\)/.test(bicep))
    problems.push('entra-grants.bicep must read infra/graph-permissions.json');
  if (!/filter\(permissions\.application, p => p\.grantedBy == 'entra'\)/.test(bicep))
    problems.push("entra-grants.bicep must grant the 'entra' permissions only");
  const literal = bicep.match(/'[A-Z][A-Za-z]+\.[A-Za-z]+(\.[A-Za-z]+)*'/g);
  if (literal) problems.push(`entra-grants.bicep names permissions itself: ${literal.join(', ')}`);
  return problems;
}

/** `METHOD /path` of every Graph call in the adapters' source; links Graph returned are left out. */
function adapterCalls(sources: readonly string[]): Set<string> {
  const calls = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(/\.api\(\s*(`[^`]*`|'[^']*')\s*\)/g)) {
      const rest = source.slice(match.index! + match[0].length);
      const method = /^[\s\S]*?\.(get|post|patch|put|delete)\(/.exec(rest)?.[1];
      const path = match[1]!
        .slice(1, -1)
        .replace(/\$\{user\([^)]*\)\}/g, '/users/{id}')
        .replace(/\$\{encodeURIComponent\([^)]*\)\}/g, '{id}');
      calls.add(`${method?.toUpperCase() ?? '?'} ${path}`);
    }
  }
  return calls;
}

function usageProblems(list: Permissions, calls: Set<string>): string[] {
  const problems: string[] = [];
  const covered = new Set(list.application.flatMap((p) => p.calls));
  for (const p of list.application) {
    const unused = p.calls.filter((c) => !calls.has(c));
    if (unused.length === p.calls.length)
      problems.push(`${p.permission} is not used by the Graph adapters`);
    else if (unused.length > 0)
      problems.push(`${p.permission} lists calls the adapters do not make: ${unused.join(', ')}`);
  }
  for (const call of calls)
    if (!covered.has(call)) problems.push(`${call} is covered by no permission`);
  return problems;
}

const list = Permissions.parse(JSON.parse(listText));

describe('the Graph permission list', () => {
  it('grants no mailbox permission in Entra ID; Bicep grants exactly its entra ones', () => {
    expect(grantProblems(list, grantsBicep)).toEqual([]);
    expect(
      list.application.filter((p) => MAILBOX.test(p.permission)).map((p) => p.grantedBy),
    ).toEqual(['exchange-rbac']);
  });

  it('lists only permissions the Graph adapters use, and covers every call they make', () => {
    const calls = adapterCalls(adapters);
    expect(calls.size).toBeGreaterThan(5);
    expect(usageProblems(list, calls)).toEqual([]);
  });

  it('is the list the simulator gives the app, with no MailboxSettings.Read', () => {
    expect([...TANDEM_GRAPH_PERMISSIONS].sort()).toEqual(
      list.application.map((p) => p.permission).sort(),
    );
    expect(TANDEM_GRAPH_PERMISSIONS).not.toContain('MailboxSettings.Read');
  });

  it('asks SSO for openid and profile only', () => {
    expect(list.delegated.map((p) => p.permission)).toEqual(['openid', 'profile']);
  });
});

/**
 * The copies of the list that cannot import it, in the docs: the permission of each row of the
 * Graph call tables (README and docs/graph.md, "Every Graph call Tandem makes"), and the
 * application permissions docs/deploy.md says are granted, with who grants them.
 */
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const graphDoc = readFileSync(join(root, 'docs/graph.md'), 'utf8');
const deployDoc = readFileSync(join(root, 'docs/deploy.md'), 'utf8');
const GRANTED_BY_WORDS = {
  entra: 'Entra ID',
  'exchange-rbac': 'Exchange RBAC',
  rsc: 'resource-specific consent',
} as const;

/** What a call's row names: `` `Permission` (Entra ID | Exchange RBAC, …) ``. */
function expectedCallRows(p: Permissions): Map<string, string> {
  const rows = new Map<string, string>();
  for (const q of p.application)
    for (const call of q.calls) rows.set(call, `${q.permission} ${GRANTED_BY_WORDS[q.grantedBy]}`);
  return rows;
}

/** `call → "Permission Granter"` from a markdown table of Graph calls. */
function callRows(markdown: string): Map<string, string> {
  const at = markdown.indexOf('Every Graph call Tandem makes');
  const section = markdown.slice(at, markdown.indexOf('\n#', at + 1));
  const rows = new Map<string, string>();
  for (const m of section.matchAll(
    /^\|\s*`((?:GET|POST|PATCH|PUT|DELETE) \/[^`]*)`\s*\|\s*`([^`]+)`\s*\(([^,)]+)/gm,
  ))
    rows.set(m[1]!, `${m[2]} ${m[3]!.trim()}`);
  return rows;
}

/** `Permission → granted by` of deploy.md's application rows. */
function grantRows(markdown: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of markdown.matchAll(/^\|\s*`([^`]+)`\s*\|\s*application\s*\|\s*([^|]+)\|/gm))
    rows.set(m[1]!, m[2]!.trim());
  return rows;
}

describe('the docs name the permissions of the one list', () => {
  it.each([
    ['README.md', readme],
    ['docs/graph.md', graphDoc],
  ])('each Graph call in %s has its permission and who grants it', (_file, markdown) => {
    expect(Object.fromEntries(callRows(markdown))).toEqual(
      Object.fromEntries(expectedCallRows(list)),
    );
  });

  it('docs/deploy.md grants exactly the application permissions, by whom the list says', () => {
    const rows = grantRows(deployDoc);
    expect([...rows.keys()].sort()).toEqual(list.application.map((p) => p.permission).sort());
    for (const p of list.application)
      expect(rows.get(p.permission)).toContain(GRANTED_BY_WORDS[p.grantedBy]);
  });

  it('fails for a row naming another permission', () => {
    const wrong = graphDoc.replace(
      /^(\|\s*`GET \/users\/delta`\s*\|\s*)`User\.Read\.All`/m,
      '$1`Directory.Read.All`',
    );
    expect(wrong).not.toBe(graphDoc);
    expect(callRows(wrong).get('GET /users/delta')).toBe('Directory.Read.All Entra ID');
    expect(Object.fromEntries(callRows(wrong))).not.toEqual(
      Object.fromEntries(expectedCallRows(list)),
    );
  });
});

describe('a weaker permission list fails', () => {
  const withApp = (extra: Permissions['application'][number]) => ({
    ...list,
    application: [...list.application, extra],
  });
  const base = { why: 'x', doc: 'https://learn.microsoft.com/x', calls: ['GET /users/delta'] };

  it('tenant-wide Calendars.ReadWrite in Entra ID', () => {
    const weak = {
      ...list,
      application: list.application.map((p) => ({ ...p, grantedBy: 'entra' as const })),
    };
    expect(grantProblems(weak, grantsBicep).join('\n')).toMatch(
      /Calendars\.ReadWrite granted in Entra ID/,
    );
  });

  it('a resource-specific permission the manifest does not ask for', () => {
    const rsc = withApp({ ...base, permission: 'ChatMessage.Read.Chat', grantedBy: 'rsc' });
    expect(grantProblems(rsc, grantsBicep).join('\n')).toMatch(
      /ChatMessage\.Read\.Chat: rsc needs the manifest's resourceSpecific Application entry/,
    );
  });

  it('MailboxSettings.Read added', () => {
    expect(
      grantProblems(
        withApp({ ...base, permission: 'MailboxSettings.Read', grantedBy: 'entra' }),
        grantsBicep,
      ).join('\n'),
    ).toMatch(/MailboxSettings\.Read/);
  });

  it('a permission named in the Bicep file', () => {
    const bicep = grantsBicep.replace('p => p.permission)\n', "p => p.permission), 'Mail.Read')\n");
    expect(bicep).not.toBe(grantsBicep);
    expect(grantProblems(list, bicep).join('\n')).toMatch(/names permissions itself: 'Mail\.Read'/);
  });

  it('a permission no adapter uses', () => {
    const unused = withApp({
      ...base,
      permission: 'Group.Read.All',
      grantedBy: 'entra',
      calls: ['GET /groups'],
    });
    expect(usageProblems(unused, adapterCalls(adapters))).toEqual([
      'Group.Read.All is not used by the Graph adapters',
    ]);
  });

  it('an adapter call no permission covers', () => {
    const more = [
      ...adapters,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: adapter source text, not a template
      'client.api(`/users/${encodeURIComponent(id)}/mailboxSettings`).get()',
    ];
    expect(usageProblems(list, adapterCalls(more))).toEqual([
      'GET /users/{id}/mailboxSettings is covered by no permission',
    ]);
  });
});
