import { buildOrgChart } from '../hierarchy/hierarchy';
import {
  compileFeatures,
  type Exceptions,
  explainPair,
  explainUnmatched,
  loadRow,
  NO_REPORTING_LINE,
  newRow,
  refuseLock,
  scoreCandidates,
} from './features';
import type { MatchingInstance, Objective } from './instance';
import { MAX_SCORE_MILLIS, type Reason, zoneOffsets } from './score';
import { solveAssignment } from './solve';
import { membersOf, NO_EDGE, solveDense } from './solve-dense';

/** One proposed pair, with the reasons it was made (docs/matching.md). */
export interface ProposedPair {
  mentee: string;
  mentor: string;
  score: number;
  locked: boolean;
  reasons: Reason[];
}

export interface MatchingResult {
  pairs: ProposedPair[];
  unmatched: { mentee: string; reason: Reason }[];
  refused: { mentee: string; mentor: string; reason: Reason }[];
  objective: { matched: number; totalScore: number };
  candidates?: { mentee: string; mentor: string; score: number }[];
}

export interface MatchingOptions {
  objective?: Objective;
  /** List every eligible pair with its score (`--candidates`). */
  candidates?: boolean;
  /** A zone's UTC offsets (score.ts's zoneOffsets unless the caller remembers them). */
  zoneOffsets?: (timeZone: string) => readonly number[] | undefined;
}

interface Candidate {
  i: number;
  j: number;
  millis: number;
}

/**
 * Runs a matching: the features (features.ts) decide which pairs are eligible and what each is
 * worth, HR's locks are kept unless a constraint HR cannot override refuses them, and the rest is
 * the exact optimum of the objective. Every pair and every mentee left out is explained.
 */
export function runMatching(
  instance: MatchingInstance,
  options: MatchingOptions = {},
): MatchingResult {
  const objective = options.objective ?? instance.programme.objective;
  const pool = compile(instance, options);
  const n = instance.mentees.length;
  const { locked, refused, room } = keepLocks(pool);
  const candidates: Candidate[] = [];
  const mentorOf = solve(pool, locked, room, objective, options.candidates ? candidates : null);

  const pairs: ProposedPair[] = [];
  const unmatched: MatchingResult['unmatched'] = [];
  // A pair's score and reasons read only its two sides: each combination is explained once.
  const explained = new Map<number, { millis: number; reasons: Reason[] }>();
  let totalMillis = 0;
  for (let i = 0; i < n; i++) {
    const lock = locked.get(i);
    if (lock) {
      pairs.push(lock);
      totalMillis += Math.round(lock.score * 1000);
      continue;
    }
    const j = mentorOf[i]!;
    if (j < 0) {
      unmatched.push({ mentee: instance.mentees[i]!.personId, reason: explainUnmatched(pool, i) });
      continue;
    }
    const key = pool.menteeSide[i]! * (n + instance.mentors.length + 1) + pool.mentorSide[j]!;
    let scored = explained.get(key);
    if (!scored) {
      const { millis, reasons } = explainPair(pool, i, j);
      scored = { millis, reasons: reasons.concat(NO_REPORTING_LINE) };
      explained.set(key, scored);
    }
    totalMillis += scored.millis;
    pairs.push({
      mentee: instance.mentees[i]!.personId,
      mentor: instance.mentors[j]!.personId,
      score: scored.millis / 1000,
      locked: false,
      reasons: scored.reasons.slice(),
    });
  }
  const result: MatchingResult = {
    pairs,
    unmatched,
    refused,
    objective: { matched: pairs.length, totalScore: totalMillis / 1000 },
  };
  if (options.candidates) result.candidates = listCandidates(instance, candidates, locked);
  return result;
}

