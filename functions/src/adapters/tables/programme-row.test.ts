import { describe, expect, it } from 'vitest';
import { TEMPLATE_DESCRIPTIONS } from '../../domain/programme/programme';
import { parseStored } from './json-table';
import { programmeRow } from './programme-row';

/** A programme as stored before descriptions, pilot groups, dates and lifecycle links existed. */
const older = {
  id: 'p1',
  name: 'Mentoring 2026',
  kind: 'executive',
  status: 'running',
  objectives: 'Dirección',
  eligibility: { kind: 'everyone' },
  plannedSessions: 10,
  durationMonths: 6,
  sessionMinutes: 60,
  hierarchyRule: 'chain',
  mentorCapacity: 1,
  questions: [],
  owners: ['hr'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const read = (value: unknown) =>
  parseStored('programmes', 'programme', 'p1', JSON.stringify(value), programmeRow);

describe('a stored programme (the migration point)', () => {
  it('reads an older row with the defaults of every later field', () => {
    expect(read(older)).toEqual({
      ...older,
      description: TEMPLATE_DESCRIPTIONS.executive,
      pilotGroup: [],
      callOpensOn: null,
      callClosesOn: null,
      earliestStartOn: null,
      pilotedAt: null,
      promotedTo: null,
      promotedFrom: null,
      clonedFrom: null,
      archivedAt: null,
    });
  });

  it('keeps the optional settings absent when they are, and present when stored', () => {
    expect(read(older)).not.toHaveProperty('minRespondents');
    const stored = {
      minRespondents: 3,
      keepsWaitingList: true,
      language: 'en',
      notifications: { applicationApproved: false },
    };
    expect(read({ ...older, ...stored })).toMatchObject(stored);
  });

  it('names what does not read', () => {
    expect(() => read({ ...older, kind: 'other' })).toThrow(/programmes, row programme\/p1.*kind/);
    expect(() => read({ ...older, pilotGroup: 'everyone' })).toThrow(/pilotGroup/);
  });
});
