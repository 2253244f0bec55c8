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

/** Fifteen zones with different offsets (and different DST rules, or none). */
const WORLD_ZONES = [
  'Pacific/Honolulu',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Madrid',
  'Europe/Athens',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'ja'];

/**
 * A pool where nearly every mentee and every mentor is unlike the others — the shape the grouping
 * of identical sides cannot help with: 15 time zones, 7 languages, 40 departments, 300 managers in
 * uneven layers (some of them mentors, so reporting lines block pairs), mentees wanting 1–4 of 24
 * topics and mentors offering 3–10. `narrow`: mentees want 1–2 topics and mentors offer 2–4, which
 * leaves about a sixth of the pairs eligible (the sparse path of the matcher). `capacity`: the
 * largest room a mentor has (each one 1 to it).
 */
export function generateVariedPool(options: {
  mentees: number;
  mentors: number;
  seed?: number;
  narrow?: boolean;
  capacity?: number;
  objective?: 'maxParticipation' | 'maxScore';
}) {
  const rnd = prng(options.seed ?? 7);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Skewed picks: the first entries of a list are the common ones, as in a real directory.
  const skewed = <T>(list: readonly T[]) => list[Math.floor(rnd() * rnd() * list.length)]!;
  const sample = <T>(list: readonly T[], count: number, pick: (l: readonly T[]) => T) => {
    const out = new Set<T>();
    while (out.size < Math.min(count, list.length)) out.add(pick(list));
    return [...out];
  };
  const any = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const topics = Array.from({ length: 24 }, (_, k) => `topic-${k}`);
  const departments = Array.from({ length: 40 }, (_, k) => `dept-${k}`);
  const person = (id: string, managerId: string | null) => ({
    id,
    displayName: id,
    managerId,
    department: any(departments),
    timeZone: skewed(WORLD_ZONES),
  });
  // 300 managers in layers of 1, 6, 25, 68 and 200, each under someone of the layer above (chosen
  // unevenly, so some managers have many reports and some one).
  const layers = [1, 6, 25, 68, 200];
  const managers: string[][] = [];
  const people: Record<string, unknown>[] = [];
  layers.forEach((size, depth) => {
    const layer: string[] = [];
    for (let k = 0; k < size; k++) {
      const id = `m${depth}-${k}`;
      people.push(person(id, depth === 0 ? null : skewed(managers[depth - 1]!)));
      layer.push(id);
    }
    managers.push(layer);
  });
  const allManagers = managers.flat();
  // Individual contributors report to a manager of any layer below the top.
  const underAnyone = () => any(managers[int(1, layers.length - 1)]!);
  const mentees = [];
  for (let i = 0; i < options.mentees; i++) {
    people.push(person(`e${i}`, underAnyone()));
    mentees.push({
      personId: `e${i}`,
      wants: sample(topics, options.narrow ? int(1, 2) : int(1, 4), any),
      languages: sample(LANGUAGES, int(1, 2), skewed),
    });
  }
  const mentors = [];
  for (let j = 0; j < options.mentors; j++) {
    // One mentor in eight is a manager (while there are managers left), the rest contributors.
    const isManager = j % 8 === 0 && j / 8 < allManagers.length;
    const id = isManager ? allManagers[j / 8]! : `r${j}`;
    if (!isManager) people.push(person(id, underAnyone()));
    mentors.push({
      personId: id,
      offers: sample(topics, options.narrow ? int(2, 4) : int(3, 10), any),
      languages: sample(LANGUAGES, int(1, 3), skewed),
      capacity: int(1, options.capacity ?? 1),
    });
  }
  return {
    programme: {
      kind: 'classic',
      hierarchyRule: 'chain',
      mentorCapacity: 1,
      objective: options.objective ?? 'maxParticipation',
    },
    people,
    mentees,
    mentors,
  };
}
