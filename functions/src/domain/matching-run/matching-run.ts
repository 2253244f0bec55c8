import type { Application } from '../application/application';
import { isReadyForMatching } from '../application/application';
import type { MatchingInstance, Objective, WEEKDAYS } from '../matching/instance';
import type { Topic } from '../topics/vocabulary';

type Weekday = (typeof WEEKDAYS)[number];

import { type MatchingResult, runMatching } from '../matching/match';
import type { Reason } from '../matching/score';
import type { DirectoryEntry } from '../pair/pair';
import type { Programme } from '../programme/programme';

/**
 * A programme's matching as HR works on it (PRODUCT rules 1, 2 and 4): the matcher's proposals with
 * their reasons, who was left out and why, and HR's decisions — locks (kept by every re-run),
 * rejections (never proposed again) and swaps (kept as locks). Confirmed proposals are pairs.
 */
export interface Proposal {
  id: string;
  mentee: string;
  menteeName: string;
  mentor: string;
  mentorName: string;
  score: number;
  reasons: Reason[];
  locked: boolean;
  status: 'proposed' | 'confirmed';
  pairId?: string;
}

export interface LeftOut {
  personId: string;
  name: string;
  role: 'mentee' | 'mentor';
  reason: Reason;
}

export interface Exclusion {
  mentee: string;
  mentor: string;
  reason: string;
  at: string;
}

export interface Matching {
  programmeId: string;
  /** How many runs made this matching (1 for the first). */
  run: number;
  ranAt: string;
  ranBy: string;
  objective: Objective;
  proposals: Proposal[];
  unmatched: LeftOut[];
  /** Locks the last run could not keep (they break PRODUCT rule 1), with the reason. */
  refusedLocks: { mentee: string; mentor: string; reason: Reason }[];
  /** Pairs HR rejected: every re-run excludes them. */
  excluded: Exclusion[];
  /**
   * Mentors whose capacity HR changed from the board, by person id: every re-run and every
   * confirmation reads it in place of the programme's `mentorCapacity`. Absent: none changed.
   */
  capacities?: Record<string, number>;
  updatedAt: string;
}

export type MatchingRefusal =
  | { code: 'unknownProposal'; proposalId: string }
  | { code: 'alreadyConfirmed'; proposalId: string }
  | { code: 'sameProposal' }
  | { code: 'sameMentor' }
  | { code: 'excludedPair'; mentee: string; mentor: string }
  /** HR named someone who is not a mentee taking part, or not a mentor HR approved. */
  | { code: 'notApplicant'; personId: string; role: 'mentee' | 'mentor' }
  /** The mentee HR wants to pair by hand already has a proposal or a pair. */
  | { code: 'alreadyProposed'; mentee: string }
  /** The mentor has as many mentees as their capacity: raise it first. */
  | { code: 'noRoomLeft'; mentor: string; capacity: number }
  /** A capacity below the mentees the mentor already has in proposals and pairs. */
  | { code: 'belowLoad'; mentor: string; load: number }
  /** A pair HR asked for breaks PRODUCT rule 1 (or cannot be checked): `reason` says which. */
  | { code: 'refusedPair'; mentee: string; mentor: string; reason: Reason };

export type MatchingOutcome =
  | { ok: true; matching: Matching }
  | { ok: false; reason: MatchingRefusal };

/** Everything a run reads, as plain values. */
export interface MatchingInputs {
  programme: Pick<
    Programme,
    'id' | 'kind' | 'hierarchyRule' | 'mentorCapacity' | 'allowRepeatPairs'
  >;
  applications: readonly Application[];
  /** The programme's topic vocabulary (domain/topics): topic strings are read through it. */
  vocabulary?: readonly Topic[];
  /** Pairs of earlier programmes (docs/matching.md, `history`): not proposed again unless allowed. */
  history?: readonly { mentee: string; mentor: string; programme?: string }[];
  /** The applicants and everyone in their management chains, from the directory snapshot. */
  directory: ReadonlyMap<string, DirectoryEntry & Partial<DirectoryDetails>>;
  /** Pairs already confirmed in the programme: their mentees are done, their mentors' load counts. */
  confirmed: readonly { mentee: string; mentor: string }[];
  /** The matching so far: its locks and rejections are constraints of the next run. */
  previous?: Matching;
  objective?: Objective;
}

interface DirectoryDetails {
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
}

const key = (mentee: string, mentor: string) => `${mentee}\u0000${mentor}`;

