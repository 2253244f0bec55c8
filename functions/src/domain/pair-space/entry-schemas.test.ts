import { describe, expect, it } from 'vitest';
import { SpaceEntrySchema } from './entry-schemas';
import { newActivity, newAgendaItem, newGoal, newNote, type SpaceEntry } from './pair-space';

const context = {
  id: 'e1',
  pairId: 'pair-1',
  authorId: 'mentee-1',
  now: new Date('2027-03-10T12:00:00Z'),
};
const stamps = {
  pairId: 'pair-1',
  createdAt: '2027-03-10T12:00:00.000Z',
  updatedAt: '2027-03-10T12:00:00.000Z',
};

function made(): SpaceEntry[] {
  const goal = newGoal(context, 'mentee', { horizon: 'long', title: 'Negociar mejor' });
  const activity = newActivity({ ...context, id: 'e4' }, 'executive', {
    kind: 'negotiationPractice',
    date: '2027-03-20',
    description: 'Role play',
  });
  if (!goal.ok || !activity.ok) throw new Error('the domain refused the fixtures');
  return [
    newAgendaItem(context, { text: 'Presentaciones', sessionIndex: 0 }),
    newNote({ ...context, id: 'e2' }, { text: 'Solo mía', visibility: 'private' }),
    goal.value,
    activity.value,
    {
      ...stamps,
      id: 'e5',
      authorId: 'mentor-1',
      type: 'feedback',
      sessionIndex: 2,
      rating: 4,
      useful: true,
      comment: '',
    },
    {
      ...stamps,
      id: 'e6',
      authorId: 'mentor-1',
      type: 'evaluation',
      role: 'mentor',
      satisfaction: 5,
      goalsReached: 4,
      recommend: 9,
      suggestion: 'Más sesiones',
    },
  ];
}

const read = (value: unknown) => SpaceEntrySchema.parse(JSON.parse(JSON.stringify(value)));

describe('the pair space’s entry schemas', () => {
  it('reads back exactly as the domain wrote it, for every entry type', () => {
    for (const entry of made()) expect(read(entry)).toEqual(entry);
  });

  it('does not read when its type is unknown, a field is missing or out of range', () => {
    const [agenda, , goal, , feedback] = made();
    expect(() => read({ ...agenda, type: 'poll' })).toThrow(/type|discriminator/i);
    expect(() => read({ ...agenda, done: undefined })).toThrow(/done/);
    expect(() => read({ ...goal, progress: 140 })).toThrow(/progress/);
    expect(() => read({ ...feedback, rating: 0 })).toThrow(/rating/);
  });
});