/** The pool as numbers: people indexed, every feature compiled, the exceptions' indexes. */
function compile(instance: MatchingInstance, options: MatchingOptions) {
  const { programme } = instance;
  const rule = programme.hierarchyRule;
  const org = buildOrgChart(instance.people);
  const people = instance.people;
  const P = people.length;
  const personIndex = new Map<string, number>();
  for (let i = 0; i < P; i++) personIndex.set(people[i]!.id, i);
  const depth = new Int32Array(P);
  const managerOf = new Int32Array(P).fill(-1);
  for (let i = 0; i < P; i++) {
    const p = people[i]!;
    depth[i] = org.depthOf(p.id);
    managerOf[i] = p.managerId ? (personIndex.get(p.managerId) ?? -1) : -1;
  }
  const offsetsOf = options.zoneOffsets ?? zoneOffsets;
  const zoneCache = new Map<string, readonly number[] | undefined>();
  const zoneOffsetsOf = (zone: string) => {
    if (!zoneCache.has(zone)) zoneCache.set(zone, offsetsOf(zone));
    return zoneCache.get(zone);
  };
  const { mentees, mentors } = instance;
  const menteePerson = int32Of(mentees, (x) => personIndex.get(x.personId)!);
  const mentorPerson = int32Of(mentors, (x) => personIndex.get(x.personId)!);
  const menteeIndex = new Map<string, number>();
  for (let i = 0; i < mentees.length; i++) menteeIndex.set(mentees[i]!.personId, i);
  const mentorIndex = new Map<string, number>();
  for (let j = 0; j < mentors.length; j++) mentorIndex.set(mentors[j]!.personId, j);
  const excludedBy = new Map<number, number[]>();
  for (const e of instance.excluded ?? []) {
    const i = menteeIndex.get(e.mentee)!;
    const list = excludedBy.get(i);
    const j = mentorIndex.get(e.mentor)!;
    if (list) list.push(j);
    else excludedBy.set(i, [j]);
  }
  // Mentors below each person (the reverse direction of the hierarchy rule).
  const mentorsBelow = new Map<number, number[]>();
  for (let j = 0; j < mentors.length; j++) {
    const chain = org.chainOf(mentors[j]!.personId);
    const above = rule === 'chain' ? chain.length : Math.min(1, chain.length);
    for (let a = 0; a < above; a++) {
      const idx = personIndex.get(chain[a]!)!;
      const list = mentorsBelow.get(idx);
      if (list) list.push(j);
      else mentorsBelow.set(idx, [j]);
    }
  }
  const features = compileFeatures(
    {
      instance,
      kind: programme.kind,
      rule,
      org,
      menteePerson,
      mentorPerson,
      depth,
      zoneOffsets: zoneOffsetsOf,
    },
    excludedBy,
  );
  return {
    ...features,
    org,
    rule,
    personIndex,
    managerOf,
    menteeIndex,
    mentorIndex,
    mentorsBelow,
    capacity: int32Of(mentors, (x) => x.capacity ?? programme.mentorCapacity),
  };
}

type Pool = ReturnType<typeof compile>;

/** HR's locks: kept unless a constraint HR cannot override refuses them. */
function keepLocks(pool: Pool) {
  const { instance } = pool.context;
  const locked = new Map<number, ProposedPair>();
  const refused: MatchingResult['refused'] = [];
  const room = pool.capacity.slice();
  for (const lock of instance.locked ?? []) {
    const i = pool.menteeIndex.get(lock.mentee)!;
    const j = pool.mentorIndex.get(lock.mentor)!;
    const reason = refuseLock(pool, i, j);
    if (reason) {
      refused.push({ ...lock, reason });
      continue;
    }
    const scored = explainPair(pool, i, j);
    room[j]!--;
    locked.set(i, {
      mentee: lock.mentee,
      mentor: lock.mentor,
      score: scored.millis / 1000,
      locked: true,
      reasons: [{ code: 'locked', text: 'locked by HR' }, ...scored.reasons, NO_REPORTING_LINE],
    });
  }
  return { locked, refused, room };
}

/**
 * Each mentee's mentor in the optimum of the objective (−1: unmatched; locked mentees keep theirs
 * and are −1 here), listing every eligible pair into `candidates` when it is given.
 */