/** Who takes part: ready applications whose person the directory knows and has enabled. */
function participants(inputs: MatchingInputs) {
  const leftOut: LeftOut[] = [];
  const ready = inputs.applications.filter(isReadyForMatching);
  const confirmedMentees = new Set(inputs.confirmed.map((c) => c.mentee));
  const load = new Map<string, number>();
  for (const c of inputs.confirmed) load.set(c.mentor, (load.get(c.mentor) ?? 0) + 1);
  const mentees: Application[] = [];
  const mentors: { application: Application; capacity: number }[] = [];
  /** Approved mentors whose capacity confirmed pairs already fill. */
  const full = new Set<string>();
  for (const a of ready) {
    const person = inputs.directory.get(a.personId);
    if (!person) {
      // PRODUCT rule 1 cannot be checked for someone the directory does not know: never pair them.
      leftOut.push({
        personId: a.personId,
        name: a.personName,
        role: a.role,
        reason: {
          code: 'notInDirectory',
          text: `${a.personName} is not in the directory snapshot, so the reporting line cannot be checked`,
          params: { name: a.personName },
        },
      });
      continue;
    }
    if (!person.accountEnabled) {
      leftOut.push({
        personId: a.personId,
        name: person.displayName,
        role: a.role,
        reason: {
          code: 'accountDisabled',
          text: `${person.displayName}'s account is disabled`,
          params: { name: person.displayName },
        },
      });
      continue;
    }
    if (a.role === 'mentee') {
      if (!confirmedMentees.has(a.personId)) mentees.push(a);
    } else {
      const capacity =
        mentorCapacityIn(inputs.previous, inputs.programme, a.personId) -
        (load.get(a.personId) ?? 0);
      if (capacity > 0) mentors.push({ application: a, capacity });
      else full.add(a.personId);
    }
  }
  return { mentees, mentors, full, leftOut };
}

/** Everyone the matcher must know: the participants and their management chains. */
function peopleSlice(inputs: MatchingInputs, ids: readonly string[]) {
  const out = new Map<string, MatchingInstance['people'][number]>();
  for (const start of ids) {
    let id: string | null = start;
    while (id !== null && !out.has(id)) {
      const p = inputs.directory.get(id);
      if (!p) break;
      out.set(id, {
        id,
        displayName: p.displayName,
        managerId: p.managerId,
        department: p.department ?? null,
        jobTitle: p.jobTitle ?? null,
        officeLocation: p.officeLocation ?? null,
        preferredLanguage: p.preferredLanguage ?? null,
      });
      id = p.managerId;
    }
  }
  return [...out.values()];
}

/**
 * The matching instance of a run (docs/matching.md): mentees not yet paired, approved mentors
 * with the capacity confirmed pairs left them, the directory slice, HR's locks that still fit and
 * HR's rejections. Also returns the applicants left out before matching, with the reason.
 */
export function buildMatchingInstance(inputs: MatchingInputs): {
  instance: MatchingInstance;
  leftOut: LeftOut[];
  /** Locks the mentor has no room for any more (capacity lowered, pairs confirmed since). */
  lapsedLocks: Matching['refusedLocks'];
} {
  const { mentees, mentors, full, leftOut } = participants(inputs);
  const menteeIds = new Set(mentees.map((m) => m.personId));
  const room = new Map(mentors.map((m) => [m.application.personId, m.capacity]));
  const locked: { mentee: string; mentor: string }[] = [];
  const lapsedLocks: Matching['refusedLocks'] = [];
  const lockedKeys = new Set<string>();
  for (const p of inputs.previous?.proposals ?? []) {
    if (!p.locked || p.status !== 'proposed' || !menteeIds.has(p.mentee)) continue;
    if (locked.some((l) => l.mentee === p.mentee)) continue;
    if (!room.has(p.mentor) && !full.has(p.mentor)) continue;
    const left = room.get(p.mentor) ?? 0;
    if (left <= 0) {
      lapsedLocks.push({
        mentee: p.mentee,
        mentor: p.mentor,
        reason: {
          code: 'mentorFull',
          text: `${p.mentorName} has no room left: their capacity is taken`,
          params: { mentor: p.mentorName },
        },
      });
      continue;
    }
    room.set(p.mentor, left - 1);
    locked.push({ mentee: p.mentee, mentor: p.mentor });
    lockedKeys.add(key(p.mentee, p.mentor));
  }
  const mentorIds = new Set(mentors.map((m) => m.application.personId));
  const excluded = (inputs.previous?.excluded ?? [])
    .filter((e) => menteeIds.has(e.mentee) && mentorIds.has(e.mentor))
    .filter((e) => !lockedKeys.has(key(e.mentee, e.mentor)))
    .map(({ mentee, mentor }) => ({ mentee, mentor }));
  const instance: MatchingInstance = {
    programme: {
      kind: inputs.programme.kind,
      hierarchyRule: inputs.programme.hierarchyRule,
      mentorCapacity: inputs.programme.mentorCapacity,
      objective: inputs.objective ?? 'maxParticipation',
      allowRepeatPairs: inputs.programme.allowRepeatPairs === true,
    },
    ...(inputs.vocabulary ? { topics: inputs.vocabulary.map(vocabularyTopic) } : {}),
    ...(inputs.history
      ? {
          history: inputs.history.filter((h) => menteeIds.has(h.mentee) && mentorIds.has(h.mentor)),
        }
      : {}),
    people: peopleSlice(inputs, [...menteeIds, ...mentorIds]),
    mentees: mentees.map((a) => ({
      personId: a.personId,
      wants: a.wants,
      languages: a.languages,
      availability: preferences(a),
    })),
    mentors: mentors.map((m) => ({
      personId: m.application.personId,
      offers: m.application.offers,
      languages: m.application.languages,
      capacity: m.capacity,
      availability: preferences(m.application),
    })),
    locked,
    excluded,
  };
  return { instance, leftOut, lapsedLocks };
}

