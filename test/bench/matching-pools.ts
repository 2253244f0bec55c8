/** Deterministic matching instances for the benchmarks (a seeded PRNG; no I/O here). */

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  'Dirección',
  'Personas',
  'Tecnología',
  'Ventas',
  'Marketing',
  'Operaciones',
  'Finanzas',
  'Legal',
];
const ZONES = [
  'Europe/Madrid',
  'Europe/Madrid',
  'Europe/Madrid',
  'Atlantic/Canary',
  'America/Mexico_City',
];

/**
 * A pool with an organisation of leads over mentees and mentors. `dense`: mentees list no topics
 * and everyone shares Spanish, so every pair is eligible. Otherwise each mentee wants 2 of `topics`
 * topics and each mentor offers 3, which leaves a sparse candidate graph.
 */
export function generatePool(options: {
  mentees: number;
  mentors: number;
  capacity: number;
  dense: boolean;
  topics?: number;
  seed?: number;
}) {
  const rnd = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const topics = Array.from({ length: options.topics ?? 120 }, (_, k) => `topic-${k}`);
  const leads = 50;
  const people: Record<string, unknown>[] = [
    {
      id: 'ceo',
      displayName: 'CEO',
      managerId: null,
      department: 'Dirección',
      timeZone: 'Europe/Madrid',
    },
  ];
  for (let k = 0; k < leads; k++) {
    people.push({
      id: `lead${k}`,
      displayName: `Lead ${k}`,
      managerId: 'ceo',
      department: DEPARTMENTS[k % 8],
    });
  }
  const mentees = [];
  for (let i = 0; i < options.mentees; i++) {
    people.push({
      id: `e${i}`,
      displayName: `Mentee ${i}`,
      managerId: `lead${Math.floor(rnd() * leads)}`,
      department: pick(DEPARTMENTS),
      timeZone: pick(ZONES),
    });
    const wants = options.dense ? [] : [pick(topics), pick(topics)];
    mentees.push({ personId: `e${i}`, wants, languages: rnd() < 0.9 ? ['es'] : ['es', 'en'] });
  }
  const mentors = [];
  for (let j = 0; j < options.mentors; j++) {
    // Some mentors are leads' peers' reports, some sit in the mentees' own branches.
    people.push({
      id: `r${j}`,
      displayName: `Mentor ${j}`,
      managerId: rnd() < 0.5 ? `lead${Math.floor(rnd() * leads)}` : 'ceo',
      department: pick(DEPARTMENTS),
      timeZone: pick(ZONES),
    });
    const offers = options.dense ? topics.slice(0, 3) : [pick(topics), pick(topics), pick(topics)];
    mentors.push({
      personId: `r${j}`,
      offers,
      languages: ['es', 'en'],
      capacity: options.capacity,
    });
  }
  return {
    programme: { kind: 'classic', hierarchyRule: 'chain', mentorCapacity: options.capacity },
    people,
    mentees,
    mentors,
  };
}

/** A dense n × n cost matrix of the same kind of values, for the munkres reference. */
export function randomMatrix(n: number, seed = 7): number[][] {
  const rnd = prng(seed);
  return Array.from({ length: n }, () =>
    Array.from({ length: n }, () => Math.round(rnd() * 1600) / 1000),
  );
}