function solve(
  pool: Pool,
  locked: ReadonlyMap<number, ProposedPair>,
  room: Int32Array,
  objective: Objective,
  candidates: Candidate[] | null,
): Int32Array {
  const { instance } = pool.context;
  const n = instance.mentees.length;
  const m = instance.mentors.length;
  const rows: number[] = []; // mentee index of each row
  for (let i = 0; i < n; i++) if (!locked.has(i)) rows.push(i);
  const R = rows.length;
  // Mentors by topic offered, so a mentee with wanted topics only visits mentors who can help.
  const topics = pool.sets.find((s) => s.feature.name === 'topics')!;
  const mentorsByTopic = new Map<string, number[]>();
  for (let j = 0; j < m; j++) {
    for (const t of topics.mentorLists[j]!) {
      const list = mentorsByTopic.get(t);
      if (list) list.push(j);
      else mentorsByTopic.set(t, [j]);
    }
  }
  // Candidate edges at most: every mentor for a mentee who names no topic, else those offering one.
  let bound = 0;
  for (const i of rows) {
    const wants = topics.menteeLists[i]!;
    if (wants.length === 0) bound += m;
    else {
      let reach = 0;
      for (const w of wants) reach += mentorsByTopic.get(w)?.length ?? 0;
      bound += Math.min(m, reach);
    }
  }
  // maxParticipation: every pair is worth more than any total of scores, so the most mentees are
  // matched first, then the best total. maxScore: the total decides, and more matched breaks ties.
  const weights =
    objective === 'maxParticipation'
      ? { scale: 1, bias: MAX_SCORE_MILLIS * R + 1 }
      : { scale: R + 1, bias: 1 };
  const mentorOf = new Int32Array(n).fill(-1);
  if (R === 0 || m === 0) {
    if (candidates) scoreEdges(pool, locked, mentorsByTopic, bound, candidates);
    return mentorOf;
  }
  // A dense pool (most mentees may take most mentors) is scored once per kind of mentee — the
  // score depends only on their side — with each mentee's own reporting line and exclusions as
  // exceptions; a sparse one edge by edge.
  const assignment =
    bound * 4 >= R * m
      ? solveByKinds(pool, locked, room, weights, candidates)
      : solveAssignment({
          rows: R,
          cols: m,
          capacity: room,
          ...scoreEdges(pool, locked, mentorsByTopic, bound, candidates),
          ...weights,
        });
  rows.forEach((i, r) => {
    mentorOf[i] = assignment[r]!;
  });
  return mentorOf;
}

/** A mentee's own exceptions, stamped for the hot loop (reset per mentee by the stamp itself). */
function exceptionsOf(pool: Pool) {
  const { mentorPerson, menteePerson, instance } = pool.context;
  const m = instance.mentors.length;
  const ex: Exceptions = {
    mentorPerson,
    blocked: new Int32Array(m).fill(-1),
    chainStamp: new Int32Array(instance.people.length).fill(-1),
    directOnly: pool.rule === 'directManager',
    person: -1,
    directManager: -2,
  };
  /** Marks, for mentee i, every mentor the hierarchy rule or an exclusion forbids. */
  const mark = (i: number) => {
    const pi = menteePerson[i]!;
    for (const a of pool.org.chainOf(instance.mentees[i]!.personId)) {
      ex.chainStamp[pool.personIndex.get(a)!] = i;
    }
    for (const j of pool.mentorsBelow.get(pi) ?? []) ex.blocked[j] = i;
    for (const j of pool.excludedBy.get(i) ?? []) ex.blocked[j] = i;
    ex.person = pi;
    ex.directManager = pool.managerOf[pi]!;
  };
  return { ex, mark };
}

