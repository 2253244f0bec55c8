import { beforeAll, describe, expect, test } from 'vitest';
import { endPair, requestEnd } from '../../../functions/src/app/ending/end-pair';
import type { Booking } from '../../../functions/src/domain/booking/booking';
import { bookPair } from '../../../functions/src/jobs/booking';
import { startBookingWorker } from '../../../functions/src/local/booking-worker';
import type { CalendarPort } from '../../../functions/src/ports/calendar';
import type { SimPerson } from '../../sim/graph/tenant';
import { ORGANISER } from '../../sim/stack';
import { apiAs } from '../api-client';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  HR,
  sameDayInSpain,
  unrelatedCouples,
} from './booking-fixture';

let fixture: ReturnType<typeof bookingDeps>;
let couples: { mentor: SimPerson; mentee: SimPerson }[];
const DAY = 86_400_000;

const { stack } = localStackForFile();
beforeAll(async () => {
  fixture = bookingDeps(stack);
  const spain = ['Madrid', 'Barcelona', 'Las Palmas de Gran Canaria'];
  couples = unrelatedCouples(stack, spain, spain, sameDayInSpain);
});

/** The series' occurrences in one person's calendar in the simulator (not cancelled, not hidden). */
function inCalendarOf(personId: string, booking: Booking): number {
  const from = Date.parse(booking.sessions[0]!.start) - DAY;
  const to = Date.parse(booking.sessions.at(-1)!.end) + DAY;
  return stack.graph.calendars
    .calendarView(personId, from, to)
    .filter((item) => item.copy.meeting.iCalUId === booking.iCalUId).length;
}

async function organiserOccurrences(booking: Booking) {
  return fixture.deps.calendar.instances(
    ORGANISER.userPrincipalName,
    booking.eventId!,
    new Date(Date.parse(booking.sessions[0]!.start) - DAY),
    new Date(Date.parse(booking.sessions.at(-1)!.end) + DAY),
  );
}

/** The real Graph adapter, counting each cancel per event id; `crashAfter` cancels then dies. */
function countingCalendar(cancels: string[], crashAfter?: number): CalendarPort {
  const real = fixture.deps.calendar;
  return {
    ...real,
    async cancel(organizer, eventId, comment) {
      await real.cancel(organizer, eventId, comment);
      cancels.push(eventId);
      // Graph did the work; the process dies before the job records it (a lost answer).
      if (crashAfter !== undefined && cancels.length >= crashAfter) throw new Error('crash');
    },
  };
}

