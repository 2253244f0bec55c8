import { describe, expect, it } from 'vitest';
import { type Booking, newBooking, type SessionRecord } from '../booking/booking';
import { newPair, type Pair } from '../pair/pair';
import { giveFeedback, newGoal, newNote, type SpaceEntry } from '../pair-space/pair-space';
import { pairProgress, programmeProgress } from './progress';
import { reportRows } from './report';

const NOW = new Date('2027-03-10T12:00:00Z');
const DAY = 86_400_000;

function pair(id: string, mentee = 'Ana'): Pair {
  return newPair({
    id,
    programme: { id: 'prog', name: 'Mentoring' },
    mentor: { id: `${id}-mentor`, name: 'Luis' },
    mentee: { id: `${id}-mentee`, name: mentee },
    score: 1,
    reasons: [],
    proposalId: 'p',
    confirmedBy: 'hr',
    now: new Date(NOW.getTime() - 60 * DAY),
  });
}

/** Sessions every two weeks, the first `daysAgo` days before now. */
function sessions(daysAgo: number, count = 10): SessionRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const start = NOW.getTime() - daysAgo * DAY + index * 14 * DAY;
    return {
      index,
      occurrenceId: null,
      start: new Date(start).toISOString(),
      end: new Date(start + 3_600_000).toISOString(),
      status: 'planned' as const,
      clashes: [],
    };
  });
}

function booked(p: Pair, s: SessionRecord[], patch: Partial<Booking> = {}): Booking {
  return { ...newBooking(p, 'tandem@x', NOW), status: 'booked', sessions: s, ...patch };
}

function feedbackOn(p: Pair, s: SessionRecord[], index: number, rating = 4): SpaceEntry {
  const made = giveFeedback(
    s,
    undefined,
    { pairId: p.id, authorId: p.mentee.id, now: NOW },
    { sessionIndex: index, rating, useful: rating >= 3 },
  );
  if (!made.ok) throw new Error(made.reason.code);
  return made.value;
}

function goal(p: Pair, progress: number): SpaceEntry {
  const made = newGoal(
    { id: `g${progress}`, pairId: p.id, authorId: p.mentee.id, now: NOW },
    'mentee',
    { horizon: 'short', title: 'objetivo-secreto', progress },
  );
  if (!made.ok) throw new Error(made.reason.code);
  return made.value;
}

describe('a pair’s progress', () => {
  it('counts sessions held (started, not cancelled) against planned', () => {
    const p = pair('a');
    const s = sessions(30);
    s[1] = { ...s[1]!, status: 'cancelled' };
    s[2] = { ...s[2]!, status: 'moved' };
    const figures = pairProgress(p, booked(p, s), [], 10, NOW);
    // Started: indexes 0, 1, 2 (days -30, -16, -2); 1 was cancelled.
    expect(figures.sessions).toEqual({ planned: 10, held: 2, cancelled: 1, moved: 1 });
    expect(figures.nextSession).toBe(s[3]!.start);
    expect(figures.feedback.expected).toBe(4);
  });

  it('plans the programme’s sessions for a pair not booked yet, and flags refusals', () => {
    const p = pair('b');
    expect(pairProgress(p, undefined, [], 8, NOW)).toMatchObject({
      bookingStatus: 'notQueued',
      sessions: { planned: 8, held: 0 },
      risks: [],
    });
    const refused = booked(p, [], {
      status: 'refused',
      refusal: { code: 'reportingLine', line: ['a', 'b'] },
    });
    expect(pairProgress(p, refused, [], 8, NOW).risks).toEqual(['bookingRefused']);
  });

  it('puts a pair at risk after a decline, two silent sessions in a row, or no goal after two', () => {
    const p = pair('c');
    const s = sessions(30);
    const declined = booked(p, s, {
      responses: { mentor: 'accepted', mentee: 'declined', checkedAt: null },
    });
    expect(pairProgress(p, declined, [goal(p, 10)], 10, NOW).risks).toEqual([
      'declined',
      'noFeedback',
    ]);
    // Feedback on the latest held session breaks the silence; goals remove the other risk.
    expect(pairProgress(p, booked(p, s), [feedbackOn(p, s, 2)], 10, NOW).risks).toEqual([
      'noGoals',
    ]);
    expect(pairProgress(p, booked(p, s), [feedbackOn(p, s, 1), goal(p, 0)], 10, NOW).risks).toEqual(
      [],
    );
    // The second silent session ended hours ago: its feedback may still come.
    const recent = sessions(14.5);
    expect(pairProgress(p, booked(p, recent), [goal(p, 10)], 10, NOW).risks).toEqual([]);
    // One held session is too early to judge either.
    expect(pairProgress(p, booked(p, sessions(5)), [], 10, NOW).risks).toEqual([]);
  });
});

describe('a programme’s progress', () => {
  it('adds the pairs up and averages goals and ratings', () => {
    const a = pair('a');
    const b = pair('b');
    const sa = sessions(30);
    const sb = sessions(3);
    const entriesA = [goal(a, 50), goal(a, 100), feedbackOn(a, sa, 0, 5), feedbackOn(a, sa, 2, 2)];
    const figures = [
      pairProgress(
        a,
        booked(a, sa, { responses: { mentor: 'accepted', mentee: 'accepted', checkedAt: null } }),
        entriesA,
        10,
        NOW,
      ),
      pairProgress(b, booked(b, sb), [], 10, NOW),
    ];
    const feedback = entriesA.flatMap((e) => (e.type === 'feedback' ? [e] : []));
    const total = programmeProgress(figures, feedback, NOW);
    expect(total.pairs).toEqual({ total: 2, byStatus: { booked: 2 } });
    expect(total.sessions).toEqual({ planned: 20, held: 4, cancelled: 0, moved: 0 });
    expect(total.invitations).toEqual({
      none: 2,
      accepted: 2,
      tentativelyAccepted: 0,
      declined: 0,
    });
    expect(total.goals).toEqual({
      total: 2,
      progressed: 2,
      achieved: 1,
      averageProgress: 75,
      pairsWithGoals: 1,
    });
    expect(total.feedback).toEqual({ given: 2, expected: 8, averageRating: 3.5, usefulShare: 0.5 });
    expect(total.atRisk.pairs).toBe(0);
  });

  it('never carries the text of notes, goals or comments into the figures or the report', () => {
    const p = pair('a');
    const s = sessions(30);
    const note = newNote(
      { id: 'n', pairId: p.id, authorId: p.mentor.id, now: NOW },
      { text: 'nota-secreta', visibility: 'shared' },
    );
    const figures = pairProgress(p, booked(p, s), [note, goal(p, 20)], 10, NOW);
    const all = JSON.stringify([
      figures,
      programmeProgress([figures], [], NOW),
      reportRows('M', [figures], { language: 'es', timeZone: 'Europe/Madrid' }),
      reportRows('M', [figures], { language: 'en', timeZone: 'UTC' }),
    ]);
    expect(all).not.toContain('nota-secreta');
    expect(all).not.toContain('objetivo-secreto');
  });
});
