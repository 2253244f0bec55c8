import { describe, expect, it } from 'vitest';
import type { Matching } from '../../domain/matching-run/matching-run';
import { parseStored, StoredRowError } from './json-table';
import { storedMatching } from './matching-row';

const matching: Matching = {
  programmeId: 'p1',
  run: 2,
  ranAt: '2027-01-10T09:00:00.000Z',
  ranBy: 'hr-1',
  objective: 'maxParticipation',
  proposals: [
    {
      id: 'x1',
      mentee: 'm1',
      menteeName: 'Bea',
      mentor: 'n1',
      mentorName: 'Ana',
      score: 812,
      reasons: [{ code: 'topics', text: 'Wants Negotiation', params: { met: 1, wanted: 2 } }],
      locked: true,
      status: 'confirmed',
      pairId: 'pair-1',
    },
  ],
  unmatched: [
    { personId: 'm2', name: 'Luis', role: 'mentee', reason: { code: 'noTopicOffered', text: '…' } },
  ],
  refusedLocks: [],
  excluded: [{ mentee: 'm3', mentor: 'n1', reason: 'Same team', at: '2027-01-09T09:00:00.000Z' }],
  updatedAt: '2027-01-10T09:00:00.000Z',
};
const read = (value: unknown) =>
  parseStored('matchings', 'p1', 'current', JSON.stringify(value), storedMatching);

describe('a stored matching', () => {
  it('reads back as written, with and without the capacities added later', () => {
    expect(read(matching)).toEqual(matching);
    const withCapacities = { ...matching, capacities: { n1: 3 } };
    expect(read(withCapacities)).toEqual(withCapacities);
  });

  it('does not read when a proposal lost its score or the objective is unknown, naming the field', () => {
    const [proposal] = matching.proposals;
    expect(() => read({ ...matching, proposals: [{ ...proposal, score: undefined }] })).toThrow(
      /proposals\.0\.score/,
    );
    expect(() => read({ ...matching, objective: 'fastest' })).toThrow(StoredRowError);
  });
});