/** Candidate edges of the free mentees, row by row (compressed), from the features. */
function scoreEdges(
  pool: Pool,
  locked: ReadonlyMap<number, ProposedPair>,
  mentorsByTopic: ReadonlyMap<string, number[]>,
  bound: number,
  candidates: Candidate[] | null,
) {
  const { instance } = pool.context;
  const n = instance.mentees.length;
  const m = instance.mentors.length;
  const topics = pool.sets.find((s) => s.feature.name === 'topics')!;
  // Typed arrays sized once from the upper bound (a dense pool has millions of edges).
  let all = bound;
  if (candidates) all += locked.size * m;
  const colIndex = new Int32Array(all);
  const millis = new Int32Array(all);
  const rowStart = new Int32Array(n - locked.size + 1);
  const allMentors = int32Of(instance.mentors, (_, j) => j);
  const visit = new Int32Array(m);
  const seen = new Int32Array(m).fill(-1);
  const { ex, mark } = exceptionsOf(pool);
  const row = newRow(pool);
  const tables = pool.sets.map(() => new Map<number, Int32Array>());
  let edges = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    const isLocked = locked.has(i);
    // A locked mentee's pair is settled; its other candidates matter only when they are listed.
    if (isLocked && !candidates) continue;
    mark(i);
    loadRow(pool, row, i, tables);
    const wants = topics.menteeLists[i]!;
    let scanLength = m;
    let scan = allMentors;
    if (wants.length > 0) {
      scanLength = 0;
      for (const w of wants) {
        for (const j of mentorsByTopic.get(w) ?? []) {
          if (seen[j] !== i) {
            seen[j] = i;
            visit[scanLength++] = j;
          }
        }
      }
      visit.subarray(0, scanLength).sort();
      scan = visit;
    }
    const before = edges;
    edges = scoreCandidates(pool, row, ex, scan, scanLength, colIndex, millis, edges);
    if (candidates) {
      for (let e = before; e < edges; e++) {
        candidates.push({ i, j: colIndex[e]!, millis: millis[e]! });
      }
    }
    if (isLocked) edges = before;
    else rowStart[++r] = edges;
  }
  return { rowStart, colIndex: colIndex.subarray(0, edges), score: millis.subarray(0, edges) };
}

/**
 * The dense form: mentees grouped into kinds and mentors into groups by their side (features.ts:
 * what the features read of them), so a kind is scored against a group once. A mentee's own
 * reporting line, itself and HR's exclusions are exceptions per mentee, and a mentor who is an
 * exception for someone stays a group of one. The solver (solveDense) merges further the groups no
 * kind tells apart, places mentees on them, and hands each group's mentees to its members in order.
 */
function solveByKinds(
  pool: Pool,
  locked: ReadonlyMap<number, ProposedPair>,
  room: Int32Array,
  weights: { scale: number; bias: number },
  candidates: Candidate[] | null,
) {
  const { instance, menteePerson } = pool.context;
  const n = instance.mentees.length;
  const m = instance.mentors.length;
  const kindOf = new Map<number, number>(); // side → kind
  const kindFirst: number[] = []; // a mentee of each kind
  const menteeKind = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (locked.has(i) && !candidates) continue;
    const side = pool.menteeSide[i]!;
    let k = kindOf.get(side);
    if (k === undefined) {
      k = kindFirst.length;
      kindOf.set(side, k);
      kindFirst.push(i);
    }
    menteeKind[i] = k;
  }
  const K = kindFirst.length;

  // Each mentee's exceptions: itself, its line, HR's exclusions (mentees with a kind).
  const stamp = new Int32Array(m).fill(-1);
  const exceptStart = new Int32Array(n + 1);
  const except: number[] = [];
  const block = (i: number, j: number | undefined) => {
    if (j !== undefined && stamp[j] !== i) {
      stamp[j] = i;
      except.push(j);
    }
  };
  const alone = new Uint8Array(m);
  for (let i = 0; i < n; i++) {
    if (menteeKind[i]! >= 0) {
      const id = instance.mentees[i]!.personId;
      block(i, pool.mentorIndex.get(id));
      const chain = pool.org.chainOf(id);
      const above = pool.rule === 'chain' ? chain.length : Math.min(1, chain.length);
      for (let a = 0; a < above; a++) block(i, pool.mentorIndex.get(chain[a]!));
      const below = pool.mentorsBelow.get(menteePerson[i]!);
      if (below) for (let k = 0; k < below.length; k++) block(i, below[k]);
      const excluded = pool.excludedBy.get(i);
      if (excluded) for (let k = 0; k < excluded.length; k++) block(i, excluded[k]);
      if (!locked.has(i)) {
        for (let e = exceptStart[i]!; e < except.length; e++) alone[except[e]!] = 1;
      }
    }
    exceptStart[i + 1] = except.length;
  }

  // Mentors by side: alike for every kind, so a kind is scored against a side once. A mentor who
  // is an exception for some mentee is a column alone (that mentee tells it apart).
  const groupOf = new Int32Array(m);
  const groupFirst: number[] = [];
  const groupBySide = new Map<number, number>();
  for (let j = 0; j < m; j++) {
    let g = alone[j] ? undefined : groupBySide.get(pool.mentorSide[j]!);
    if (g === undefined) {
      g = groupFirst.length;
      groupFirst.push(j);
      if (!alone[j]) groupBySide.set(pool.mentorSide[j]!, g);
    }
    groupOf[j] = g;
  }
  const G = groupFirst.length;
  const groups = membersOf(groupOf, G, room);

  // A kind against a group, once: its first mentee's features against the group's first mentor,
  // with no mentee's own exceptions (row i −2: nobody's).
  const { ex } = exceptionsOf(pool);
  const row = newRow(pool);
  const tables = pool.sets.map(() => new Map<number, Int32Array>());
  const scan = Int32Array.from(groupFirst);
  const cols = new Int32Array(G);
  const out = new Int32Array(G);
  // The solver's own form (solve-dense.ts): each score as a 32-bit float, −∞ for no edge.
  const weight = new Float32Array(K * G).fill(NO_EDGE);
  for (let k = 0; k < K; k++) {
    loadRow(pool, row, kindFirst[k]!, tables);
    row.i = -2;
    const edges = scoreCandidates(pool, row, ex, scan, G, cols, out, 0);
    for (let e = 0; e < edges; e++) weight[k * G + groupOf[cols[e]!]!] = out[e]!;
  }

  const R = n - locked.size;
  const rowKind = new Int32Array(R);
  const blockedStart = new Int32Array(R + 1);
  const blockedCol: number[] = [];
  let r = 0;
  for (let i = 0; i < n; i++) {
    const k = menteeKind[i]!;
    if (k < 0) continue;
    if (candidates) {
      for (let e = exceptStart[i]!; e < exceptStart[i + 1]!; e++) stamp[except[e]!] = -2 - i;
      for (let j = 0; j < m; j++) {
        const s = weight[k * G + groupOf[j]!]!;
        if (s !== NO_EDGE && stamp[j] !== -2 - i) candidates.push({ i, j, millis: s });
      }
    }
    if (locked.has(i)) continue;
    rowKind[r] = k;
    for (let e = exceptStart[i]!; e < exceptStart[i + 1]!; e++) {
      blockedCol.push(groupOf[except[e]!]!);
    }
    blockedStart[++r] = blockedCol.length;
  }
  return solveDense(
    {
      rows: R,
      cols: G,
      capacity: groups.room,
      kinds: K,
      weight,
      rowKind,
      blockedStart,
      blockedCol: Int32Array.from(blockedCol),
      ...weights,
    },
    { ...groups, capacity: room },
  );
}

