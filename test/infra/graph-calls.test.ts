import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The table of every Graph call (docs/graph.md and the README) against the calls the Graph
 * adapters make: each `.api('…')` / `.api(`…`)` in functions/src/adapters/graph, with the method
 * that sends it. A call missing from a table, or a row for a call no longer made, fails. Links
 * Graph returned (`.api(next)`) are not calls of their own.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const adapterDir = join(root, 'functions/src/adapters/graph');
const sources = readdirSync(adapterDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(adapterDir, f), 'utf8') }));

/** `METHOD /path` for each literal `.api(…)` in the sources, `{id}` for each interpolation. */
function adapterCalls(texts: readonly string[]): string[] {
  const calls: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(/\.api\(\s*(`[^`]*`|'[^']*')\s*\)/g)) {
      const rest = text.slice(match.index! + match[0].length);
      const method = /\.(get|post|patch|put|delete)\(/.exec(rest)?.[1] ?? '?';
      const path = match[1]!
        .slice(1, -1)
        .replace(/\$\{user\([^)]*\)\}/g, '/users/{id}')
        .replace(/\$\{[^}]*\}/g, '{id}');
      calls.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return [...new Set(calls)].sort();
}

/** The calls a markdown table names: a row whose first cell is `` `METHOD /path` ``. */
function tableCalls(markdown: string, heading: string): string[] {
  const at = markdown.indexOf(heading);
  if (at < 0) return [];
  const after = markdown.slice(at + heading.length);
  const end = after.search(/\n#{1,3} /);
  const section = end < 0 ? after : after.slice(0, end);
  return [...section.matchAll(/^\|\s*`((?:GET|POST|PATCH|PUT|DELETE) \/[^`]*)`\s*\|/gm)]
    .map((m) => m[1]!)
    .sort();
}

const HEADING = 'Every Graph call Tandem makes';
const docs = readFileSync(join(root, 'docs/graph.md'), 'utf8');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const calls = adapterCalls(sources.map((s) => s.text));

describe('the table of Graph calls', () => {
  it('reads the calls the adapters make', () => {
    expect(calls).toContain('GET /users/delta');
    expect(calls).toContain('POST /users/{id}/calendar/getSchedule');
    expect(calls.length).toBeGreaterThanOrEqual(9);
    expect(calls.filter((c) => c.startsWith('?'))).toEqual([]);
  });

  it.each([
    ['docs/graph.md', docs],
    ['README.md', readme],
  ])('in %s lists exactly those calls', (_file, markdown) => {
    expect(tableCalls(markdown, HEADING)).toEqual(calls);
  });

  it('fails for a call added to an adapter and for a row left behind', () => {
    const added = adapterCalls([
      ...sources.map((s) => s.text),
      "client.api('/users/{id}/calendar/calendarView').get()",
    ]);
    expect(tableCalls(docs, HEADING)).not.toEqual(added);
    const stale = docs.replace(HEADING, `${HEADING}\n\n| \`DELETE /users/{id}/events/{id}\` | x |`);
    expect(tableCalls(stale, HEADING)).not.toEqual(calls);
  });
});