/** The days and parts of the day an application prefers, as the instance reads them. */
function preferences(a: Application) {
  return { days: a.availability.days as Weekday[], partsOfDay: a.availability.partsOfDay };
}

function vocabularyTopic(t: Topic) {
  return { id: t.id, label: { es: t.label.es, en: t.label.en }, synonyms: [...t.synonyms] };
}

function nameOf(inputs: Pick<MatchingInputs, 'directory' | 'applications'>, id: string): string {
  return (
    inputs.directory.get(id)?.displayName ??
    inputs.applications.find((a) => a.personId === id)?.personName ??
    id
  );
}

/**
 * Runs the matcher over the programme and records the run: confirmed proposals stay, kept locks
 * keep their proposal ids, everything unlocked is replaced, and everyone left out is explained.
 */
export function runProgrammeMatching(
  inputs: MatchingInputs,
  context: { newId: () => string; now: Date; by: string },
): { matching: Matching; result: MatchingResult } {
  const { instance, leftOut, lapsedLocks } = buildMatchingInstance(inputs);
  const result = runMatching(instance);
  const previous = inputs.previous;
  const lockedIds = new Map(
    (previous?.proposals ?? [])
      .filter((p) => p.locked && p.status === 'proposed')
      .map((p) => [key(p.mentee, p.mentor), p.id]),
  );
  const proposals: Proposal[] = [
    // Confirmed proposals stay as they are (`previous` comes with its pairs, see withPairs).
    ...(previous?.proposals ?? []).filter((p) => p.status === 'confirmed'),
    ...result.pairs.map((pair) => ({
      id: (pair.locked && lockedIds.get(key(pair.mentee, pair.mentor))) || context.newId(),
      mentee: pair.mentee,
      menteeName: nameOf(inputs, pair.mentee),
      mentor: pair.mentor,
      mentorName: nameOf(inputs, pair.mentor),
      score: pair.score,
      reasons: pair.reasons,
      locked: pair.locked,
      status: 'proposed' as const,
    })),
  ];
  const at = context.now.toISOString();
  return {
    result,
    matching: {
      programmeId: inputs.programme.id,
      run: (previous?.run ?? 0) + 1,
      ranAt: at,
      ranBy: context.by,
      objective: instance.programme.objective,
      proposals,
      unmatched: [
        ...result.unmatched.map((u) => ({
          personId: u.mentee,
          name: nameOf(inputs, u.mentee),
          role: 'mentee' as const,
          reason: u.reason,
        })),
        ...leftOut,
      ],
      refusedLocks: [...lapsedLocks, ...result.refused],
      excluded: previous?.excluded ?? [],
      ...(previous?.capacities ? { capacities: previous.capacities } : {}),
      updatedAt: at,
    },
  };
}

function find(matching: Matching, proposalId: string) {
  const proposal = matching.proposals.find((p) => p.id === proposalId);
  if (!proposal)
    return { ok: false as const, reason: { code: 'unknownProposal' as const, proposalId } };
  if (proposal.status === 'confirmed') {
    return { ok: false as const, reason: { code: 'alreadyConfirmed' as const, proposalId } };
  }
  return { ok: true as const, proposal };
}

