import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'tandem-match-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function tandem(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: async (p) => (await import('node:fs/promises')).readFile(p, 'utf8'),
  });
  return { code, stdout, stderr };
}

const valid = {
  programme: { kind: 'classic', mentorCapacity: 1 },
  people: [
    { id: 'u1', displayName: 'Ana Ruiz', managerId: null, department: 'Dirección' },
    { id: 'u4', displayName: 'Luis Sanz', managerId: 'u1', department: 'Operaciones' },
    { id: 'u9', displayName: 'Marta Gil', managerId: 'u4', department: 'Ventas' },
    { id: 'u5', displayName: 'Eva Pons', managerId: 'u1', department: 'Finanzas' },
    { id: 'u12', displayName: 'Juan Vera', managerId: 'u5', department: 'Ventas' },
  ],
  mentees: [
    { personId: 'u9', wants: ['negotiation'], languages: ['es'] },
    { personId: 'u12', wants: ['negotiation'], languages: ['es'] },
  ],
  mentors: [{ personId: 'u5', offers: ['negotiation'], languages: ['es', 'en'], capacity: 1 }],
};

describe('tandem match', () => {
  it('prints the contract’s result as JSON and nothing else', async () => {
    const { code, stdout, stderr } = await tandem(['match', '--in', file('ok.json', valid)]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['pairs', 'unmatched', 'refused', 'objective']);
    expect(result.objective).toEqual({ matched: 1, totalScore: expect.any(Number) });
    expect(result.pairs[0]).toMatchObject({ mentor: 'u5', locked: false });
    // Eva manages Juan, so only Marta may have her.
    expect(result.pairs[0].mentee).toBe('u9');
    expect(result.unmatched).toEqual([
      { mentee: 'u12', reason: expect.objectContaining({ code: 'onlyReportingLine' }) },
    ]);
  });

  it('lists candidates with --candidates and honours --objective', async () => {
    const path = file('ok2.json', valid);
    const { stdout } = await tandem([
      'match',
      '--in',
      path,
      '--candidates',
      '--objective',
      'maxScore',
    ]);
    const result = JSON.parse(stdout);
    expect(result.candidates).toEqual([
      { mentee: 'u9', mentor: 'u5', score: result.pairs[0].score },
    ]);
  });

  it('reads the vocabulary, preferred times and history of docs/matching.md', async () => {
    const withHistory = {
      ...valid,
      topics: [{ id: 'negotiation', label: { es: 'Negociación', en: 'Negotiation' } }],
      mentees: [
        {
          personId: 'u9',
          wants: ['NEGOCIACIÓN'],
          languages: ['es'],
          availability: { days: ['monday'], partsOfDay: ['morning'] },
        },
      ],
      mentors: [
        {
          personId: 'u5',
          offers: ['negotiation'],
          languages: ['es'],
          availability: { partsOfDay: ['morning'] },
        },
      ],
    };
    const paired = JSON.parse(
      (await tandem(['match', '--in', file('h1.json', withHistory)])).stdout,
    );
    expect(paired.pairs[0].reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['topics', 'availability']),
    );
    const before = { ...withHistory, history: [{ mentee: 'u9', mentor: 'u5', programme: '2025' }] };
    const again = JSON.parse((await tandem(['match', '--in', file('h2.json', before)])).stdout);
    expect(again.pairs).toEqual([]);
    expect(again.unmatched).toEqual([
      { mentee: 'u9', reason: expect.objectContaining({ code: 'pairedBefore' }) },
    ]);
    const badTopic = { ...withHistory, topics: [{ id: 'Bad Id', label: { es: 'a', en: 'b' } }] };
    const refused = await tandem(['match', '--in', file('h3.json', badTopic)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('topics[0].id');
  });

  it('exits 2 naming the field and reason for bad input', async () => {
    const bad = { ...valid, mentees: [...valid.mentees, { personId: 'u77' }] };
    const r = await tandem(['match', '--in', file('bad.json', bad)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mentees[2].personId: unknown person "u77"\n');
    const notJson = await tandem(['match', '--in', file('bad2.json', '{nope')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^--in: .* is not valid JSON/);
    expect((await tandem(['match'])).code).toBe(2);
    expect(
      (await tandem(['match', '--in', file('ok3.json', valid), '--objective', 'best'])).stderr,
    ).toMatch(/^--objective: must be/);
  });

  it('runs as `npm run --silent tandem -- match`, with the same output every time', async () => {
    const path = file('proc.json', valid);
    const run = () =>
      promisify(execFile)('npm', ['run', '--silent', 'tandem', '--', 'match', '--in', path], {
        cwd: join(import.meta.dirname, '../../..'),
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).objective.matched).toBe(1);
    const bad = promisify(execFile)(
      'npm',
      ['run', '--silent', 'tandem', '--', 'match', '--in', file('bad3.json', { programme: {} })],
      { cwd: join(import.meta.dirname, '../../..') },
    );
    await expect(bad).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('programme.kind'),
    });
    // Three npm processes, and the first run after a source change rebuilds the bundle: on a
    // shared, busy machine that takes longer than vitest's default 5 s.
  }, 60_000);
});