/** Every eligible pair and every kept lock once, in mentee then mentor order. */
function listCandidates(
  instance: MatchingInstance,
  list: Candidate[],
  locked: ReadonlyMap<number, ProposedPair>,
) {
  const { mentees, mentors } = instance;
  const m = mentors.length;
  const candidates = list.map(({ i, j, millis }) => ({
    mentee: mentees[i]!.personId,
    mentor: mentors[j]!.personId,
    score:
      (locked.get(i)?.mentor === mentors[j]!.personId ? locked.get(i)!.score * 1000 : millis) /
      1000,
  }));
  // Kept locks that the hard constraints alone would not allow are candidates too.
  for (const pair of locked.values()) {
    if (!candidates.some((c) => c.mentee === pair.mentee && c.mentor === pair.mentor)) {
      candidates.push({ mentee: pair.mentee, mentor: pair.mentor, score: pair.score });
    }
  }
  const menteeIndex = new Map(mentees.map((x, i) => [x.personId, i]));
  const mentorIndex = new Map(mentors.map((x, j) => [x.personId, j]));
  const order = (c: { mentee: string; mentor: string }) =>
    menteeIndex.get(c.mentee)! * (m + 1) + mentorIndex.get(c.mentor)!;
  return candidates.sort((a, b) => order(a) - order(b));
}

/**
 * `Int32Array.from(list, f)` without the iterator protocol, which is a slow generic path in a
 * process that runs once (`tandem match` is timed as a whole).
 */
function int32Of<T>(list: ArrayLike<T>, f: (x: T, k: number) => number): Int32Array {
  const out = new Int32Array(list.length);
  for (let k = 0; k < list.length; k++) out[k] = f(list[k]!, k);
  return out;
}