/** HR locks a proposal (every re-run keeps it) or unlocks it (the next run may replace it). */
export function setLocked(
  matching: Matching,
  proposalId: string,
  locked: boolean,
  now: Date,
): MatchingOutcome {
  const found = find(matching, proposalId);
  if (!found.ok) return found;
  return {
    ok: true,
    matching: {
      ...matching,
      proposals: matching.proposals.map((p) => (p.id === proposalId ? { ...p, locked } : p)),
      updatedAt: now.toISOString(),
    },
  };
}

/**
 * HR rejects a proposal: it leaves the matching, the pair is excluded from every re-run, and the
 * mentee waits for the next run.
 */
export function rejectProposal(
  matching: Matching,
  proposalId: string,
  reason: string,
  now: Date,
): MatchingOutcome {
  const found = find(matching, proposalId);
  if (!found.ok) return found;
  const p = found.proposal;
  const at = now.toISOString();
  return {
    ok: true,
    matching: {
      ...matching,
      proposals: matching.proposals.filter((x) => x.id !== proposalId),
      unmatched: [
        ...matching.unmatched,
        {
          personId: p.mentee,
          name: p.menteeName,
          role: 'mentee',
          reason: {
            code: 'rejectedByHr',
            text: `HR rejected the pair with ${p.mentorName}; run the matching again to propose another`,
            params: { mentor: p.mentorName },
          },
        },
      ],
      excluded: [...matching.excluded, { mentee: p.mentee, mentor: p.mentor, reason, at }],
      updatedAt: at,
    },
  };
}

/** The two pairs a swap of mentors would make, or why it cannot be asked for at all. */
export function planSwap(
  matching: Matching,
  a: string,
  b: string,
):
  | { ok: true; pairs: [{ mentee: string; mentor: string }, { mentee: string; mentor: string }] }
  | { ok: false; reason: MatchingRefusal } {
  if (a === b) return { ok: false, reason: { code: 'sameProposal' } };
  const first = find(matching, a);
  if (!first.ok) return first;
  const second = find(matching, b);
  if (!second.ok) return second;
  const x = first.proposal;
  const y = second.proposal;
  if (x.mentor === y.mentor) return { ok: false, reason: { code: 'sameMentor' } };
  const pairs = [
    { mentee: x.mentee, mentor: y.mentor },
    { mentee: y.mentee, mentor: x.mentor },
  ] as [{ mentee: string; mentor: string }, { mentee: string; mentor: string }];
  for (const pair of pairs) {
    if (matching.excluded.some((e) => e.mentee === pair.mentee && e.mentor === pair.mentor)) {
      return { ok: false, reason: { code: 'excludedPair', ...pair } };
    }
  }
  return { ok: true, pairs };
}

/**
 * Scores HR's own pairs with the matcher (locked, so topics and languages do not stop them) and
 * re-checks PRODUCT rule 1 on them; a pair the hierarchy rule forbids comes back refused.
 */
export function judgeFixedPairs(
  inputs: Omit<MatchingInputs, 'confirmed' | 'previous'>,
  pairs: readonly { mentee: string; mentor: string }[],
): MatchingResult {
  const refused: MatchingResult['refused'] = [];
  const checkable = pairs.filter((pair) => {
    for (const id of [pair.mentee, pair.mentor]) {
      const person = inputs.directory.get(id);
      if (person?.accountEnabled) continue;
      refused.push({
        ...pair,
        reason: person
          ? {
              code: 'accountDisabled',
              text: `${person.displayName}'s account is disabled`,
              params: { name: person.displayName },
            }
          : {
              code: 'notInDirectory',
              text: `${id} is not in the directory snapshot, so the reporting line cannot be checked`,
              params: { personId: id },
            },
      });
      return false;
    }
    return true;
  });
  const menteeIds = new Set(checkable.map((p) => p.mentee));
  const mentorIds = new Set(checkable.map((p) => p.mentor));
  const application = (id: string, role: 'mentee' | 'mentor') =>
    inputs.applications.find((a) => a.personId === id && a.role === role);
  const instance: MatchingInstance = {
    programme: {
      kind: inputs.programme.kind,
      hierarchyRule: inputs.programme.hierarchyRule,
      mentorCapacity: inputs.programme.mentorCapacity,
      objective: 'maxParticipation',
      // HR's own choice of pairs: a repeat is HR's to make (the lock overrides `pairedBefore`).
      allowRepeatPairs: true,
    },
    people: peopleSlice(inputs as MatchingInputs, [...menteeIds, ...mentorIds]),
    mentees: [...menteeIds].map((id) => ({
      personId: id,
      wants: application(id, 'mentee')?.wants ?? [],
      languages: application(id, 'mentee')?.languages ?? [],
    })),
    mentors: [...mentorIds].map((id) => ({
      personId: id,
      offers: application(id, 'mentor')?.offers ?? [],
      languages: application(id, 'mentor')?.languages ?? [],
      capacity: Math.max(
        inputs.programme.mentorCapacity,
        checkable.filter((p) => p.mentor === id).length,
      ),
    })),
    locked: checkable.map(({ mentee, mentor }) => ({ mentee, mentor })),
    excluded: [],
  };
  const result = runMatching(instance);
  return { ...result, refused: [...refused, ...result.refused] };
}

