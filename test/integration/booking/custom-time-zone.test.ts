import { beforeAll, describe, expect, test } from 'vitest';
import { bookPair } from '../../../functions/src/jobs/booking';
import type { SimPerson } from '../../sim/graph/tenant';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  madridMeetsMexico,
  unrelatedCouples,
} from './booking-fixture';

/**
 * getSchedule may give `workingHours.timeZone` as a `#microsoft.graph.customTimeZone` (Microsoft's
 * example does: api-reference/v1.0/api/calendar-getschedule.md). The simulator serves it for the
 * mailboxes a mode switches on; people with such zones are booked inside their working hours.
 */
let fixture: ReturnType<typeof bookingDeps>;
let programme: { id: string; name: string };
let couples: { mentor: SimPerson; mentee: SimPerson }[];

const { stack } = localStackForFile();
beforeAll(async () => {
  fixture = bookingDeps(stack);
  programme = await createProgramme(stack);
  // A Mexico City mentor and a Madrid mentee: Madrid's daylight rules matter, Mexico's fixed offset too.
  couples = unrelatedCouples(stack, ['Ciudad de México'], ['Madrid'], madridMeetsMexico);
  expect(couples.length).toBeGreaterThanOrEqual(4);
});

function wallClock(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

const MODES: { mode: string; custom: readonly ('mentor' | 'mentee')[] }[] = [
  { mode: 'named zones only', custom: [] },
  { mode: 'the mentor’s mailbox serves a custom zone', custom: ['mentor'] },
  { mode: 'the mentee’s mailbox serves a custom zone', custom: ['mentee'] },
  { mode: 'both mailboxes serve custom zones', custom: ['mentor', 'mentee'] },
];

describe('booking people whose working hours come as a customTimeZone', () => {
  test.each(MODES.map((m, i) => ({ ...m, i })))(
    '$mode: booked inside both working days',
    async ({ custom, i }) => {
      const { mentor, mentee } = couples[i]!;
      for (const role of custom) {
        const person = role === 'mentor' ? mentor : mentee;
        const switched = await fetch(
          `${stack.graph.url}/_sim/calendar/${person.id}/customTimeZone`,
          {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: 'true',
          },
        );
        expect(switched.status).toBe(204);
      }
      // The mode is on: getSchedule serves exactly those people's zones as rules.
      const now = Date.now();
      const served = stack.graph.calendars.getSchedule(
        [mentor.mail, mentee.mail],
        now,
        now + 86_400_000,
        30,
      );
      const typeOf = (zone: unknown) =>
        typeof zone === 'object' && zone !== null && '@odata.type' in zone
          ? zone['@odata.type']
          : undefined;
      expect(served.map((s) => typeOf(s.workingHours?.timeZone))).toEqual([
        custom.includes('mentor') ? '#microsoft.graph.customTimeZone' : undefined,
        custom.includes('mentee') ? '#microsoft.graph.customTimeZone' : undefined,
      ]);

      const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
      const booking = await bookPair(fixture.deps, pairId);
      expect([booking.status, booking.refusal]).toEqual(['booked', null]);
      expect(booking.sessions).toHaveLength(10);
      // The series is written in a named zone Graph accepts, never a custom one.
      expect(booking.plan!.recurrenceZone.name).not.toMatch(/^Custom/);
      if (custom.length === 2) expect(booking.plan!.recurrenceZone.anchoredTo).toBe('utc');
      // Every session inside both working days, read on each person's real clock.
      for (const session of booking.sessions) {
        for (const [zone, person] of [
          ['America/Mexico_City', mentor],
          ['Europe/Madrid', mentee],
        ] as const) {
          const hours = person.mailboxSettings.workingHours;
          expect(wallClock(session.start, zone) >= hours.startTime.slice(0, 5)).toBe(true);
          expect(wallClock(session.end, zone) <= hours.endTime.slice(0, 5)).toBe(true);
        }
      }
    },
  );
});
