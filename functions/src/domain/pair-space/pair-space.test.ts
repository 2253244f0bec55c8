import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../booking/booking';
import {
  editAgendaItem,
  editGoal,
  editNote,
  giveFeedback,
  mayDelete,
  newActivity,
  newAgendaItem,
  newGoal,
  newNote,
  type SpaceEntry,
  spaceAsMemberSees,
} from './pair-space';

const MENTOR = 'mentor-1';
const MENTEE = 'mentee-1';
const NOW = new Date('2027-03-10T12:00:00Z');
const at = (id: string, authorId: string, minutes = 0) => ({
  id,
  pairId: 'pair-1',
  authorId,
  now: new Date(NOW.getTime() + minutes * 60_000),
});

function session(index: number, start: string, status: SessionRecord['status'] = 'planned') {
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  return { index, occurrenceId: null, start, end, status, clashes: [] } satisfies SessionRecord;
}

describe('two-way dialogue (rule 6)', () => {
  it('lets either member add agenda items; only the author rewrites one, either ticks it done', () => {
    const item = newAgendaItem(at('a1', MENTEE), { text: 'Hablar de mi primer proyecto' });
    expect(item).toMatchObject({ type: 'agenda', sessionIndex: null, done: false });
    const ticked = editAgendaItem(item, MENTOR, { done: true }, NOW);
    expect(ticked.ok && ticked.value.done).toBe(true);
    expect(editAgendaItem(item, MENTOR, { text: 'Otra cosa' }, NOW)).toEqual({
      ok: false,
      reason: { code: 'notAuthor' },
    });
    const rewritten = editAgendaItem(item, MENTEE, { text: 'Mi primer proyecto' }, NOW);
    expect(rewritten.ok && rewritten.value.text).toBe('Mi primer proyecto');
  });

  it('keeps each member’s private notes from the other, whatever the space holds', () => {
    const entry = fc.record({
      author: fc.constantFrom(MENTOR, MENTEE),
      visibility: fc.constantFrom('shared' as const, 'private' as const),
      text: fc.string({ minLength: 1 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (written) => {
        const entries: SpaceEntry[] = written.map((w, k) =>
          newNote(at(`n${k}`, w.author, k), { text: w.text, visibility: w.visibility }),
        );
        for (const [viewer, other] of [
          [MENTOR, MENTEE],
          [MENTEE, MENTOR],
        ] as const) {
          const space = spaceAsMemberSees(viewer, other, 'classic', [], entries, NOW);
          expect(space.privateNotes.every((n) => n.authorId === viewer)).toBe(true);
          expect(space.privateNotes).toHaveLength(
            written.filter((w) => w.visibility === 'private' && w.author === viewer).length,
          );
          expect(space.sharedNotes).toHaveLength(
            written.filter((w) => w.visibility === 'shared').length,
          );
        }
      }),
    );
  });

  it('lets only a note’s author edit or delete it', () => {
    const note = newNote(at('n1', MENTOR), { text: 'Cuando fallé en 2019…', visibility: 'shared' });
    expect(editNote(note, MENTEE, { text: 'x' }, NOW).ok).toBe(false);
    expect(mayDelete(note, MENTEE, 'mentee').ok).toBe(false);
    expect(mayDelete(note, MENTOR, 'mentor').ok).toBe(true);
  });
});

describe('goals (rule 7)', () => {
  it('are the mentee’s: the mentor cannot set one, only comment', () => {
    expect(newGoal(at('g1', MENTOR), 'mentor', { horizon: 'short', title: 'x' })).toEqual({
      ok: false,
      reason: { code: 'onlyMentee' },
    });
    const made = newGoal(at('g1', MENTEE), 'mentee', { horizon: 'long', title: 'Liderar' });
    if (!made.ok) throw new Error('refused');
    expect(made.value).toMatchObject({ progress: 0, status: 'notStarted', mentorComment: '' });
    expect(editGoal(made.value, 'mentor', { progress: 50 }, NOW).ok).toBe(false);
    expect(editGoal(made.value, 'mentee', { mentorComment: 'bien' }, NOW).ok).toBe(false);
    const commented = editGoal(made.value, 'mentor', { mentorComment: 'Buen avance' }, NOW);
    expect(commented.ok && commented.value.mentorComment).toBe('Buen avance');
    expect(mayDelete(made.value, MENTOR, 'mentor').ok).toBe(false);
  });

  it('follow progress to a status unless the mentee names one', () => {
    const made = newGoal(at('g1', MENTEE), 'mentee', { horizon: 'short', title: 'Presentar' });
    if (!made.ok) throw new Error('refused');
    const half = editGoal(made.value, 'mentee', { progress: 40 }, NOW);
    expect(half.ok && half.value.status).toBe('inProgress');
    const done = editGoal(made.value, 'mentee', { progress: 100 }, NOW);
    expect(done.ok && done.value.status).toBe('achieved');
    const dropped = editGoal(made.value, 'mentee', { status: 'dropped', progress: 10 }, NOW);
    expect(dropped.ok && dropped.value.status).toBe('dropped');
  });

  it('come short-term first in the space', () => {
    const g = (id: string, horizon: 'short' | 'long', minutes: number) => {
      const made = newGoal(at(id, MENTEE, minutes), 'mentee', { horizon, title: id });
      if (!made.ok) throw new Error('refused');
      return made.value;
    };
    const space = spaceAsMemberSees(
      MENTEE,
      MENTOR,
      'classic',
      [],
      [g('long1', 'long', 0), g('short1', 'short', 1), g('short2', 'short', 2)],
      NOW,
    );
    expect(space.goals.map((x) => x.id)).toEqual(['short1', 'short2', 'long1']);
  });

  it('executive activities exist only in executive programmes', () => {
    const input = { kind: 'shadowing' as const, date: '2027-04-01', description: 'Comité' };
    expect(newActivity(at('x1', MENTEE), 'classic', input)).toEqual({
      ok: false,
      reason: { code: 'notExecutive' },
    });
    expect(newActivity(at('x1', MENTEE), 'executive', input).ok).toBe(true);
    expect(spaceAsMemberSees(MENTEE, MENTOR, 'reverse', [], [], NOW).activities).toBeNull();
    expect(spaceAsMemberSees(MENTEE, MENTOR, 'executive', [], [], NOW).activities).toEqual([]);
  });
});

describe('feedback after each session (rule 8)', () => {
  const sessions = [
    session(0, '2027-03-03T09:00:00Z'),
    session(1, '2027-03-17T09:00:00Z'),
    session(2, '2027-02-24T09:00:00Z', 'cancelled'),
  ];
  const context = { pairId: 'pair-1', authorId: MENTEE, now: NOW };
  const input = { rating: 4, useful: true };

  it('opens when the session starts, never for a cancelled or unknown one', () => {
    expect(giveFeedback(sessions, undefined, context, { sessionIndex: 0, ...input }).ok).toBe(true);
    expect(giveFeedback(sessions, undefined, context, { sessionIndex: 1, ...input })).toEqual({
      ok: false,
      reason: { code: 'sessionNotHeld', index: 1, start: '2027-03-17T09:00:00Z' },
    });
    expect(giveFeedback(sessions, undefined, context, { sessionIndex: 2, ...input })).toEqual({
      ok: false,
      reason: { code: 'sessionCancelled', index: 2 },
    });
    expect(giveFeedback(sessions, undefined, context, { sessionIndex: 7, ...input })).toEqual({
      ok: false,
      reason: { code: 'noSuchSession', index: 7 },
    });
  });

  it('is one per member and session: a revision keeps when it was first given', () => {
    const first = giveFeedback(sessions, undefined, context, { sessionIndex: 0, ...input });
    if (!first.ok) throw new Error('refused');
    const later = { ...context, now: new Date(NOW.getTime() + 86_400_000) };
    const revised = giveFeedback(sessions, first.value, later, {
      sessionIndex: 0,
      rating: 5,
      useful: true,
    });
    if (!revised.ok) throw new Error('refused');
    expect(revised.value.id).toBe(first.value.id);
    expect(revised.value.createdAt).toBe(first.value.createdAt);
    expect(revised.value.rating).toBe(5);
  });

  it('shows a member their own feedback and only whether the other gave theirs', () => {
    const mine = giveFeedback(sessions, undefined, context, { sessionIndex: 0, ...input });
    const theirs = giveFeedback(
      sessions,
      undefined,
      { ...context, authorId: MENTOR },
      { sessionIndex: 0, rating: 2, useful: false, comment: 'secreto' },
    );
    if (!mine.ok || !theirs.ok) throw new Error('refused');
    const space = spaceAsMemberSees(
      MENTEE,
      MENTOR,
      'classic',
      sessions,
      [mine.value, theirs.value],
      NOW,
    );
    expect(space.sessions[0]).toMatchObject({
      held: true,
      myFeedback: mine.value,
      otherGaveFeedback: true,
    });
    expect(JSON.stringify(space)).not.toContain('secreto');
    expect(space.sessions[1]).toMatchObject({ held: false, myFeedback: null });
    expect(space.sessions[2]).toMatchObject({ held: false, status: 'cancelled' });
  });
});