/**
 * Exchanges the mentors of two proposals once `judgeFixedPairs` has judged the new pairs: refused
 * when either breaks PRODUCT rule 1 (with the reporting line) or someone is missing from the
 * directory. Each mentor keeps their number of mentees, so capacities hold by construction.
 * Swapped proposals are HR's decision, so they come back locked.
 */
export function applySwap(
  matching: Matching,
  a: string,
  b: string,
  judged: MatchingResult,
  names: (id: string) => string,
  now: Date,
): MatchingOutcome {
  const planned = planSwap(matching, a, b);
  if (!planned.ok) return planned;
  const refused = judged.refused[0];
  if (refused) {
    return {
      ok: false,
      reason: {
        code: 'refusedPair',
        mentee: refused.mentee,
        mentor: refused.mentor,
        reason: refused.reason,
      },
    };
  }
  const scored = new Map(judged.pairs.map((p) => [key(p.mentee, p.mentor), p]));
  const [first, second] = planned.pairs;
  const next = new Map<string, { mentee: string; mentor: string }>([
    [a, first],
    [b, second],
  ]);
  const proposals: Proposal[] = [];
  for (const p of matching.proposals) {
    const pair = next.get(p.id);
    if (!pair) {
      proposals.push(p);
      continue;
    }
    const s = scored.get(key(pair.mentee, pair.mentor));
    if (!s) throw new Error('judged pairs must be the swapped pairs');
    proposals.push({
      ...p,
      mentor: pair.mentor,
      mentorName: names(pair.mentor),
      score: s.score,
      reasons: s.reasons,
      locked: true,
    });
  }
  return { ok: true, matching: { ...matching, proposals, updatedAt: now.toISOString() } };
}

/** A confirmed pair as the matching needs to know it. */
export interface ConfirmedPair {
  id: string;
  proposalId: string;
  mentee: { id: string; name: string };
  mentor: { id: string; name: string };
  score: number;
  reasons: Reason[];
}

/**
 * The matching with its confirmations: pairs are the truth (stored apart, so that concurrent
 * confirmations never contend on the matching), and a confirmed proposal shows its pair.
 */
export function withPairs(matching: Matching, pairs: readonly ConfirmedPair[]): Matching {
  const byProposal = new Map(pairs.map((p) => [p.proposalId, p]));
  const asProposal = (pair: ConfirmedPair, id: string): Proposal => ({
    id,
    mentee: pair.mentee.id,
    menteeName: pair.mentee.name,
    mentor: pair.mentor.id,
    mentorName: pair.mentor.name,
    score: pair.score,
    reasons: pair.reasons,
    locked: true,
    status: 'confirmed',
    pairId: pair.id,
  });
  const proposals = matching.proposals.map((p) => {
    const pair = byProposal.get(p.id);
    return pair ? asProposal(pair, p.id) : p;
  });
  const shown = new Set(proposals.map((p) => p.id));
  for (const pair of pairs) {
    if (!shown.has(pair.proposalId)) proposals.push(asProposal(pair, pair.proposalId));
  }
  const paired = new Set(pairs.map((p) => p.mentee.id));
  return {
    ...matching,
    proposals,
    unmatched: matching.unmatched.filter((u) => !(u.role === 'mentee' && paired.has(u.personId))),
  };
}

/** Every proposal is a pair: matching is done and the programme can run. */
export function isSettled(matching: Matching): boolean {
  return matching.proposals.length > 0 && matching.proposals.every((p) => p.status === 'confirmed');
}

