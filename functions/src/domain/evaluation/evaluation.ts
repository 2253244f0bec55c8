import { type Booking, nextSessionStart, sessionHeld } from '../booking/booking';
import type { Evaluation, Role } from '../pair-space/pair-space';
import type { ProgrammeStatus } from '../programme/programme';

/**
 * The end-of-programme evaluation (PRODUCT rule 8): each member rates the mentoring once the
 * programme is over for them, and HR reads the results in aggregate.
 */

export type EvaluationRefusal = { code: 'evaluationNotOpen' };

/**
 * Open once the pair's programme is over for it: the programme closed, HR ended the pair, or its
 * last session has started.
 */
export function evaluationOpen(
  programmeStatus: ProgrammeStatus,
  booking: Pick<Booking, 'status' | 'sessions'> | undefined,
  now: Date,
): boolean {
  if (programmeStatus === 'closed') return true;
  if (!booking) return false;
  if (booking.status === 'ended') return true;
  return (
    booking.status === 'booked' &&
    booking.sessions.some((s) => sessionHeld(s, now)) &&
    nextSessionStart(booking.sessions, now) === null
  );
}

export function evaluate(
  open: boolean,
  previous: Evaluation | undefined,
  context: { pairId: string; authorId: string; role: Role; now: Date },
  input: { satisfaction: number; goalsReached: number; recommend: number; suggestion?: string },
): { ok: true; value: Evaluation } | { ok: false; reason: EvaluationRefusal } {
  if (!open) return { ok: false, reason: { code: 'evaluationNotOpen' } };
  const at = context.now.toISOString();
  return {
    ok: true,
    value: {
      id: `evaluation-${context.authorId}`,
      pairId: context.pairId,
      authorId: context.authorId,
      createdAt: previous?.createdAt ?? at,
      updatedAt: at,
      type: 'evaluation',
      role: context.role,
      satisfaction: input.satisfaction,
      goalsReached: input.goalsReached,
      recommend: input.recommend,
      suggestion: input.suggestion ?? '',
    },
  };
}

export interface EvaluationSummary {
  responses: number;
  /** Results show from this many responses (PRODUCT rule 8: nobody identifiable). */
  minimumRespondents: number;
  /** Fewer responses than the minimum: every figure below is withheld (null, zero, empty). */
  withheld: boolean;
  /** Two per pair: mentor and mentee. */
  expected: number;
  byRole: Record<
    Role,
    { responses: number; satisfaction: number | null; goalsReached: number | null }
  >;
  /** 1–5 → how many answered it. */
  satisfaction: Record<'1' | '2' | '3' | '4' | '5', number>;
  /**
   * Net promoter score of "would you recommend the programme": % answering 9–10 minus % answering
   * 0–6, from −100 to 100; null without answers.
   */
  netPromoterScore: number | null;
}

const mean = (values: number[]) =>
  values.length === 0
    ? null
    : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/**
 * The evaluation in aggregate, or only how many answered while fewer than `minimum` have: with
 * two answers, "mentors' satisfaction 2" names the one mentor who answered.
 */
export function summarise(
  evaluations: readonly Evaluation[],
  pairs: number,
  minimum: number,
): EvaluationSummary {
  if (evaluations.length < minimum) {
    const none = { responses: 0, satisfaction: null, goalsReached: null };
    return {
      responses: evaluations.length,
      minimumRespondents: minimum,
      withheld: true,
      expected: pairs * 2,
      byRole: { mentor: none, mentee: none },
      satisfaction: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      netPromoterScore: null,
    };
  }
  const of = (role: Role) => evaluations.filter((e) => e.role === role);
  // A role's averages wait for the minimum too: one mentor's "2" is that mentor's answer.
  const byRole = Object.fromEntries(
    (['mentor', 'mentee'] as const).map((role) => {
      const answers = of(role);
      const shown = answers.length >= minimum;
      return [
        role,
        {
          responses: answers.length,
          satisfaction: shown ? mean(answers.map((e) => e.satisfaction)) : null,
          goalsReached: shown ? mean(answers.map((e) => e.goalsReached)) : null,
        },
      ];
    }),
  ) as EvaluationSummary['byRole'];
  const satisfaction = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const e of evaluations) satisfaction[String(e.satisfaction) as keyof typeof satisfaction]++;
  const n = evaluations.length;
  const promoters = evaluations.filter((e) => e.recommend >= 9).length;
  const detractors = evaluations.filter((e) => e.recommend <= 6).length;
  return {
    responses: n,
    minimumRespondents: minimum,
    withheld: false,
    expected: pairs * 2,
    byRole,
    satisfaction,
    netPromoterScore: n === 0 ? null : Math.round(((promoters - detractors) / n) * 100),
  };
}

/** The suggestions for HR, without who wrote them: in alphabetical order, never by pair or time. */
export function anonymousSuggestions(evaluations: readonly Evaluation[]): string[] {
  return evaluations
    .map((e) => e.suggestion.trim())
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b));
}
