import { describe, expect, it } from 'vitest';
import type { Application } from '../application/application';
import { newPair } from '../pair/pair';
import { newNote } from '../pair-space/pair-space';
import { erasureBlockers, exportDocument, type MyPairData } from './personal-data';

const NOW = new Date('2027-06-10T12:00:00Z');
const application = (status: Application['status']) =>
  ({ programmeId: 'p1', personId: 'me', status, createdAt: NOW.toISOString() }) as Application;
const programme = (status: 'open' | 'matching' | 'running' | 'closed') => ({
  id: 'p1',
  name: 'Mentoring',
  kind: 'classic' as const,
  status,
});
const pair = newPair({
  id: 'pair',
  programme: { id: 'p1', name: 'Mentoring' },
  mentor: { id: 'me', name: 'Yo' },
  mentee: { id: 'other', name: 'Otra' },
  score: 1,
  reasons: [],
  proposalId: 'x',
  confirmedBy: 'hr',
  now: NOW,
});
const inPair = (status: 'running' | 'closed', booking?: 'booked' | 'ended'): MyPairData => ({
  pair,
  programme: programme(status),
  booking: booking ? { status: booking } : undefined,
  mine: [],
});

describe('erasure', () => {
  it('waits while an application is under review or a pair is still running', () => {
    expect(
      erasureBlockers(
        [{ application: application('submitted'), programme: programme('open') }],
        [],
      ),
    ).toEqual([{ code: 'activeApplication', programmeId: 'p1', programmeName: 'Mentoring' }]);
    expect(erasureBlockers([], [inPair('running', 'booked')])).toEqual([
      { code: 'activePair', pairId: 'pair', programmeName: 'Mentoring' },
    ]);
  });

  it('goes ahead once the person withdrew, was turned down, or the pair or programme ended', () => {
    expect(
      erasureBlockers(
        [
          { application: application('withdrawn'), programme: programme('open') },
          { application: application('rejected'), programme: programme('matching') },
          { application: application('approved'), programme: programme('closed') },
        ],
        [inPair('running', 'ended'), inPair('closed', 'booked')],
      ),
    ).toEqual([]);
  });
});

describe('export', () => {
  it('holds what the person wrote, private notes included, and who the pair was with', () => {
    const note = newNote(
      { id: 'n', pairId: 'pair', authorId: 'me', now: NOW },
      { text: 'solo-para-mi', visibility: 'private' },
    );
    const doc = exportDocument({
      person: { id: 'me', name: 'Yo', username: 'yo@x' },
      exportedAt: NOW,
      applications: [application('approved')],
      pairs: [{ ...inPair('running', 'booked'), mine: [note] }],
    });
    expect(doc.pairs[0]).toMatchObject({ role: 'mentor', with: { id: 'other' }, written: [note] });
    expect(doc.applications).toHaveLength(1);
  });
});
