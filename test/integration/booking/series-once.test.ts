import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Booking } from '../../../functions/src/domain/booking/booking';
import { bookPair } from '../../../functions/src/jobs/booking';
import type { CalendarPort } from '../../../functions/src/ports/calendar';
import type { TransactionIdMode } from '../../sim/graph/calendar/calendar-store';
import type { SimPerson } from '../../sim/graph/tenant';
import { ORGANISER } from '../../sim/stack';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  sameDayInSpain,
  unrelatedCouples,
} from './booking-fixture';

let fixture: ReturnType<typeof bookingDeps>;
let couples: { mentor: SimPerson; mentee: SimPerson }[];
let programme: { id: string; name: string };
const { stack } = localStackForFile();
beforeAll(async () => {
  fixture = bookingDeps(stack);
  const spain = ['Madrid', 'Barcelona', 'Las Palmas de Gran Canaria'];
  couples = unrelatedCouples(stack, spain, spain, sameDayInSpain);
  programme = await createProgramme(stack);
});
afterAll(async () => {
  stack.graph.calendars.transactionIdMode = 'dedupe';
});

/** The organiser's series for this pair that are not cancelled (any transactionId it used). */
function liveSeries(booking: Booking) {
  const store = stack.graph.calendars;
  return store
    .list(ORGANISER.id)
    .map((item) => store.render(item))
    .filter(
      (e) =>
        typeof e.transactionId === 'string' &&
        e.transactionId.startsWith(booking.transactionId) &&
        e.isCancelled !== true,
    );
}

/** The organiser's create answer is lost once (served, then the connection cut). */
function loseNextCreate() {
  const organiser = ORGANISER.userPrincipalName;
  stack.graph.faults.set(
    [organiser, encodeURIComponent(organiser)].map((mailbox) => ({
      kind: 'lostResponse' as const,
      method: 'POST',
      pathPrefix: `/users/${mailbox}/events`,
      times: 1,
    })),
  );
}

const MODES: TransactionIdMode[] = ['dedupe', 'noDedupe', 'rejectRepeat'];
let next = 0;

describe.each(MODES)('a series is created once with transactionId mode %s', (mode) => {
  test('a lost create answer: the series is found by our key, never made twice', async () => {
    stack.graph.calendars.transactionIdMode = mode;
    const { mentor, mentee } = couples[next++]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    loseNextCreate();
    const booking = await bookPair(fixture.deps, pairId);
    stack.graph.faults.clear();
    expect(booking.status).toBe('booked');
    expect(liveSeries(booking)).toHaveLength(1);
    expect(liveSeries(booking)[0]!.id).toBe(booking.eventId);
  });

  test('a crash after a lost answer, then the queue’s retry: still one series', async () => {
    stack.graph.calendars.transactionIdMode = mode;
    const { mentor, mentee } = couples[next++]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    loseNextCreate();
    let lookups = 0;
    const real = fixture.deps.calendar;
    // The process dies at the lookup after the failed create (the second lookup of the run).
    const dying: CalendarPort = {
      ...real,
      async findSeries(organizer, key) {
        if (++lookups === 2) throw new Error('crash');
        return real.findSeries(organizer, key);
      },
    };
    await expect(bookPair({ ...fixture.deps, calendar: dying }, pairId)).rejects.toThrow();
    stack.graph.faults.clear();
    const retried = await bookPair(fixture.deps, pairId);
    expect(retried.status).toBe('booked');
    expect(liveSeries(retried)).toHaveLength(1);
  });

  test('a rebook after the series was cancelled in Outlook makes a new series with a new key', async () => {
    stack.graph.calendars.transactionIdMode = mode;
    const { mentor, mentee } = couples[next++]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const first = await bookPair(fixture.deps, pairId);
    expect(first.status).toBe('booked');
    await fixture.deps.calendar.cancel(ORGANISER.userPrincipalName, first.eventId!, 'Cancelada');
    expect(liveSeries(first)).toHaveLength(0);
    // The booking is to be made again (as after a failure): the old series is cancelled.
    const stored = (await fixture.deps.bookings.get(pairId))!;
    await fixture.deps.bookings.replace({ ...stored.value, status: 'failed' }, stored.etag);
    loseNextCreate();
    const second = await bookPair(fixture.deps, pairId);
    stack.graph.faults.clear();
    expect(second.status).toBe('booked');
    expect(second.eventId).not.toBe(first.eventId);
    expect(second.seriesKey).not.toBe(first.seriesKey);
    expect(liveSeries(second)).toHaveLength(1);
  });
});
