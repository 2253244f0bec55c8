import { buildOrgChart, describeReportingLine, findReportingLine } from '../hierarchy/hierarchy';
import type { MatchingInstance, Objective } from './instance';
import {
  commonWorkingHours,
  expectsSeniorMentor,
  MAX_SCORE_MILLIS,
  type Reason,
  SCORE_WEIGHTS,
  scorePair,
  topicsMillis,
  workingHoursMillis,
  zoneOffsets,
} from './score';
import { solveAssignment } from './solve';
import { membersOf, solveDense, spreadOverMembers } from './solve-dense';

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

const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * Runs a matching: hard constraints (PRODUCT rules 1–4 as the contract fixes them) decide which
 * pairs are eligible, Tandem's score ranks them, HR's locks are kept unless they break rule 1, and
 * the rest is the exact optimum of the objective. Every pair and every mentee left out is explained.
 */
export function runMatching(
  instance: MatchingInstance,
  options: MatchingOptions = {},
): MatchingResult {
  const { programme } = instance;
  const objective = options.objective ?? programme.objective;
  const rule = programme.hierarchyRule;
  const org = buildOrgChart(instance.people);

  // People, indexed.
  const P = instance.people.length;
  const people = instance.people;
  const personIndex = new Map<string, number>();
  for (let i = 0; i < P; i++) personIndex.set(people[i]!.id, i);
  const depth = new Int32Array(P);
  const managerOf = new Int32Array(P).fill(-1);
  const offsetsOf = options.zoneOffsets ?? zoneOffsets;
  const offsets: (readonly number[] | undefined)[] = new Array(P);
  const zoneCache = new Map<string, readonly number[] | undefined>();
  for (let i = 0; i < P; i++) {
    const p = people[i]!;
    depth[i] = org.depthOf(p.id);
    managerOf[i] = p.managerId ? (personIndex.get(p.managerId) ?? -1) : -1;
    if (p.timeZone) {
      if (!zoneCache.has(p.timeZone)) zoneCache.set(p.timeZone, offsetsOf(p.timeZone));
      offsets[i] = zoneCache.get(p.timeZone);
    }
  }

  const mentees = instance.mentees;
  const mentors = instance.mentors;
  const n = mentees.length;
  const m = mentors.length;
  const menteePerson = int32Of(mentees, (x) => personIndex.get(x.personId)!);
  const mentorPerson = int32Of(mentors, (x) => personIndex.get(x.personId)!);
  const menteeIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) menteeIndex.set(mentees[i]!.personId, i);
  const mentorIndex = new Map<string, number>();
  for (let j = 0; j < m; j++) mentorIndex.set(mentors[j]!.personId, j);
  const capacity = int32Of(mentors, (x) => x.capacity ?? programme.mentorCapacity);

  // Languages and topics, interned.
  const intern = new Map<string, number>();
  const idOf = (s: string) => numberOf(intern, s);
  const langsOf = listMemo((raw) => [...new Set(raw.map(primary))].filter(Boolean));
  const topicsOf = listMemo((raw) => [...new Set(raw)]);
  const offeredOf = listMemo((raw) => [...new Set(raw)]);
  const offerIdsOf = listMemo((raw) => Int32Array.from(new Set(raw), (t) => idOf(`t:${t}`)));
  const menteeLangs = mentees.map((x) => langsOf(x.languages));
  const mentorLangs = mentors.map((x) => langsOf(x.languages));
  const menteeWants = mentees.map((x) => topicsOf(x.wants));
  const mentorOffers = mentors.map((x) => offerIdsOf(x.offers));

  // Mentors by topic offered, so a mentee with wanted topics only visits mentors who can help.
  const mentorsByTopic = new Map<number, number[]>();
  for (let j = 0; j < m; j++) {
    const offers = mentorOffers[j]!;
    for (let k = 0; k < offers.length; k++) {
      const list = mentorsByTopic.get(offers[k]!);
      if (list) list.push(j);
      else mentorsByTopic.set(offers[k]!, [j]);
    }
  }
  // Mentors below each person (for the reverse direction of the chain rule).
  const mentorsBelow = new Map<number, number[]>();
  for (let j = 0; j < m; j++) {
    const chain = org.chainOf(mentors[j]!.personId);
    const above = rule === 'chain' ? chain.length : Math.min(1, chain.length);
    for (let a = 0; a < above; a++) {
      const idx = personIndex.get(chain[a]!)!;
      const list = mentorsBelow.get(idx);
      if (list) list.push(j);
      else mentorsBelow.set(idx, [j]);
    }
  }
  const excludedBy = new Map<number, number[]>();
  for (const e of instance.excluded ?? []) {
    const i = menteeIndex.get(e.mentee)!;
    const list = excludedBy.get(i);
    const j = mentorIndex.get(e.mentor)!;
    if (list) list.push(j);
    else excludedBy.set(i, [j]);
  }

  const blocked = new Int32Array(m).fill(-1);
  const seen = new Int32Array(m).fill(-1);
  const allMentors = int32Of(mentors, (_, j) => j);

  /** Marks, for mentee i, every mentor the hierarchy rule or an exclusion forbids. */
  function markForbidden(i: number) {
    const pi = menteePerson[i]!;
    for (const j of mentorsBelow.get(pi) ?? []) blocked[j] = i;
    for (const j of excludedBy.get(i) ?? []) blocked[j] = i;
  }
  const isAbove = (i: number, j: number) => {
    // Is mentor j in mentee i's chain (or direct manager, by rule)?
    const pj = mentorPerson[j]!;
    if (rule === 'directManager') return managerOf[menteePerson[i]!] === pj;
    return chainStamp[pj] === i;
  };
  const chainStamp = new Int32Array(P).fill(-1);
  function markChain(i: number) {
    for (const a of org.chainOf(mentees[i]!.personId)) chainStamp[personIndex.get(a)!] = i;
  }
  function sharedLanguages(i: number, j: number): string[] | null {
    // null: both listed languages and share none (ineligible).
    const mine = menteeLangs[i]!;
    const theirs = mentorLangs[j]!;
    if (mine.length === 0 || theirs.length === 0) return [];
    const shared = mine.filter((l) => theirs.includes(l));
    return shared.length > 0 ? shared : null;
  }

  function topicsMet(i: number, j: number): string[] {
    const wants = menteeWants[i]!;
    if (wants.length === 0) return [];
    const offers = mentorOffers[j]!;
    const met: string[] = [];
    for (const w of wants) {
      const t = intern.get(`t:${w}`);
      if (t !== undefined && offers.includes(t)) met.push(w);
    }
    return met;
  }

  function facts(i: number, j: number, met: string[], shared: string[]) {
    const pi = menteePerson[i]!;
    const pj = mentorPerson[j]!;
    const a = offsets[pi];
    const b = offsets[pj];
    return scorePair({
      kind: programme.kind,
      topicsMet: met,
      topicsWanted: menteeWants[i]!.length,
      sharedLanguages: shared,
      menteeDepartment: instance.people[pi]!.department,
      mentorDepartment: instance.people[pj]!.department,
      menteeDepth: depth[pi]!,
      mentorDepth: depth[pj]!,
      commonHours: a && b ? commonWorkingHours(a, b) : undefined,
    });
  }

  // HR's locks: kept unless they break rule 1 (or pair someone with themself).
  const lockedPairOf = new Map<number, ProposedPair>();
  const refused: MatchingResult['refused'] = [];
  const load = new Int32Array(m);
  for (const lock of instance.locked ?? []) {
    const i = menteeIndex.get(lock.mentee)!;
    const j = mentorIndex.get(lock.mentor)!;
    if (lock.mentee === lock.mentor) {
      refused.push({
        ...lock,
        reason: { code: 'samePerson', text: 'mentor and mentee are the same person' },
      });
      continue;
    }
    const line = findReportingLine(org, lock.mentee, lock.mentor, rule);
    if (line) {
      const text = describeReportingLine(org, line);
      refused.push({ ...lock, reason: { code: 'reportingLine', text, params: { line: text } } });
      continue;
    }
    const scored = facts(i, j, topicsMet(i, j), sharedLanguages(i, j) ?? []);
    load[j]!++;
    lockedPairOf.set(i, {
      mentee: lock.mentee,
      mentor: lock.mentor,
      score: scored.millis / 1000,
      locked: true,
      reasons: [{ code: 'locked', text: 'locked by HR' }, ...scored.reasons, noReportingLine],
    });
  }

  // Candidate edges of the free mentees, row by row (compressed). This loop sees every pair of a
  // dense pool, so it works on numbers only: topics and languages as bit sets, departments and
  // time zones as small integers; reasons are written for the chosen pairs alone, afterwards.
  const topicBit = new Map<string, number>();
  const langBit = new Map<string, number>();
  const offerTopics = mentors.map((x) => offeredOf(x.offers));
  for (const offers of offeredOf.distinct) for (const t of offers) numberOf(topicBit, t);
  for (const langs of langsOf.distinct) for (const l of langs) numberOf(langBit, l);
  const topicWords = Math.max(1, Math.ceil(topicBit.size / 32));
  const langWords = Math.max(1, Math.ceil(langBit.size / 32));
  // Masks of the shared lists, once per list.
  const masks = new Map<readonly string[], Uint32Array>();
  const maskOf = (keys: readonly string[], map: Map<string, number>, words: number) => {
    let mask = masks.get(keys);
    if (mask) return mask;
    mask = new Uint32Array(words);
    for (const k of keys) {
      const b = map.get(k);
      if (b !== undefined) mask[b >>> 5]! |= 1 << (b & 31);
    }
    masks.set(keys, mask);
    return mask;
  };
  const offerMask = new Uint32Array(m * topicWords);
  const mentorLangMask = new Uint32Array(m * langWords);
  for (let j = 0; j < m; j++) {
    offerMask.set(maskOf(offerTopics[j]!, topicBit, topicWords), j * topicWords);
    mentorLangMask.set(maskOf(mentorLangs[j]!, langBit, langWords), j * langWords);
  }
  const deptId = new Map<string, number>();
  const personDept = int32Of(people, (p) => (p.department ? numberOf(deptId, p.department) : -1));
  const zoneId = new Map<string, number>();
  const personZone = int32Of(offsets, (o, k) =>
    o ? numberOf(zoneId, instance.people[k]!.timeZone!) : -1,
  );
  const zones = [...zoneId.keys()].map((z) => zoneCache.get(z)!);
  const zoneMillis = new Int32Array(zones.length * zones.length);
  for (let a = 0; a < zones.length; a++) {
    for (let b = 0; b < zones.length; b++) {
      zoneMillis[a * zones.length + b] = workingHoursMillis(
        commonWorkingHours(zones[a]!, zones[b]!),
      );
    }
  }

  // What the score and the reasons read of a mentee or a mentor — their lists of topics and
  // languages, department, level and zone — as one number, their "side": people with the same
  // side are interchangeable to the matcher. Lists are compared by identity (equal lists are one
  // object, listMemo above).
  const listIds = new Map<object, number>();
  const listId = (list: object) => numberOf(listIds, list);
  // Two numbers rather than a string per person: the lists (fewer than 2 (n + m) of them), then
  // department, level and zone, each below its own count.
  const sides = new Map<number, Map<number, number>>();
  let nSides = 0;
  let levels = 0;
  for (let k = 0; k < P; k++) levels = Math.max(levels, depth[k]! + 1);
  const sideOf = (person: number, topics: object, langs: object) => {
    const lists = listId(topics) * (2 * (n + m) + 1) + listId(langs);
    const rest =
      ((personDept[person]! + 1) * levels + depth[person]!) * (zoneId.size + 1) +
      personZone[person]! +
      1;
    let byRest = sides.get(lists);
    if (!byRest) {
      byRest = new Map();
      sides.set(lists, byRest);
    }
    let side = byRest.get(rest);
    if (side === undefined) {
      side = nSides++;
      byRest.set(rest, side);
    }
    return side;
  };
  const menteeSides = new Int32Array(n).fill(-1);
  const mentorSides = new Int32Array(m).fill(-1);
  const menteeSide = (i: number) => {
    if (menteeSides[i]! < 0)
      menteeSides[i] = sideOf(menteePerson[i]!, menteeWants[i]!, menteeLangs[i]!);
    return menteeSides[i]!;
  };
  const mentorSide = (j: number) => {
    if (mentorSides[j]! < 0)
      mentorSides[j] = sideOf(mentorPerson[j]!, mentorOffers[j]!, mentorLangs[j]!);
    return mentorSides[j]!;
  };

  const mentorSpeaks = new Uint8Array(m);
  for (let j = 0; j < m; j++) mentorSpeaks[j] = mentorLangs[j]!.length > 0 ? 1 : 0;
  const rows: number[] = []; // mentee index of each row
  for (let i = 0; i < n; i++) if (!lockedPairOf.has(i)) rows.push(i);
  const R = rows.length;
  // Candidate edges at most: every mentor for a mentee who names no topic, else those offering one.
  let bound = 0;
  for (const i of rows) {
    const wants = menteeWants[i]!;
    if (wants.length === 0) bound += m;
    else {
      let reach = 0;
      for (const w of wants) reach += mentorsByTopic.get(intern.get(`t:${w}`) ?? -1)?.length ?? 0;
      bound += Math.min(m, reach);
    }
  }
  const candidateList: { i: number; j: number; millis: number }[] = [];
  const wantMask = new Uint32Array(topicWords);
  const menteeLangMask = new Uint32Array(langWords);
  const pool: PoolArrays = {
    mentorPerson,
    blocked,
    chainStamp,
    directOnly: rule === 'directManager',
    langWords,
    topicWords,
    menteeLangMask,
    mentorLangMask,
    mentorSpeaks,
    wantMask,
    offerMask,
    personDept,
    personZone,
    depth,
    zoneMillis,
    zoneCount: zones.length,
    seniorMentor: expectsSeniorMentor(programme.kind),
  };
  const row = {
    i: 0,
    person: 0,
    dept: 0,
    zone: 0,
    depth: 0,
    wanted: 0,
    directManager: 0,
    speaks: false,
  };
  /** Loads mentee i's features (masks included) into `row`. */
  function loadRow(i: number) {
    const pi = menteePerson[i]!;
    wantMask.set(maskOf(menteeWants[i]!, topicBit, topicWords));
    menteeLangMask.set(maskOf(menteeLangs[i]!, langBit, langWords));
    row.i = i;
    row.person = pi;
    row.dept = personDept[pi]!;
    row.zone = personZone[pi]!;
    row.depth = depth[pi]!;
    row.wanted = menteeWants[i]!.length;
    row.directManager = managerOf[pi]!;
    row.speaks = menteeLangs[i]!.length > 0;
  }

  // maxParticipation: every pair is worth more than any total of scores, so the most mentees are
  // matched first, then the best total. maxScore: the total decides, and more matched breaks ties.
  const weights =
    objective === 'maxParticipation'
      ? { scale: 1, bias: MAX_SCORE_MILLIS * R + 1 }
      : { scale: R + 1, bias: 1 };
  const room = int32Of(capacity, (c, j) => c - load[j]!);
  // A dense pool (most mentees may take most mentors) is scored once per kind of mentee and
  // group of mentors — the score depends only on their sides — with each mentee's own reporting
  // line and exclusions as exceptions (solveByKinds); a sparse one edge by edge.
  const assignment =
    R > 0 && m > 0 && bound * 4 >= R * m
      ? solveByKinds()
      : solveAssignment({ rows: R, cols: m, capacity: room, ...scoreEdges(), ...weights });

  function scoreEdges() {
    // Typed arrays sized once from the upper bound (a dense pool has millions of edges).
    let all = bound;
    if (options.candidates) all += lockedPairOf.size * m;
    const colIndex = new Int32Array(all);
    const millis = new Int32Array(all);
    const rowStart = new Int32Array(R + 1);
    let edges = 0;
    let r = 0;
    const visit = new Int32Array(m);
    for (let i = 0; i < n; i++) {
      const locked = lockedPairOf.has(i);
      // A locked mentee's pair is settled; its other candidates matter only when they are listed.
      if (locked && !options.candidates) continue;
      markChain(i);
      markForbidden(i);
      loadRow(i);
      const wants = menteeWants[i]!;
      let scanLength = m;
      let scan = allMentors;
      if (wants.length > 0) {
        scanLength = 0;
        for (const w of wants) {
          const t = intern.get(`t:${w}`);
          for (const j of t === undefined ? [] : (mentorsByTopic.get(t) ?? [])) {
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
      edges = scoreCandidates(pool, row, scan, scanLength, colIndex, millis, edges);
      if (options.candidates) {
        for (let e = before; e < edges; e++) {
          candidateList.push({ i, j: colIndex[e]!, millis: millis[e]! });
        }
      }
      if (locked) edges = before;
      else rowStart[++r] = edges;
    }
    return { rowStart, colIndex: colIndex.subarray(0, edges), score: millis.subarray(0, edges) };
  }

  /**
   * The dense form: mentees grouped into kinds and mentors into groups by what the score reads of
   * them (department, zone, level, languages, topics), so a kind is scored against a group once.
   * A mentee's own reporting line, itself and HR's exclusions are exceptions per mentee, and a
   * mentor who is an exception for someone stays a group of one. The solver places mentees on
   * groups (each holding its members' room; the same optimum, as no score tells members apart),
   * then each group's mentees go to its members in order.
   */
  function solveByKinds() {
    const kindOf = new Map<number, number>(); // side → kind
    const kindFirst: number[] = []; // a mentee of each kind
    const menteeKind = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (lockedPairOf.has(i) && !options.candidates) continue;
      const side = menteeSide(i);
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
        const id = mentees[i]!.personId;
        block(i, mentorIndex.get(id));
        const chain = org.chainOf(id);
        const above = rule === 'chain' ? chain.length : Math.min(1, chain.length);
        for (let a = 0; a < above; a++) block(i, mentorIndex.get(chain[a]!));
        const below = mentorsBelow.get(menteePerson[i]!);
        if (below) for (let k = 0; k < below.length; k++) block(i, below[k]);
        const excluded = excludedBy.get(i);
        if (excluded) for (let k = 0; k < excluded.length; k++) block(i, excluded[k]);
        if (!lockedPairOf.has(i)) {
          for (let e = exceptStart[i]!; e < except.length; e++) alone[except[e]!] = 1;
        }
      }
      exceptStart[i + 1] = except.length;
    }

    // Mentors by what the score reads of them; an exception for some mentee stays alone.
    const groupOf = new Int32Array(m);
    const groupFirst: number[] = [];
    const groupBySide = new Map<number, number>();
    for (let j = 0; j < m; j++) {
      let g: number | undefined;
      if (!alone[j]) {
        const side = mentorSide(j);
        g = groupBySide.get(side);
        if (g === undefined) groupBySide.set(side, groupFirst.length);
      }
      if (g === undefined) {
        g = groupFirst.length;
        groupFirst.push(j);
      }
      groupOf[j] = g;
    }
    const G = groupFirst.length;
    const groups = membersOf(groupOf, G, room);

    // A kind against a group, once: its first mentee's features against the group's first mentor,
    // with no mentee's own exceptions (row.i −2: nobody's).
    const scan = Int32Array.from(groupFirst);
    const cols = new Int32Array(G);
    const out = new Int32Array(G);
    const kindScore = new Int32Array(K * G); // score + 1, 0: no edge
    for (let k = 0; k < K; k++) {
      loadRow(kindFirst[k]!);
      row.i = -2;
      row.person = -1;
      row.directManager = -2;
      const edges = scoreCandidates(pool, row, scan, G, cols, out, 0);
      for (let e = 0; e < edges; e++) kindScore[k * G + groupOf[cols[e]!]!] = out[e]! + 1;
    }

    const rowKind = new Int32Array(R);
    const blockedStart = new Int32Array(R + 1);
    const blockedCol: number[] = [];
    let r = 0;
    for (let i = 0; i < n; i++) {
      const k = menteeKind[i]!;
      if (k < 0) continue;
      if (options.candidates) {
        for (let e = exceptStart[i]!; e < exceptStart[i + 1]!; e++) stamp[except[e]!] = -2 - i;
        for (let j = 0; j < m; j++) {
          const s = kindScore[k * G + groupOf[j]!]!;
          if (s > 0 && stamp[j] !== -2 - i) candidateList.push({ i, j, millis: s - 1 });
        }
      }
      if (lockedPairOf.has(i)) continue;
      rowKind[r] = k;
      for (let e = exceptStart[i]!; e < exceptStart[i + 1]!; e++) {
        blockedCol.push(groupOf[except[e]!]!);
      }
      blockedStart[++r] = blockedCol.length;
    }
    const byGroup = solveDense({
      rows: R,
      cols: G,
      capacity: groups.room,
      kinds: K,
      kindScore,
      rowKind,
      blockedStart,
      blockedCol: Int32Array.from(blockedCol),
      ...weights,
    });
    return spreadOverMembers(byGroup, groups, room);
  }

  const mentorOfMentee = new Int32Array(n).fill(-1);
  rows.forEach((i, r) => {
    mentorOfMentee[i] = assignment[r]!;
  });

  // A pair's score and reasons read only its two sides: each combination is explained once (a
  // dense pool of 2,000 pairs has a few hundred).
  const explained = new Map<number, { millis: number; reasons: Reason[] }>();
  function explainPair(i: number, j: number) {
    const key = menteeSide(i) * (n + m + 1) + mentorSide(j);
    let scored = explained.get(key);
    if (!scored) {
      const facts_ = facts(i, j, topicsMet(i, j), sharedLanguages(i, j) ?? []);
      scored = { millis: facts_.millis, reasons: facts_.reasons.concat(noReportingLine) };
      explained.set(key, scored);
    }
    return scored;
  }

  const pairs: ProposedPair[] = [];
  const unmatched: MatchingResult['unmatched'] = [];
  let totalMillis = 0;
  for (let i = 0; i < n; i++) {
    const locked = lockedPairOf.get(i);
    if (locked) {
      pairs.push(locked);
      totalMillis += Math.round(locked.score * 1000);
      continue;
    }
    const j = mentorOfMentee[i]!;
    if (j < 0) {
      unmatched.push({ mentee: mentees[i]!.personId, reason: explainUnmatched(i) });
      continue;
    }
    const scored = explainPair(i, j);
    totalMillis += scored.millis;
    pairs.push({
      mentee: mentees[i]!.personId,
      mentor: mentors[j]!.personId,
      score: scored.millis / 1000,
      locked: false,
      reasons: scored.reasons.slice(),
    });
  }

  /** The real cause a mentee was left out, checked constraint by constraint. */
  function explainUnmatched(i: number): Reason {
    markChain(i);
    markForbidden(i);
    const pi = menteePerson[i]!;
    let available = 0;
    let speaks = 0;
    let helps = 0;
    let lineOf: string | undefined;
    let eligible = 0;
    for (let j = 0; j < m; j++) {
      if (mentorPerson[j] === pi) continue;
      const excluded = (excludedBy.get(i) ?? []).includes(j);
      if (excluded) continue;
      available++;
      if (sharedLanguages(i, j) === null) continue;
      speaks++;
      if (menteeWants[i]!.length > 0 && topicsMet(i, j).length === 0) continue;
      helps++;
      if (blocked[j] === i || isAbove(i, j)) {
        const line = findReportingLine(org, mentees[i]!.personId, mentors[j]!.personId, rule);
        if (line && lineOf === undefined) lineOf = describeReportingLine(org, line);
        continue;
      }
      eligible++;
    }
    if (available === 0)
      return { code: 'noEligibleMentor', text: 'no mentor is available to them' };
    if (speaks === 0) {
      const langs = menteeLangs[i]!.join(', ');
      return {
        code: 'noSharedLanguage',
        text: `no mentor speaks ${langs}`,
        params: { languages: langs },
      };
    }
    if (helps === 0) {
      const topics = menteeWants[i]!.join(', ');
      return { code: 'noTopicOffered', text: `no mentor offers ${topics}`, params: { topics } };
    }
    if (eligible === 0) {
      return {
        code: 'onlyReportingLine',
        text: `the only mentors who fit are in their reporting line (${lineOf ?? ''})`,
        params: { line: lineOf ?? '' },
      };
    }
    return {
      code: 'capacityTaken',
      text: `all ${eligible} eligible mentor${eligible === 1 ? '' : 's'} went to a better overall assignment`,
      params: { eligible },
    };
  }

  const result: MatchingResult = {
    pairs,
    unmatched,
    refused,
    objective: { matched: pairs.length, totalScore: totalMillis / 1000 },
  };
  if (options.candidates) {
    result.candidates = candidateList.map(({ i, j, millis: s }) => ({
      mentee: mentees[i]!.personId,
      mentor: mentors[j]!.personId,
      score:
        (lockedPairOf.get(i)?.mentor === mentors[j]!.personId
          ? lockedPairOf.get(i)!.score * 1000
          : s) / 1000,
    }));
    // Kept locks that the hard constraints alone would not allow are candidates too.
    for (const [i, pair] of lockedPairOf) {
      if (!result.candidates.some((c) => c.mentee === pair.mentee && c.mentor === pair.mentor)) {
        result.candidates.push({ mentee: pair.mentee, mentor: pair.mentor, score: pair.score });
      }
      void i;
    }
    const order = (c: { mentee: string; mentor: string }) =>
      menteeIndex.get(c.mentee)! * (m + 1) + mentorIndex.get(c.mentor)!;
    result.candidates.sort((a, b) => order(a) - order(b));
  }
  return result;
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

/** The number of `key` in `map`, the next free one (the map's size) the first time. */
function numberOf<K>(map: Map<K, number>, key: K): number {
  let k = map.get(key);
  if (k === undefined) {
    k = map.size;
    map.set(key, k);
  }
  return k;
}

const NO_STRINGS: readonly string[] = [];

/**
 * A value per distinct list of strings, read once and shared: people mostly list the same few
 * languages and topics, so a pool of thousands has a handful of lists. Lists are told apart
 * element by element (a trie of maps), without building a key per person.
 */
function listMemo<T>(read: (list: readonly string[]) => T) {
  interface Node {
    next?: Map<string, Node>;
    read?: boolean;
    value?: T;
  }
  const root: Node = {};
  /** Every value read so far, in order. */
  const distinct: T[] = [];
  const memo = (raw: readonly string[] | undefined): T => {
    const list = raw ?? NO_STRINGS;
    let node = root;
    for (let k = 0; k < list.length; k++) {
      node.next ??= new Map();
      let child = node.next.get(list[k]!);
      if (!child) {
        child = {};
        node.next.set(list[k]!, child);
      }
      node = child;
    }
    if (!node.read) {
      node.value = read(list);
      node.read = true;
      distinct.push(node.value);
    }
    return node.value as T;
  };
  return Object.assign(memo, { distinct });
}

interface PoolArrays {
  mentorPerson: Int32Array;
  blocked: Int32Array;
  chainStamp: Int32Array;
  directOnly: boolean;
  langWords: number;
  topicWords: number;
  menteeLangMask: Uint32Array;
  mentorLangMask: Uint32Array;
  mentorSpeaks: Uint8Array;
  wantMask: Uint32Array;
  offerMask: Uint32Array;
  personDept: Int32Array;
  personZone: Int32Array;
  depth: Int32Array;
  zoneMillis: Int32Array;
  zoneCount: number;
  seniorMentor: boolean;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The hot loop: every eligible mentor of one mentee and the pair's score in thousandths, written
 * to `cols`/`out` from `at`; returns the new end. Numbers only — it sees every pair of a dense pool.
 * The same components as scorePair (score.ts), which a property test keeps in agreement.
 */
function scoreCandidates(
  pool: PoolArrays,
  row: {
    i: number;
    person: number;
    dept: number;
    zone: number;
    depth: number;
    wanted: number;
    directManager: number;
    speaks: boolean;
  },
  scan: Int32Array,
  scanLength: number,
  cols: Int32Array,
  out: Int32Array,
  at: number,
): number {
  const { mentorPerson, blocked, chainStamp, langWords, topicWords, menteeLangMask } = pool;
  const { mentorLangMask, mentorSpeaks, wantMask, offerMask, personDept, personZone } = pool;
  const { depth, zoneMillis, zoneCount, directOnly, seniorMentor } = pool;
  const { i, person: pi, dept, zone, wanted, directManager, speaks } = row;
  const menteeDepth = row.depth;
  for (let k = 0; k < scanLength; k++) {
    const j = scan[k]!;
    const pj = mentorPerson[j]!;
    if (blocked[j] === i || pj === pi) continue;
    if (directOnly ? directManager === pj : chainStamp[pj] === i) continue;
    let shares = 0;
    for (let w = 0; w < langWords; w++)
      shares |= menteeLangMask[w]! & mentorLangMask[j * langWords + w]!;
    if (shares === 0 && speaks && mentorSpeaks[j] === 1) continue;
    let met = 0;
    if (wanted > 0) {
      for (let w = 0; w < topicWords; w++) {
        met += popcount(wantMask[w]! & offerMask[j * topicWords + w]!);
      }
      if (met === 0) continue;
    }
    const mentorDept = personDept[pj]!;
    const mentorZone = personZone[pj]!;
    const gap = menteeDepth - depth[pj]!;
    cols[at] = j;
    out[at++] =
      topicsMillis(met, wanted) +
      (dept >= 0 && mentorDept >= 0 && dept !== mentorDept ? SCORE_WEIGHTS.crossDepartment : 0) +
      ((seniorMentor ? gap > 0 : gap < 0) ? SCORE_WEIGHTS.seniority : 0) +
      (shares !== 0 ? SCORE_WEIGHTS.sharedLanguage : 0) +
      (zone >= 0 && mentorZone >= 0 ? zoneMillis[zone * zoneCount + mentorZone]! : 0);
  }
  return at;
}

const noReportingLine: Reason = { code: 'noReportingLine', text: 'no reporting line between them' };
