import { describe, expect, it } from 'vitest';
import { ana, busyUtc, carmen, javier, lucia } from '../../../../test/fixtures/schedule-people';
import { proposeAlternatives } from './propose-alternatives';

// Monday 9 February 2026, 09:00 in Mexico City = 16:00 in Madrid.
const session = { start: '2026-02-09T15:00:00.000Z', end: '2026-02-09T16:00:00.000Z' };

describe('proposeAlternatives', () => {
  it('proposes the nearest free slots in the same week first, inside both working days', () => {
    const mentorBusyAllMonday = busyUtc('2026-02-09T00:00:00Z', '2026-02-10T00:00:00Z');
    const result = proposeAlternatives({
      mentee: lucia(),
      mentor: ana('18:00', [mentorBusyAllMonday]),
      session,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    expect(
      result.alternatives.map(
        (a) => `${a.local.mentee.date} ${a.local.mentee.start} ${a.local.mentor.start}`,
      ),
    ).toEqual([
      '2026-02-10 09:00 16:00',
      '2026-02-10 09:30 16:30',
      '2026-02-10 10:00 17:00',
      '2026-02-11 09:00 16:00',
      '2026-02-11 09:30 16:30',
    ]);
    expect(result.alternatives[0]).toMatchObject({ sameWeek: true, shiftMinutes: 24 * 60 });
  });

  it('never proposes the session’s own slot or anything before "now"', () => {
    const result = proposeAlternatives({
      mentee: lucia(),
      mentor: ana('18:00'),
      session,
      notBefore: '2026-02-09T15:00:00Z',
      limit: 3,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    expect(result.alternatives.map((a) => a.start)).toEqual([
      '2026-02-09T15:30:00.000Z',
      '2026-02-09T16:00:00.000Z',
      '2026-02-10T15:00:00.000Z',
    ]);
  });

  it('does not let the session’s own calendar entry block moving it by half an hour', () => {
    const itself = busyUtc(session.start, session.end);
    const result = proposeAlternatives({
      mentee: lucia([itself]),
      mentor: ana('18:00', [itself]),
      session,
      limit: 1,
    });
    expect(result).toMatchObject({
      ok: true,
      alternatives: [{ start: '2026-02-09T15:30:00.000Z', shiftMinutes: 30 }],
    });
  });

  it('follows the Madrid summer-time change when the search week straddles it', () => {
    // Monday 23 March 2026, 09:00 Mexico City; Madrid changes on Sunday 29 March.
    const result = proposeAlternatives({
      mentee: lucia(),
      mentor: ana('17:00'),
      session: { start: '2026-03-23T15:00:00Z', end: '2026-03-23T16:00:00Z' },
      daysBefore: 0,
      daysAfter: 14,
      limit: 20,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.reason));
    // After the change 09:00 Mexico City is 17:00 in Madrid, past Ana's day: nothing is proposed then.
    expect(result.alternatives.length).toBe(4);
    expect(result.alternatives.every((a) => a.local.mentee.date < '2026-03-28')).toBe(true);
  });

  it('refuses with noFreeSlotNearby when both are never free together in the searched days', () => {
    const result = proposeAlternatives({
      mentee: carmen([busyUtc('2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z')]),
      mentor: javier(),
      session: { start: '2026-02-09T09:00:00Z', end: '2026-02-09T10:00:00Z' },
    });
    expect(result).toEqual({
      ok: false,
      reason: {
        code: 'noFreeSlotNearby',
        from: '2026-02-02T00:00:00.000Z',
        to: '2026-02-17T00:00:00.000Z',
      },
    });
  });

  it('refuses with noCommonWorkingHours when the working days never overlap', () => {
    const result = proposeAlternatives({ mentee: lucia(), mentor: javier(), session });
    expect(result).toMatchObject({ ok: false, reason: { code: 'noCommonWorkingHours' } });
  });

  it('refuses a session whose times carry no offset', () => {
    const result = proposeAlternatives({
      mentee: lucia(),
      mentor: ana(),
      session: { start: '2026-02-09T15:00:00', end: '2026-02-09T16:00:00' },
    });
    expect(result).toMatchObject({ ok: false, reason: { code: 'invalidSession' } });
  });
});
