import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../sim/graph/router';
import { fortnightlySeries, LUIS, NURIA, newStore, TANDEM } from './test-tenant';

const at = (time: string) => Date.parse(`2026-03-10T${time}:00Z`);
const utc = (time: string) => ({ dateTime: `2026-03-10T${time}:00`, timeZone: 'UTC' });

function nuriaDay() {
  const store = newStore();
  const block = (subject: string, showAs: string, from: string, to: string) =>
    store.create(NURIA.id, { subject, showAs, start: utc(from), end: utc(to) });
  block('Café', 'free', '08:00', '08:30');
  block('Comité', 'busy', '09:00', '10:00');
  block('Desde casa', 'workingElsewhere', '09:45', '10:15');
  block('Formación', 'tentative', '10:30', '11:00');
  block('Médico', 'oof', '11:00', '11:40');
  return store;
}

function graphError(run: () => unknown): GraphError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
}

describe('getSchedule', () => {
  it('writes one digit per interval, the strongest status of the items overlapping it', () => {
    const store = nuriaDay();
    const [half] = store.getSchedule([NURIA.mail], at('08:00'), at('12:00'), 30);
    // 08:00 free, 08:30 free, 09:00 busy, 09:30 busy (beats workingElsewhere), 10:00
    // workingElsewhere, 10:30 tentative, 11:00 oof, 11:30 oof (the item ends 11:40).
    expect(half?.availabilityView).toBe('00224133');
    const [hour] = store.getSchedule([NURIA.mail], at('08:00'), at('12:00'), 60);
    expect(hour?.availabilityView).toBe('0213');
  });

  it('lists the non-free items in UTC, or in the zone the caller prefers, with working hours', () => {
    const store = nuriaDay();
    const [schedule] = store.getSchedule([NURIA.mail], at('08:00'), at('12:00'), 30);
    expect(schedule?.scheduleItems.map((i) => [i.subject, i.status])).toEqual([
      ['Comité', 'busy'],
      ['Desde casa', 'workingElsewhere'],
      ['Formación', 'tentative'],
      ['Médico', 'oof'],
    ]);
    expect(schedule?.scheduleItems[0]).toMatchObject({
      isPrivate: false,
      start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'UTC' },
    });
    expect(schedule?.workingHours).toEqual(NURIA.mailboxSettings.workingHours);
    const [mexico] = store.getSchedule(
      [NURIA.mail],
      at('08:00'),
      at('12:00'),
      30,
      'Central Standard Time (Mexico)',
    );
    expect(mexico?.scheduleItems[0]?.start).toEqual({
      dateTime: '2026-03-10T03:00:00.0000000',
      timeZone: 'Central Standard Time (Mexico)',
    });
  });

  it('shows an unanswered invitation as tentative and an accepted one as busy', () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    const window = [
      Date.parse('2026-03-03T08:00:00Z'),
      Date.parse('2026-03-03T11:00:00Z'),
    ] as const;
    expect(store.getSchedule([LUIS.mail], ...window, 60)[0]?.availabilityView).toBe('010');
    store.respond(LUIS.id, master.copy.id, 'accepted');
    expect(store.getSchedule([LUIS.mail], ...window, 60)[0]?.availabilityView).toBe('020');
    expect(store.getSchedule([TANDEM.mail], ...window, 60)[0]?.availabilityView).toBe('020');
  });

  it('answers an unknown address with an item carrying an error, not a failed request', () => {
    const store = nuriaDay();
    const [nuria, nobody] = store.getSchedule(
      [NURIA.mail, 'nadie@contoso.test'],
      at('08:00'),
      at('09:00'),
      30,
    );
    expect(nuria?.error).toBeUndefined();
    expect(nobody).toMatchObject({
      scheduleId: 'nadie@contoso.test',
      scheduleItems: [],
      error: { responseCode: 'ErrorMailRecipientNotFound' },
    });
  });

  it.each([
    ['21 schedules', Array.from({ length: 21 }, () => NURIA.mail), 0, 30, 'ErrorInvalidParameter'],
    ['62 days', [NURIA.mail], 62, 30, 'ErrorTimeIntervalTooBig'],
    ['an interval under 5 minutes', [NURIA.mail], 1, 4, 'ErrorInvalidParameter'],
    ['an interval over 1440 minutes', [NURIA.mail], 1, 1441, 'ErrorInvalidParameter'],
  ])('refuses %s with 400', (_what, schedules, days, interval, code) => {
    const store = nuriaDay();
    const from = at('00:00');
    const to = days === 0 ? at('12:00') : from + days * 86_400_000;
    const error = graphError(() => store.getSchedule(schedules, from, to, interval));
    expect([error.status, error.code]).toEqual([400, code]);
  });

  it('gives free/busy alone for a mailbox the caller does not reach (mode freeBusy)', () => {
    const store = nuriaDay();
    const [schedule] = store.getSchedule(
      [NURIA.mail],
      at('08:00'),
      at('12:00'),
      30,
      'UTC',
      () => false,
    );
    expect(schedule?.availabilityView).toBe('00224133');
    expect(schedule?.scheduleItems[0]).toEqual({
      status: 'busy',
      start: { dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-10T10:00:00.0000000', timeZone: 'UTC' },
    });
    expect(schedule?.scheduleItems.some((i) => 'subject' in i)).toBe(false);
    expect(schedule?.workingHours).toEqual(NURIA.mailboxSettings.workingHours);
  });

  it('answers a mailbox the caller does not reach with ErrorNoFreeBusyAccess (mode error)', () => {
    const store = nuriaDay();
    store.outOfScopeSchedules = 'error';
    const [nuria, luis] = store.getSchedule(
      [NURIA.mail, LUIS.mail],
      at('08:00'),
      at('12:00'),
      30,
      'UTC',
      (id) => id === LUIS.id,
    );
    expect(nuria).toMatchObject({
      scheduleItems: [],
      error: { responseCode: 'ErrorNoFreeBusyAccess' },
    });
    expect(luis?.error).toBeUndefined();
  });

  it('accepts 20 schedules over 61 days', () => {
    const store = nuriaDay();
    const from = at('00:00');
    const result = store.getSchedule(
      Array.from({ length: 20 }, () => NURIA.mail),
      from,
      from + 61 * 86_400_000,
      1440,
    );
    expect(result).toHaveLength(20);
    expect(result[0]?.availabilityView).toBe(`3${'0'.repeat(60)}`);
  });
});
