import { parseMatchingInstance } from '../../functions/src/domain/matching/instance';
import { runMatching } from '../../functions/src/domain/matching/match';
import { generatePool, generateVariedPool } from './matching-pools';
import { median } from './median';
import type { Bench, BenchRow } from './run';

/**
 * The matching benchmark's pools with what issue #20 added: a bilingual topic vocabulary (topic
 * strings spelled as ids, Spanish or English names and other words, in any case), preferred days
 * and parts of the day on every person, and a history of earlier pairs. Each is timed beside the
 * same pool without them (parse and match in-process, median of 5): the new features must keep
 * the matcher's speed (target ratio ≤ 1.5). Kept apart from matching.bench.ts, which measures the
 * solver's whole process.
 */

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const PARTS = ['morning', 'afternoon'];

type Pool = ReturnType<typeof generatePool> & {
  topics?: unknown[];
  history?: unknown[];
};

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** The pool with a vocabulary over its topic ids, respelled strings, availability and history. */
function withIssue20(pool: Pool, seed: number): Pool {
  const rnd = prng(seed);
  const ids = new Set<string>();
  const all = [...pool.mentees, ...pool.mentors] as { wants?: string[]; offers?: string[] }[];
  for (const p of all) for (const t of [...(p.wants ?? []), ...(p.offers ?? [])]) ids.add(t);
  const topics = [...ids].slice(0, 80).map((id, k) => ({
    id,
    label: { es: `Tema número ${k}`, en: `Topic number ${k}` },
    synonyms: [`tópico ${k}`, `subject ${k}`],
  }));
  const known = new Set(topics.map((t) => t.id));
  const spell = (id: string) => {
    const k = topics.findIndex((t) => t.id === id);
    if (k < 0 || !known.has(id)) return id;
    const r = rnd();
    return r < 0.4
      ? id
      : r < 0.6
        ? `TEMA NUMERO ${k}`
        : r < 0.8
          ? `topic number ${k}`
          : `Tópico ${k}`;
  };
  const availability = () => ({
    days: DAYS.filter(() => rnd() < 0.5),
    partsOfDay: PARTS.filter(() => rnd() < 0.6),
  });
  const mentees = (pool.mentees as { personId: string; wants?: string[] }[]).map((m) => ({
    ...m,
    ...(m.wants ? { wants: m.wants.map(spell) } : {}),
    availability: availability(),
  }));
  const mentors = (pool.mentors as { personId: string; offers?: string[] }[]).map((m) => ({
    ...m,
    ...(m.offers ? { offers: m.offers.map(spell) } : {}),
    availability: availability(),
  }));
  // Two earlier programmes' worth of pairs among these people.
  const history = [];
  for (let k = 0; k < mentees.length * 2; k++) {
    history.push({
      mentee: mentees[Math.floor(rnd() * mentees.length)]!.personId,
      mentor: mentors[Math.floor(rnd() * mentors.length)]!.personId,
      programme: k % 2 === 0 ? 'Mentoring 2025' : 'Mentoring 2026',
    });
  }
  return { ...pool, mentees, mentors, topics, history } as unknown as Pool;
}

function timeIt(pool: unknown): { ms: number; matched: number } {
  const runs: number[] = [];
  let matched = 0;
  for (let k = 0; k < 5; k++) {
    const input = structuredClone(pool);
    const started = performance.now();
    const parsed = parseMatchingInstance(input);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
    matched = runMatching(parsed.instance).objective.matched;
    runs.push(performance.now() - started);
  }
  return { ms: median(runs), matched };
}

const bench: Bench = async () => {
  const rows: BenchRow[] = [];
  const pools = [
    {
      label: 'sparse 2,000 × 2,000 (topics)',
      pool: generatePool({ mentees: 2000, mentors: 2000, capacity: 1, dense: false }),
    },
    {
      label: 'varied 2,000 × 2,000',
      pool: generateVariedPool({ mentees: 2000, mentors: 2000 }),
    },
  ];
  for (const [k, { label, pool }] of pools.entries()) {
    const plain = timeIt(pool);
    const rich = timeIt(withIssue20(pool as Pool, k + 1));
    rows.push({
      bench: 'matching-topics',
      metric: `${label} with vocabulary, availability and history, parse + match`,
      value: rich.ms,
      unit: 'ms',
      reference: { label: 'the same pool without them', value: plain.ms },
      ratio: rich.ms / plain.ms,
      note: `matched ${rich.matched} (without: ${plain.matched}); median of 5 in-process; target ratio ≤ 1.5`,
    });
  }
  return rows;
};

export default bench;