describe('closing a programme cancels the sessions ahead (issue 14)', () => {
  test('HR closes a running programme: the queue cancels every future occurrence in both calendars; the pair shows ended', async () => {
    const programme = await createProgramme(stack);
    const chosen = couples.slice(0, 2);
    const booked: Booking[] = [];
    for (const { mentor, mentee } of chosen) {
      const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
      const booking = await bookPair(fixture.deps, pairId);
      expect(booking.status).toBe('booked');
      expect(inCalendarOf(mentor.id, booking)).toBe(10);
      expect(inCalendarOf(mentee.id, booking)).toBe(10);
      booked.push(booking);
    }
    const stored = (await fixture.services.programmes.get(programme.id))!;
    await fixture.services.programmes.replace({ ...stored.value, status: 'running' }, stored.etag);

    const api = apiAs(stack);
    const before = await api(HR, 'GET', `/programmes/${programme.id}`);
    const closed = await api(HR, 'PUT', `/programmes/${programme.id}/status`, {
      body: { status: 'closed' },
      headers: { 'if-match': before.headers.get('etag')! },
    });
    expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
    // The end is stored and queued, not done in the request.
    for (const b of booked) {
      const asked = (await fixture.deps.bookings.get(b.pairId))!.value;
      expect(asked.ending?.reason).toMatch(/ha terminado|has closed/);
    }

    // The booking queue, consumed as the Functions queue trigger does in Azure.
    const worker = startBookingWorker({
      connection: {
        kind: 'connectionString',
        connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
      },
      book: (pairId) => stack.jobs.bookPair(pairId),
    });
    const ended = async () =>
      (await fixture.deps.bookings.listByProgramme(programme.id)).filter(
        (b) => b.value.status === 'ended',
      ).length;
    const deadline = Date.now() + 120_000;
    while ((await ended()) < booked.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    await worker.stop();
    expect(await ended()).toBe(booked.length);

    for (const [i, b] of booked.entries()) {
      const after = (await fixture.deps.bookings.get(b.pairId))!.value;
      expect(after.sessions.map((s) => s.status)).toEqual(Array(10).fill('cancelled'));
      expect((await organiserOccurrences(b)).filter((o) => !o.isCancelled)).toHaveLength(0);
      // Both attendees' calendars: the cancellation reached them.
      expect(inCalendarOf(chosen[i]!.mentor.id, b)).toBe(0);
      expect(inCalendarOf(chosen[i]!.mentee.id, b)).toBe(0);

      // The pair space (the tab's pair page and the Outlook pane read it): ended, nothing ahead.
      const space = await api(null, 'GET', `/pairs/${b.pairId}/space`, {
        token: await stack.issuer.userToken(chosen[i]!.mentee.id),
      });
      expect(space.status).toBe(200);
      expect(space.body.ended).toBe(true);
      expect(
        space.body.sessions.filter((s: { status: string }) => s.status !== 'cancelled'),
      ).toEqual([]);
    }

    // Re-running the job on ended pairs does nothing.
    const cancels: string[] = [];
    for (const b of booked) {
      await bookPair({ ...fixture.deps, calendar: countingCalendar(cancels) }, b.pairId);
    }
    expect(cancels).toEqual([]);
  });

  test('a crash halfway and a retry cancel each future occurrence once; the sessions held stay', async () => {
    const programme = await createProgramme(stack);
    const { mentor, mentee } = couples[2]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const booking = await bookPair(fixture.deps, pairId);
    expect(booking.status).toBe('booked');
    // Three sessions have started by then: they stay in both calendars and in the record.
    const later = new Date(Date.parse(booking.sessions[2]!.start) + 60_000);
    const asked = await requestEnd(
      { ...fixture.deps, now: () => later },
      { id: pairId, programmeId: programme.id },
      'El programa ha terminado',
    );
    expect(asked.ok).toBe(true);

    const cancels: string[] = [];
    await expect(
      endPair(
        { ...fixture.deps, calendar: countingCalendar(cancels, 3), now: () => later },
        pairId,
      ),
    ).rejects.toThrow('crash');
    const halfway = (await fixture.deps.bookings.get(pairId))!.value;
    expect(halfway.status).toBe('booked');
    // The third cancel reached Graph but was never recorded.
    expect(halfway.sessions.filter((s) => s.status === 'cancelled')).toHaveLength(2);

    // The queue's retry runs booking's entry point, which finishes the end.
    const retried = await bookPair(
      { ...fixture.deps, calendar: countingCalendar(cancels), now: () => later },
      pairId,
    );
    expect(retried.status).toBe('ended');
    expect(new Set(cancels).size).toBe(cancels.length);
    expect(cancels).toHaveLength(7);
    expect(retried.sessions.map((s) => s.status)).toEqual([
      ...Array(3).fill('planned'),
      ...Array(7).fill('cancelled'),
    ]);

    const left = await organiserOccurrences(booking);
    expect(left.map((o) => o.start)).toEqual(booking.sessions.slice(0, 3).map((s) => s.start));
    expect(inCalendarOf(mentor.id, booking)).toBe(3);
    expect(inCalendarOf(mentee.id, booking)).toBe(3);

    // Once more, as a replayed message would: nothing.
    const again = await endPair(
      { ...fixture.deps, calendar: countingCalendar(cancels), now: () => later },
      pairId,
    );
    expect(again?.cancelled).toBe(0);
    expect(cancels).toHaveLength(7);
  });

  test('a close interrupted before the ends were queued is finished by the sweep; an unbooked pair is never booked', async () => {
    const programme = await createProgramme(stack);
    const [first, second] = [couples[3]!, couples[4]!];
    const bookedId = await confirmPair(fixture.pairs, programme, first.mentor, first.mentee);
    const booking = await bookPair(fixture.deps, bookedId);
    expect(booking.status).toBe('booked');
    // Confirmed, its booking message not yet served.
    const waitingId = await confirmPair(fixture.pairs, programme, second.mentor, second.mentee);
    // The programme was stored closed, and the process died before any end was asked for.
    const stored = (await fixture.services.programmes.get(programme.id))!;
    await fixture.services.programmes.replace({ ...stored.value, status: 'closed' }, stored.etag);

    const { requeued } = await stack.jobs.requeueBookings();
    expect(requeued).toContain(bookedId);
    expect((await fixture.deps.bookings.get(waitingId))!.value.status).toBe('ended');
    for (const pairId of [bookedId, waitingId]) await stack.jobs.bookPair(pairId);

    const ended = (await fixture.deps.bookings.get(bookedId))!.value;
    expect(ended.status).toBe('ended');
    expect(inCalendarOf(first.mentee.id, booking)).toBe(0);
    const never = (await fixture.deps.bookings.get(waitingId))!.value;
    expect([never.status, never.eventId]).toEqual(['ended', null]);
    // Nothing left for the next sweep.
    expect((await stack.jobs.requeueBookings()).requeued).not.toContain(bookedId);
  });
});