/** A mentor's capacity in this matching: the one HR set on the board, or the programme's. */
export function mentorCapacityIn(
  matching: Pick<Matching, 'capacities'> | undefined,
  programme: Pick<Programme, 'mentorCapacity'>,
  mentor: string,
): number {
  return matching?.capacities?.[mentor] ?? programme.mentorCapacity;
}

/** How many mentees a mentor has in the matching: proposals and confirmed pairs alike. */
function loadOf(matching: Matching, mentor: string): number {
  return matching.proposals.filter((p) => p.mentor === mentor).length;
}

/**
 * HR changes one approved mentor's capacity from the board (PRODUCT rule 4): never below the
 * mentees they already have. Re-runs and confirmations then read it in place of the programme's.
 */
export function setMentorCapacity(
  matching: Matching,
  inputs: Pick<MatchingInputs, 'applications'>,
  mentor: string,
  capacity: number,
  now: Date,
): MatchingOutcome {
  const approved = inputs.applications.some(
    (a) => a.personId === mentor && a.role === 'mentor' && isReadyForMatching(a),
  );
  if (!approved) {
    return { ok: false, reason: { code: 'notApplicant', personId: mentor, role: 'mentor' } };
  }
  const load = loadOf(matching, mentor);
  if (capacity < load) return { ok: false, reason: { code: 'belowLoad', mentor, load } };
  return {
    ok: true,
    matching: {
      ...matching,
      capacities: { ...matching.capacities, [mentor]: capacity },
      updatedAt: now.toISOString(),
    },
  };
}

/**
 * Whether HR may ask for this pair by hand, before the reporting line is judged: a mentee taking
 * part with no proposal or pair yet, a mentor HR approved with room left, and a pair HR has not
 * rejected.
 */
export function planManualPair(
  matching: Matching,
  inputs: Pick<MatchingInputs, 'applications' | 'programme'>,
  pair: { mentee: string; mentor: string },
): { ok: true } | { ok: false; reason: MatchingRefusal } {
  const ready = (id: string, role: 'mentee' | 'mentor') =>
    inputs.applications.some((a) => a.personId === id && a.role === role && isReadyForMatching(a));
  if (!ready(pair.mentee, 'mentee')) {
    return { ok: false, reason: { code: 'notApplicant', personId: pair.mentee, role: 'mentee' } };
  }
  if (!ready(pair.mentor, 'mentor')) {
    return { ok: false, reason: { code: 'notApplicant', personId: pair.mentor, role: 'mentor' } };
  }
  if (matching.proposals.some((p) => p.mentee === pair.mentee)) {
    return { ok: false, reason: { code: 'alreadyProposed', mentee: pair.mentee } };
  }
  if (matching.excluded.some((e) => e.mentee === pair.mentee && e.mentor === pair.mentor)) {
    return { ok: false, reason: { code: 'excludedPair', ...pair } };
  }
  const capacity = mentorCapacityIn(matching, inputs.programme as Programme, pair.mentor);
  if (loadOf(matching, pair.mentor) >= capacity) {
    return { ok: false, reason: { code: 'noRoomLeft', mentor: pair.mentor, capacity } };
  }
  return { ok: true };
}

/**
 * Adds HR's own pair once `judgeFixedPairs` has judged it: refused when it breaks PRODUCT rule 1
 * (the reporting line named) or someone is missing from the directory. The proposal is HR's
 * decision, so it comes locked; the mentee is no longer left out.
 */
export function addManualPair(
  matching: Matching,
  pair: { mentee: string; mentor: string },
  judged: MatchingResult,
  context: { id: string; names: (id: string) => string; now: Date },
): MatchingOutcome {
  const refusedPair = judged.refused[0];
  if (refusedPair) {
    return {
      ok: false,
      reason: { code: 'refusedPair', ...pair, reason: refusedPair.reason },
    };
  }
  const scored = judged.pairs.find((p) => p.mentee === pair.mentee && p.mentor === pair.mentor);
  if (!scored) throw new Error('the judged pair must be the pair asked for');
  const proposal: Proposal = {
    id: context.id,
    mentee: pair.mentee,
    menteeName: context.names(pair.mentee),
    mentor: pair.mentor,
    mentorName: context.names(pair.mentor),
    score: scored.score,
    reasons: scored.reasons,
    locked: true,
    status: 'proposed',
  };
  return {
    ok: true,
    matching: {
      ...matching,
      proposals: [...matching.proposals, proposal],
      unmatched: matching.unmatched.filter(
        (u) => !(u.role === 'mentee' && u.personId === pair.mentee),
      ),
      updatedAt: context.now.toISOString(),
    },
  };
}
