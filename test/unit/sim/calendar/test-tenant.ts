import { CalendarStore } from '../../../sim/graph/calendar/calendar-store';
import type { SimContext, SimMailboxOwner } from '../../../sim/graph/context';

/** A small tenant for the calendar tests: a Madrid organiser mailbox and people in three zones. */

function person(
  id: string,
  displayName: string,
  mail: string,
  timeZone: string,
  hours: [string, string] = ['09:00:00.0000000', '18:00:00.0000000'],
): SimMailboxOwner {
  return {
    id,
    displayName,
    mail,
    userPrincipalName: mail,
    accountEnabled: true,
    mailboxSettings: {
      timeZone,
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: hours[0],
        endTime: hours[1],
        timeZone: { name: timeZone },
      },
    },
  };
}

export const TANDEM = person('tandem-id', 'Tandem', 'tandem@contoso.test', 'Romance Standard Time');
export const ANA = person('ana-id', 'Ana Ruiz', 'ana@contoso.test', 'Europe/Madrid');
export const LUIS = person(
  'luis-id',
  'Luis Ortega',
  'luis@contoso.test',
  'Central Standard Time (Mexico)',
);
export const NURIA = person('nuria-id', 'Nuria Santana', 'nuria@contoso.test', 'Atlantic/Canary');

export interface TestTenant extends SimContext {
  setNow(at: string): void;
  add(owner: SimMailboxOwner): void;
}

export function testTenant(
  now = '2026-02-20T08:00:00Z',
  people: SimMailboxOwner[] = [TANDEM, ANA, LUIS, NURIA],
): TestTenant {
  let clock = new Date(now);
  const byKey = new Map<string, SimMailboxOwner>();
  const add = (p: SimMailboxOwner) => {
    for (const key of [p.id, p.mail, p.userPrincipalName]) byKey.set(key.toLowerCase(), p);
  };
  for (const p of people) add(p);
  return {
    now: () => new Date(clock),
    setNow: (at) => {
      clock = new Date(at);
    },
    findUser: (idOrAddress) => byKey.get(idOrAddress.toLowerCase()),
    add,
  };
}

export function newStore(tenant: SimContext = testTenant()): CalendarStore {
  return new CalendarStore(tenant);
}

export const madrid = (dateTime: string) => ({ dateTime, timeZone: 'Romance Standard Time' });

/** The pair's fortnightly series as booking creates it (docs/graph.md). */
export function fortnightlySeries(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'Tandem: Ana y Luis',
    body: { contentType: 'HTML', content: '<p>Primera sesión</p>' },
    start: madrid('2026-03-03T10:00:00'),
    end: madrid('2026-03-03T11:00:00'),
    attendees: [
      { emailAddress: { address: ANA.mail, name: ANA.displayName }, type: 'required' },
      { emailAddress: { address: LUIS.mail, name: LUIS.displayName }, type: 'required' },
    ],
    recurrence: {
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
      range: {
        type: 'numbered',
        startDate: '2026-03-03',
        numberOfOccurrences: 10,
        recurrenceTimeZone: 'Romance Standard Time',
      },
    },
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    transactionId: 'pair-42-v1',
    ...overrides,
  };
}

export const YEAR_2026 = [
  Date.parse('2026-01-01T00:00:00Z'),
  Date.parse('2027-01-01T00:00:00Z'),
] as const;
