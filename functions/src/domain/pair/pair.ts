import {
  buildOrgChart,
  describeReportingLine,
  findReportingLine,
  type HierarchyRule,
} from '../hierarchy/hierarchy';
import type { Reason } from '../matching/score';

/**
 * Pairs: a mentor and a mentee HR confirmed in a programme. A new pair is handed to booking, which
 * moves it `confirmed → booking → booked | bookingFailed` (a failed booking may be tried again).
 */
export type PairStatus = 'confirmed' | 'booking' | 'booked' | 'bookingFailed';

export interface PairMember {
  id: string;
  name: string;
}

export interface Pair {
  id: string;
  programmeId: string;
  /** The programme's name when the pair was confirmed, so a member's list needs no other read. */
  programmeName: string;
  mentor: PairMember;
  mentee: PairMember;
  status: PairStatus;
  score: number;
  /** Why the pair was proposed (PRODUCT rule 4: each proposal shows why it was made). */
  reasons: Reason[];
  /** The proposal HR confirmed. */
  proposalId: string;
  confirmedBy: string;
  createdAt: string;
  updatedAt: string;
}

export const PAIR_TRANSITIONS: Record<PairStatus, readonly PairStatus[]> = {
  confirmed: ['booking'],
  booking: ['booked', 'bookingFailed'],
  bookingFailed: ['booking'],
  booked: [],
};

/** A newly confirmed pair. */
export function newPair(input: {
  id: string;
  programme: { id: string; name: string };
  mentor: PairMember;
  mentee: PairMember;
  score: number;
  reasons: Reason[];
  proposalId: string;
  confirmedBy: string;
  now: Date;
}): Pair {
  const at = input.now.toISOString();
  return {
    id: input.id,
    programmeId: input.programme.id,
    programmeName: input.programme.name,
    mentor: input.mentor,
    mentee: input.mentee,
    status: 'confirmed',
    score: input.score,
    reasons: input.reasons,
    proposalId: input.proposalId,
    confirmedBy: input.confirmedBy,
    createdAt: at,
    updatedAt: at,
  };
}

/** Moves a pair along its booking states, or says why not. */
export function movePair(
  pair: Pair,
  to: PairStatus,
  now: Date,
):
  | { ok: true; pair: Pair }
  | { ok: false; reason: { code: 'invalidTransition'; from: PairStatus; to: PairStatus } } {
  if (!PAIR_TRANSITIONS[pair.status].includes(to)) {
    return { ok: false, reason: { code: 'invalidTransition', from: pair.status, to } };
  }
  return { ok: true, pair: { ...pair, status: to, updatedAt: now.toISOString() } };
}

export function isMember(pair: Pick<Pair, 'mentor' | 'mentee'>, personId: string): boolean {
  return pair.mentor.id === personId || pair.mentee.id === personId;
}

/** A pair as one of its members sees it: their role and the other person. */
export function pairAsMemberSees(pair: Pair, personId: string) {
  const role = pair.mentor.id === personId ? 'mentor' : 'mentee';
  return {
    id: pair.id,
    programmeId: pair.programmeId,
    programmeName: pair.programmeName,
    role,
    other: role === 'mentor' ? pair.mentee : pair.mentor,
    status: pair.status,
    createdAt: pair.createdAt,
  } as const;
}

/** Who the directory knows: the fields a confirmation judges. */
export interface DirectoryEntry {
  id: string;
  displayName: string;
  managerId: string | null;
  accountEnabled: boolean;
}

/**
 * PRODUCT rule 1, judged again at confirmation against the directory as it is now: both people
 * must be known and enabled (otherwise the reporting line cannot be checked), and no reporting line
 * may join them under the programme's rule. Returns the refusal, or null when the pair may stand.
 */
export function refusalAtConfirmation(
  directory: ReadonlyMap<string, DirectoryEntry>,
  mentee: string,
  mentor: string,
  rule: HierarchyRule,
): Reason | null {
  for (const id of [mentee, mentor]) {
    const person = directory.get(id);
    if (!person) {
      return {
        code: 'notInDirectory',
        text: `${id} is not in the directory snapshot, so the reporting line cannot be checked`,
        params: { personId: id },
      };
    }
    if (!person.accountEnabled) {
      return {
        code: 'accountDisabled',
        text: `${person.displayName}'s account is disabled`,
        params: { personId: id, name: person.displayName },
      };
    }
  }
  const org = buildOrgChart([...directory.values()]);
  const line = findReportingLine(org, mentee, mentor, rule);
  if (!line) return null;
  const text = describeReportingLine(org, line);
  return { code: 'reportingLine', text, params: { line: text } };
}
