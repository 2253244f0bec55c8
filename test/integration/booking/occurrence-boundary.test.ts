import { expect, test } from 'vitest';
import type { Booking } from '../../../functions/src/domain/booking/booking';
import { bookPair } from '../../../functions/src/jobs/booking';
import { followUpProgramme } from '../../../functions/src/jobs/follow-up';
import { OccurrenceBoundaryError } from '../../../functions/src/ports/calendar';
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

const { stack } = localStackForFile();

const DAY = 86_400_000;
const utc = (ms: number) => ({
  dateTime: new Date(ms).toISOString().replace(/\.\d+Z$/, ''),
  timeZone: 'UTC',
});

/** The calendar date of an instant in a zone, "YYYY-MM-DD". */
function dateIn(zone: string, iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(iso));
}

test('only moves Outlook accepts are offered; a move Outlook refuses is a clean 409', async () => {
  const fixture = bookingDeps(stack);
  const programme = await createProgramme(stack);
  const spain = ['Madrid', 'Barcelona', 'Las Palmas de Gran Canaria'];
  const { mentor, mentee } = unrelatedCouples(stack, spain, spain, sameDayInSpain)[0]!;
  const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
  const booking: Booking = await bookPair(fixture.deps, pairId);
  expect(booking.status).toBe('booked');
  const zone = booking.plan!.recurrenceZone.iana;
  const organiser = ORGANISER.userPrincipalName;
  const [third, fourth] = [booking.sessions[3]!, booking.sessions[4]!];

  // Graph itself (the simulator, per event-update) refuses the fourth session on the fifth's day.
  await expect(
    fixture.deps.calendar.moveOccurrence(
      organiser,
      third.occurrenceId!,
      new Date(Date.parse(fourth.start) - 3_600_000),
      new Date(Date.parse(fourth.end) - 3_600_000),
    ),
  ).rejects.toBeInstanceOf(OccurrenceBoundaryError);

  // The mentee is busy from the fifth session's day for a week: any move of it goes earlier.
  // (The mentee adds it in Outlook: Tandem's app reaches the organiser mailbox only.)
  const dayStart = Date.parse(`${dateIn(zone, fourth.start)}T00:00:00Z`) - 2 * 3_600_000;
  stack.graph.calendars.create(mentee.id, {
    subject: 'Conference',
    start: utc(dayStart),
    end: utc(dayStart + 8 * DAY),
    showAs: 'busy',
  });
  // Someone moves the fourth session in Outlook to the day before the fifth; Tandem has not
  // heard yet.
  await fixture.deps.calendar.moveOccurrence(
    organiser,
    third.occurrenceId!,
    new Date(Date.parse(fourth.start) - DAY),
    new Date(Date.parse(fourth.end) - DAY),
  );

  const api = apiAs(stack);
  const token = await stack.issuer.userToken(mentee.id);
  const path = `/pairs/${pairId}/sessions/4`;
  const stale = await api(null, 'GET', `${path}/alternatives`, { token });
  expect(stale.status).toBe(200);
  const offered = stale.body.value as { start: string }[];
  expect(offered.length).toBeGreaterThan(0);
  // Every slot offered lies before the fifth session's day, so on or before the moved fourth's.
  for (const slot of offered) {
    expect(dateIn(zone, slot.start) < dateIn(zone, fourth.start)).toBe(true);
  }
  const refused = await api(null, 'POST', `${path}/move`, {
    token,
    body: { start: offered[0]!.start },
  });
  expect([refused.status, refused.body.code]).toEqual([409, 'occurrenceBoundary']);
  const unchanged = (await fixture.deps.bookings.get(pairId))!.value;
  expect(unchanged.sessions[4]).toMatchObject({ start: fourth.start, status: 'planned' });

  // Once the follow-up has read the move, only legal slots are offered: here, none.
  await followUpProgramme(fixture.deps, programme.id);
  const followed = (await fixture.deps.bookings.get(pairId))!.value;
  expect(followed.sessions[3]!.status).toBe('moved');
  const none = await api(null, 'GET', `${path}/alternatives`, { token });
  expect([none.status, none.body.code]).toEqual([409, 'noFreeSlotNearby']);

  // The moved fourth session may go anywhere strictly between the third's day and the fifth's.
  const forThird = await api(null, 'GET', `/pairs/${pairId}/sessions/3/alternatives`, { token });
  expect(forThird.status).toBe(200);
  const second = followed.sessions[2]!;
  for (const slot of forThird.body.value as { start: string; end: string }[]) {
    expect(dateIn(zone, slot.start) > dateIn(zone, second.start)).toBe(true);
    expect(dateIn(zone, slot.end) < dateIn(zone, fourth.start)).toBe(true);
  }
  const legal = forThird.body.value[0] as { start: string };
  const moved = await api(null, 'POST', `/pairs/${pairId}/sessions/3/move`, {
    token,
    body: { start: legal.start },
  });
  expect([moved.status, moved.body.status]).toEqual([200, 'moved']);
});
