import { describe, expect, it } from 'vitest';
import {
  type Booking,
  followUp,
  newBooking,
  nextSessionStart,
  sessionAhead,
  sessionHeld,
  transactionIdFor,
  UNANSWERED_AFTER_DAYS,
} from './booking';
import { invitation, pairLanguage } from './invitation';

const created = new Date('2026-03-02T09:00:00Z');

function booked(): Booking {
  const b = newBooking({ id: 'pair-1', programmeId: 'prog-1' }, 'tandem@contoso.test', created);
  return {
    ...b,
    status: 'booked',
    eventId: 'master',
    sessions: [0, 1, 2].map((i) => ({
      index: i,
      occurrenceId: `occ-${i}`,
      start: new Date(Date.UTC(2026, 2, 3 + 14 * i, 9)).toISOString(),
      end: new Date(Date.UTC(2026, 2, 3 + 14 * i, 10)).toISOString(),
      status: 'planned' as const,
      clashes: [],
    })),
  };
}

const occurrences = (b: Booking) =>
  b.sessions.map((s) => ({
    id: s.occurrenceId!,
    start: s.start,
    end: s.end,
    type: 'occurrence' as const,
  }));

describe('booking identity', () => {
  it('derives the same transactionId for the same pair and plan, another for a new plan', () => {
    expect(transactionIdFor('p', 1)).toBe(transactionIdFor('p', 1));
    expect(transactionIdFor('p', 2)).not.toBe(transactionIdFor('p', 1));
    expect(newBooking({ id: 'p', programmeId: 'x' }, 'o', created).transactionId).toBe(
      transactionIdFor('p', 1),
    );
  });
});

describe('follow-up (PRODUCT rule 8)', () => {
  it('flags a decline at once and silence only after a few days', () => {
    const b = booked();
    const early = followUp(
      b,
      { mentor: 'declined', mentee: 'none', isCancelled: false, occurrences: occurrences(b) },
      new Date(created.getTime() + 86_400_000),
    );
    expect(early.flags).toEqual([{ code: 'declined', who: 'mentor' }]);
    expect(early.booking.responses).toMatchObject({ mentor: 'declined', mentee: 'none' });
    const late = followUp(
      b,
      { mentor: 'accepted', mentee: 'none', isCancelled: false, occurrences: occurrences(b) },
      new Date(created.getTime() + UNANSWERED_AFTER_DAYS * 86_400_000),
    );
    expect(late.flags).toEqual([
      { code: 'unanswered', who: 'mentee', days: UNANSWERED_AFTER_DAYS },
    ]);
  });

  it('sees a moved session (an exception) and a cancelled one, once each', () => {
    const b = booked();
    const seen = occurrences(b);
    const moved = {
      ...seen[1]!,
      type: 'exception' as const,
      start: '2026-03-18T15:00:00.000Z',
      end: '2026-03-18T16:00:00.000Z',
    };
    const first = followUp(
      b,
      {
        mentor: 'accepted',
        mentee: 'accepted',
        isCancelled: false,
        occurrences: [seen[0]!, moved],
      },
      new Date('2026-03-04T00:00:00Z'),
    );
    expect(first.flags).toEqual([
      { code: 'sessionMoved', index: 1 },
      { code: 'sessionCancelled', index: 2 },
    ]);
    expect(first.booking.sessions.map((s) => s.status)).toEqual(['planned', 'moved', 'cancelled']);
    expect(first.booking.sessions[1]!.start).toBe(moved.start);
    const again = followUp(
      first.booking,
      {
        mentor: 'accepted',
        mentee: 'accepted',
        isCancelled: false,
        occurrences: [seen[0]!, moved],
      },
      new Date('2026-03-05T00:00:00Z'),
    );
    expect(again.flags).toEqual([]);
  });
});

describe('the invitation', () => {
  it('speaks the pair’s language and carries the first session’s agenda and the link back', () => {
    const input = {
      programmeName: 'Mentoring <2026>',
      mentorName: 'Ana',
      menteeName: 'Luis',
      sessions: 10,
      sessionMinutes: 60,
      pairUrl: 'https://teams.microsoft.com/l/entity/x/home?context=%7B%7D',
    };
    const es = invitation({ ...input, language: 'es' });
    expect(es.subject).toContain('Ana y Luis');
    expect(es.html).toContain('Presentaciones');
    expect(es.html).toContain('Mentoring &lt;2026&gt;');
    expect(es.html).toContain(input.pairUrl);
    const en = invitation({ ...input, language: 'en' });
    expect(en.html).toContain('Introductions');
    expect(en.html).toContain('Agreeing the plan');
  });

  it('is in English only when both people prefer English', () => {
    expect(pairLanguage('en-GB', 'en-US')).toBe('en');
    expect(pairLanguage('en-GB', 'es-ES')).toBe('es');
    expect(pairLanguage(null, 'en-GB')).toBe('es');
  });
});

describe('sessions held and ahead', () => {
  const now = new Date('2027-03-10T12:00:00Z');
  const at = (start: string, status: 'planned' | 'moved' | 'cancelled' = 'planned') => ({
    start,
    status,
  });
  it('holds a session once it has started, unless it was cancelled; the next is the earliest ahead', () => {
    expect(sessionHeld(at('2027-03-10T12:00:00Z'), now)).toBe(true);
    expect(sessionHeld(at('2027-03-09T09:00:00Z', 'cancelled'), now)).toBe(false);
    expect(sessionAhead(at('2027-03-10T12:00:01Z'), now)).toBe(true);
    expect(sessionAhead(at('2027-03-12T09:00:00Z', 'cancelled'), now)).toBe(false);
    expect(
      nextSessionStart(
        [
          at('2027-03-24T09:00:00Z'),
          at('2027-03-11T09:00:00Z', 'cancelled'),
          at('2027-03-17T09:00:00Z', 'moved'),
          at('2027-03-03T09:00:00Z'),
        ],
        now,
      ),
    ).toBe('2027-03-17T09:00:00Z');
    expect(nextSessionStart([at('2027-03-03T09:00:00Z')], now)).toBeNull();
  });
});
