import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../booking/booking';
import type { Evaluation } from '../pair-space/pair-space';
import { anonymousSuggestions, evaluate, evaluationOpen, summarise } from './evaluation';

const NOW = new Date('2027-06-10T12:00:00Z');
const at = (days: number, status: SessionRecord['status'] = 'planned'): SessionRecord => {
  const start = new Date(NOW.getTime() + days * 86_400_000).toISOString();
  return { index: 0, occurrenceId: null, start, end: start, status, clashes: [] };
};

describe('when the evaluation opens', () => {
  it('opens after the last session that was not cancelled, when HR ends the pair, or when the programme closes', () => {
    expect(evaluationOpen('running', { status: 'booked', sessions: [at(-20), at(-6)] }, NOW)).toBe(
      true,
    );
    expect(evaluationOpen('running', { status: 'booked', sessions: [at(-20), at(8)] }, NOW)).toBe(
      false,
    );
    expect(
      evaluationOpen('running', { status: 'booked', sessions: [at(-20), at(8, 'cancelled')] }, NOW),
    ).toBe(true);
    expect(evaluationOpen('running', { status: 'ended', sessions: [at(8)] }, NOW)).toBe(true);
    expect(evaluationOpen('running', undefined, NOW)).toBe(false);
    expect(evaluationOpen('running', { status: 'queued', sessions: [] }, NOW)).toBe(false);
    expect(evaluationOpen('closed', undefined, NOW)).toBe(true);
  });

  it('refuses an evaluation before, and keeps the first answer’s date on a revision', () => {
    const context = { pairId: 'p', authorId: 'a', role: 'mentee' as const, now: NOW };
    const input = { satisfaction: 4, goalsReached: 3, recommend: 9 };
    expect(evaluate(false, undefined, context, input)).toEqual({
      ok: false,
      reason: { code: 'evaluationNotOpen' },
    });
    const first = evaluate(true, undefined, context, input);
    if (!first.ok) throw new Error('refused');
    const later = { ...context, now: new Date(NOW.getTime() + 1000) };
    const revised = evaluate(true, first.value, later, { ...input, recommend: 10 });
    expect(revised.ok && revised.value.createdAt).toBe(first.value.createdAt);
    expect(revised.ok && revised.value.recommend).toBe(10);
  });
});

describe('the evaluation results', () => {
  const e = (role: 'mentor' | 'mentee', satisfaction: number, recommend: number, suggestion = '') =>
    ({
      id: role,
      pairId: 'p',
      authorId: `${role}${satisfaction}${recommend}`,
      createdAt: '',
      updatedAt: '',
      type: 'evaluation',
      role,
      satisfaction,
      goalsReached: satisfaction,
      recommend,
      suggestion,
    }) satisfies Evaluation;

  it('averages by role, counts each score and computes the net promoter score', () => {
    const summary = summarise(
      [e('mentee', 5, 10), e('mentee', 4, 9), e('mentor', 3, 7), e('mentor', 2, 3)],
      3,
      2,
    );
    expect(summary).toEqual({
      responses: 4,
      minimumRespondents: 2,
      withheld: false,
      expected: 6,
      byRole: {
        mentor: { responses: 2, satisfaction: 2.5, goalsReached: 2.5 },
        mentee: { responses: 2, satisfaction: 4.5, goalsReached: 4.5 },
      },
      satisfaction: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 1 },
      // Two promoters (9, 10), one passive (7), one detractor (3) of four: (2 − 1) / 4.
      netPromoterScore: 25,
    });
    expect(summarise([], 2, 3).netPromoterScore).toBeNull();
  });

  it('withholds every figure while fewer than the minimum have answered (nobody identifiable)', () => {
    const answers = [e('mentee', 5, 10), e('mentor', 1, 0)];
    const below = summarise(answers, 2, 3);
    expect(below).toEqual({
      responses: 2,
      minimumRespondents: 3,
      withheld: true,
      expected: 4,
      byRole: {
        mentor: { responses: 0, satisfaction: null, goalsReached: null },
        mentee: { responses: 0, satisfaction: null, goalsReached: null },
      },
      satisfaction: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
      netPromoterScore: null,
    });
    const reached = summarise([...answers, e('mentee', 3, 8)], 2, 3);
    expect(reached.withheld).toBe(false);
    // Overall figures show; the lone mentor's average would name that mentor, so it waits.
    expect(reached.byRole.mentor).toEqual({ responses: 1, satisfaction: null, goalsReached: null });
    expect(reached.byRole.mentee).toEqual({ responses: 2, satisfaction: null, goalsReached: null });
    const threeMentees = summarise([...answers, e('mentee', 3, 8), e('mentee', 4, 9)], 3, 3);
    expect(threeMentees.byRole.mentee).toEqual({ responses: 3, satisfaction: 4, goalsReached: 4 });
    expect(threeMentees.byRole.mentor.satisfaction).toBeNull();
  });

  it('gives HR the suggestions in an order that says nothing about who wrote them', () => {
    expect(
      anonymousSuggestions([
        e('mentor', 3, 7, 'Zonas horarias'),
        e('mentee', 5, 10, ''),
        e('mentee', 4, 9, ' Más sesiones '),
      ]),
    ).toEqual(['Más sesiones', 'Zonas horarias']);
  });
});
