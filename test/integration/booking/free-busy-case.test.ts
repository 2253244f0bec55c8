import { beforeAll, describe, expect, test } from 'vitest';
import { bookPair } from '../../../functions/src/jobs/booking';
import type { SimPerson } from '../../sim/graph/tenant';
import { ORGANISER } from '../../sim/stack';
import { apiAs } from '../api-client';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  sameDayInSpain,
  unrelatedCouples,
} from './booking-fixture';

let couples: { mentor: SimPerson; mentee: SimPerson }[];
const { stack } = localStackForFile();
beforeAll(async () => {
  const spain = ['Madrid', 'Barcelona', 'Las Palmas de Gran Canaria'];
  couples = unrelatedCouples(stack, spain, spain, sameDayInSpain);
});

const DAY = 86_400_000;
const utc = (ms: number) => ({
  dateTime: new Date(ms).toISOString().replace(/\.\d+Z$/, ''),
  timeZone: 'UTC',
});
let next = 0;

describe.each([false, true])('free/busy statuses capitalised: %s', (capitalised) => {
  test('a busy block is busy whatever the case of its status; the series is written with Windows zone names', async () => {
    stack.graph.calendars.capitalisedStatuses = capitalised;
    const fixture = bookingDeps(stack);
    const programme = await createProgramme(stack);
    const { mentor, mentee } = couples[next++]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const booking = await bookPair(fixture.deps, pairId);
    expect(booking.status).toBe('booked');

    // datetimetimezone: Windows names (or Graph's IANA list, which lacks Europe/Madrid).
    const store = stack.graph.calendars;
    const series = store
      .list(ORGANISER.id)
      .map((item) => store.render(item))
      .find((e) => e.id === booking.eventId) as {
      originalStartTimeZone: string;
      recurrence: { range: { recurrenceTimeZone: string } };
    };
    const zone = series.recurrence.range.recurrenceTimeZone;
    expect(zone).toMatch(/ Time( \(.+\))?$|^UTC$/);
    expect(series.originalStartTimeZone).toBe(zone);

    const session = booking.sessions[4]!;
    const blockStart = Date.parse(session.start) - 3 * DAY;
    const blockEnd = Date.parse(session.start) + 3 * DAY;
    // The mentee adds it in Outlook (Tandem's app reaches the organiser mailbox only).
    stack.graph.calendars.create(mentee.id, {
      subject: 'Viaje',
      start: utc(blockStart),
      end: utc(blockEnd),
      showAs: 'busy',
    });
    const items = await fixture.deps.calendar.availability(
      ORGANISER.userPrincipalName,
      [mentee.mail],
      new Date(blockStart),
      new Date(blockEnd),
    );
    // Read as busy whatever the case Graph wrote it in (the adapter compares without case).
    expect(items[0]!.entries).toContainEqual({ start: blockStart, end: blockEnd, status: 'busy' });

    const token = await stack.issuer.userToken(mentee.id);
    const proposed = await apiAs(stack)(null, 'GET', `/pairs/${pairId}/sessions/4/alternatives`, {
      token,
    });
    expect(proposed.status).toBe(200);
    const slots = proposed.body.value as { start: string; end: string }[];
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      const overlaps = Date.parse(slot.start) < blockEnd && Date.parse(slot.end) > blockStart;
      expect(overlaps).toBe(false);
    }
  });
});
