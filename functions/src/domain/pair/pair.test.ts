import { describe, expect, it } from 'vitest';
import {
  type DirectoryEntry,
  isMember,
  movePair,
  newPair,
  pairAsMemberSees,
  refusalAtConfirmation,
} from './pair';

const person = (id: string, managerId: string | null, accountEnabled = true): DirectoryEntry => ({
  id,
  displayName: id.toUpperCase(),
  managerId,
  accountEnabled,
});
const directory = (...people: DirectoryEntry[]) => new Map(people.map((p) => [p.id, p]));
// ana ← luis ← marta (marta reports to luis, who reports to ana); pedro elsewhere.
const org = directory(
  person('ana', null),
  person('luis', 'ana'),
  person('marta', 'luis'),
  person('pedro', 'ana'),
);

describe('confirmation re-checks PRODUCT rule 1 against the directory', () => {
  it('refuses a pair when the mentor manages the mentee’s manager, naming the line', () => {
    expect(refusalAtConfirmation(org, 'marta', 'ana', 'chain')).toEqual({
      code: 'reportingLine',
      text: 'MARTA → LUIS → ANA',
      params: { line: 'MARTA → LUIS → ANA' },
    });
  });

  it('refuses the reverse direction too: the mentee above the mentor (reverse mentoring)', () => {
    expect(refusalAtConfirmation(org, 'ana', 'marta', 'chain')?.code).toBe('reportingLine');
  });

  it('allows a skip-level pair when the programme forbids only the direct manager', () => {
    expect(refusalAtConfirmation(org, 'marta', 'ana', 'directManager')).toBeNull();
    expect(refusalAtConfirmation(org, 'marta', 'luis', 'directManager')?.code).toBe(
      'reportingLine',
    );
  });

  it('allows people with no reporting line between them', () => {
    expect(refusalAtConfirmation(org, 'marta', 'pedro', 'chain')).toBeNull();
  });

  it('refuses someone the directory does not know, or whose account is disabled', () => {
    expect(refusalAtConfirmation(org, 'marta', 'ghost', 'chain')).toMatchObject({
      code: 'notInDirectory',
      params: { personId: 'ghost' },
    });
    const disabled = directory(person('a', null), person('b', null, false));
    expect(refusalAtConfirmation(disabled, 'a', 'b', 'chain')?.code).toBe('accountDisabled');
  });
});

describe('a pair', () => {
  const pair = newPair({
    id: 'p1',
    programme: { id: 'prog', name: 'Mentoring 2027' },
    mentor: { id: 'pedro', name: 'Pedro' },
    mentee: { id: 'marta', name: 'Marta' },
    score: 1.3,
    reasons: [{ code: 'topics', text: 'negotiation' }],
    proposalId: 'x',
    confirmedBy: 'hr',
    now: new Date('2027-01-10T09:00:00Z'),
  });

  it('starts confirmed and moves confirmed → booking → booked | bookingFailed, retrying a failure', () => {
    expect(pair.status).toBe('confirmed');
    expect(movePair(pair, 'booked', new Date(0))).toEqual({
      ok: false,
      reason: { code: 'invalidTransition', from: 'confirmed', to: 'booked' },
    });
    const booking = movePair(pair, 'booking', new Date(0));
    if (!booking.ok) throw new Error('booking refused');
    const failed = movePair(booking.pair, 'bookingFailed', new Date(0));
    if (!failed.ok) throw new Error('failure refused');
    expect(movePair(failed.pair, 'booking', new Date(0)).ok).toBe(true);
  });

  it('shows each member their role and the other person', () => {
    expect(pairAsMemberSees(pair, 'marta')).toMatchObject({
      role: 'mentee',
      other: { id: 'pedro', name: 'Pedro' },
      programmeName: 'Mentoring 2027',
    });
    expect(pairAsMemberSees(pair, 'pedro').other.name).toBe('Marta');
    expect([isMember(pair, 'marta'), isMember(pair, 'ana')]).toEqual([true, false]);
  });
});
