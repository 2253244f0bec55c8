import { describe, expect, it } from 'vitest';
import { storedApplication } from './application-table';

/** A row as the first version wrote it: no answers, availability, decision or waiting list. */
const firstRow = {
  programmeId: 'p1',
  personId: 'u1',
  personName: 'Ana Ruiz',
  role: 'mentee',
  why: 'Quiero crecer',
  wants: ['negociación'],
  offers: [],
  languages: ['es'],
  consent: true,
  status: 'submitted',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
};

describe('a stored application is read with its schema', () => {
  it('fills the fields added later with their defaults', () => {
    const read = storedApplication.parse(firstRow);
    expect(read.answers).toEqual([]);
    expect(read.availability).toEqual({ days: [], partsOfDay: [], notes: '' });
    expect(read.decision).toBeUndefined();
    expect(read.waitingListSince).toBeUndefined();
  });

  it('keeps HR’s decision as it was written', () => {
    const decision = { by: { id: 'hr', name: 'Lucía Fernández' }, at: '2026-03-03T10:00:00Z' };
    const read = storedApplication.parse({ ...firstRow, status: 'approved', decision });
    expect(read.decision).toEqual(decision);
  });

  it('refuses a row that is not an application', () => {
    expect(storedApplication.safeParse({ ...firstRow, role: 'boss' }).success).toBe(false);
    expect(storedApplication.safeParse({ ...firstRow, consent: false }).success).toBe(false);
  });

  it('keeps a field a newer version wrote', () => {
    const read = storedApplication.parse({ ...firstRow, later: 1 }) as unknown as Record<
      string,
      unknown
    >;
    expect(read.later).toBe(1);
  });
});
