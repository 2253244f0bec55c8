import { type Booking, nextSessionStart, type Response, sessionHeld } from '../booking/booking';
import type { Pair } from '../pair/pair';
import type { SpaceEntry } from '../pair-space/pair-space';

/**
 * How a programme is going (PRODUCT rule 8): sessions held against planned, invitations accepted,
 * goals progressed, feedback, and the pairs at risk. Built from statuses and numbers only — the
 * text of notes, agenda items, goals, activities and feedback comments never enters it, so no
 * view of it can leak them.
 */

export type RiskCode =
  | 'bookingRefused'
  | 'bookingFailed'
  | 'declined'
  | 'unanswered'
  | 'noFeedback'
  | 'noGoals';

export const RISK_CODES: readonly RiskCode[] = [
  'bookingRefused',
  'bookingFailed',
  'declined',
  'unanswered',
  'noFeedback',
  'noGoals',
];

export interface PairProgress {
  pairId: string;
  mentor: { id: string; name: string };
  mentee: { id: string; name: string };
  pairStatus: Pair['status'];
  bookingStatus: Booking['status'] | 'notQueued';
  sessions: { planned: number; held: number; cancelled: number; moved: number };
  nextSession: string | null;
  answers: { mentor: Response; mentee: Response };
  goals: { total: number; progressed: number; achieved: number; averageProgress: number | null };
  feedback: { given: number; expected: number; averageRating: number | null };
  risks: RiskCode[];
}

export interface ProgrammeProgress {
  at: string;
  pairs: { total: number; byStatus: Record<string, number> };
  sessions: { planned: number; held: number; cancelled: number; moved: number };
  invitations: Record<Response, number>;
  goals: {
    total: number;
    progressed: number;
    achieved: number;
    averageProgress: number | null;
    pairsWithGoals: number;
  };
  feedback: {
    given: number;
    expected: number;
    averageRating: number | null;
    /** Share of answers that said the session was useful, 0–1. */
    usefulShare: number | null;
  };
  atRisk: { pairs: number; byReason: Record<RiskCode, number> };
}

/** How long after a session its feedback may still come before silence counts. */
const FEEDBACK_GRACE_MS = 24 * 3_600_000;

const average = (values: readonly number[]) =>
  values.length === 0
    ? null
    : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/** One pair's figures, and why it may need HR's attention. */
export function pairProgress(
  pair: Pair,
  booking: Booking | undefined,
  entries: readonly SpaceEntry[],
  plannedSessions: number,
  now: Date,
): PairProgress {
  const sessions = booking?.sessions ?? [];
  const held = sessions.filter((s) => sessionHeld(s, now));
  const goals = entries.filter((e) => e.type === 'goal');
  const feedback = entries.filter((e) => e.type === 'feedback');
  const answers = booking?.responses ?? { mentor: 'none' as const, mentee: 'none' as const };
  const risks: RiskCode[] = [];
  if (booking?.status === 'refused') risks.push('bookingRefused');
  if (booking?.status === 'failed') risks.push('bookingFailed');
  if (answers.mentor === 'declined' || answers.mentee === 'declined') risks.push('declined');
  if (booking?.flags.some((f) => f.code === 'unanswered')) risks.push('unanswered');
  // Two sessions in a row held without a word from either member — counting sessions that have
  // ended, and a day after, so nobody is flagged while they could still be writing it.
  const judged = held.filter((s) => Date.parse(s.end) + FEEDBACK_GRACE_MS <= now.getTime());
  const lastTwo = [...judged].sort((a, b) => a.start.localeCompare(b.start)).slice(-2);
  if (
    lastTwo.length === 2 &&
    lastTwo.every((s) => !feedback.some((f) => f.sessionIndex === s.index))
  ) {
    risks.push('noFeedback');
  }
  // Goals are agreed early (the first session agrees the plan): none after the second is a sign.
  if (held.length >= 2 && goals.length === 0) risks.push('noGoals');
  return {
    pairId: pair.id,
    mentor: pair.mentor,
    mentee: pair.mentee,
    pairStatus: pair.status,
    bookingStatus: booking?.status ?? 'notQueued',
    sessions: {
      planned: sessions.length > 0 ? sessions.length : plannedSessions,
      held: held.length,
      cancelled: sessions.filter((s) => s.status === 'cancelled').length,
      moved: sessions.filter((s) => s.status === 'moved').length,
    },
    nextSession: nextSessionStart(sessions, now),
    answers: { mentor: answers.mentor, mentee: answers.mentee },
    goals: {
      total: goals.length,
      progressed: goals.filter((g) => g.progress > 0).length,
      achieved: goals.filter((g) => g.status === 'achieved').length,
      averageProgress: average(goals.map((g) => g.progress)),
    },
    feedback: {
      given: feedback.length,
      expected: held.length * 2,
      averageRating: average(feedback.map((f) => f.rating)),
    },
    risks,
  };
}

/** The programme's aggregates from its pairs' figures (and the feedback answers themselves). */
export function programmeProgress(
  pairs: readonly PairProgress[],
  feedback: readonly { rating: number; useful: boolean }[],
  now: Date,
): ProgrammeProgress {
  const sum = (f: (p: PairProgress) => number) => pairs.reduce((a, p) => a + f(p), 0);
  const byStatus: Record<string, number> = {};
  for (const p of pairs) byStatus[p.bookingStatus] = (byStatus[p.bookingStatus] ?? 0) + 1;
  const invitations: Record<Response, number> = {
    none: 0,
    accepted: 0,
    tentativelyAccepted: 0,
    declined: 0,
  };
  for (const p of pairs) {
    if (p.bookingStatus !== 'booked' && p.bookingStatus !== 'ended') continue;
    invitations[p.answers.mentor]++;
    invitations[p.answers.mentee]++;
  }
  const byReason = Object.fromEntries(RISK_CODES.map((c) => [c, 0])) as Record<RiskCode, number>;
  for (const p of pairs) for (const r of p.risks) byReason[r]++;
  const allGoals = sum((p) => p.goals.total);
  const progressSum = pairs.reduce((a, p) => a + (p.goals.averageProgress ?? 0) * p.goals.total, 0);
  return {
    at: now.toISOString(),
    pairs: { total: pairs.length, byStatus },
    sessions: {
      planned: sum((p) => p.sessions.planned),
      held: sum((p) => p.sessions.held),
      cancelled: sum((p) => p.sessions.cancelled),
      moved: sum((p) => p.sessions.moved),
    },
    invitations,
    goals: {
      total: allGoals,
      progressed: sum((p) => p.goals.progressed),
      achieved: sum((p) => p.goals.achieved),
      averageProgress: allGoals === 0 ? null : Math.round((progressSum / allGoals) * 10) / 10,
      pairsWithGoals: pairs.filter((p) => p.goals.total > 0).length,
    },
    feedback: {
      given: feedback.length,
      expected: sum((p) => p.feedback.expected),
      averageRating: average(feedback.map((f) => f.rating)),
      usefulShare:
        feedback.length === 0
          ? null
          : Math.round((feedback.filter((f) => f.useful).length / feedback.length) * 100) / 100,
    },
    atRisk: { pairs: pairs.filter((p) => p.risks.length > 0).length, byReason },
  };
}
