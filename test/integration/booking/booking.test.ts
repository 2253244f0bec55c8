import { beforeAll, describe, expect, test } from 'vitest';
import { bookPair } from '../../../functions/src/jobs/booking';
import { followUpProgramme } from '../../../functions/src/jobs/follow-up';
import type { SimPerson } from '../../sim/graph/tenant';
import { ORGANISER } from '../../sim/stack';
import { apiAs } from '../api-client';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  chainOf,
  confirmPair,
  createProgramme,
  HR,
  madridMeetsMexico,
  unrelatedCouples,
} from './booking-fixture';

let fixture: ReturnType<typeof bookingDeps>;
let programme: { id: string; name: string };
let couples: { mentor: SimPerson; mentee: SimPerson }[];

const { stack } = localStackForFile();
beforeAll(async () => {
  fixture = bookingDeps(stack);
  programme = await createProgramme(stack);
  // A Mexico City mentor and a Madrid mentee: Madrid changes to summer time, Mexico City no longer does.
  couples = unrelatedCouples(stack, ['Ciudad de México'], ['Madrid'], madridMeetsMexico);
  expect(couples.length).toBeGreaterThanOrEqual(6);
});

/** Wall-clock "HH:MM" of an instant in a zone. */
function wallClock(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

function seriesIn(userId: string, iCalUId: string) {
  const store = stack.graph.calendars;
  return store
    .list(userId)
    .map((item) => store.render(item))
    .filter((event) => event.iCalUId === iCalUId);
}

function organiserSeries(transactionId: string) {
  const store = stack.graph.calendars;
  return store
    .list(ORGANISER.id)
    .map((item) => store.render(item))
    .filter((event) => event.transactionId === transactionId);
}

describe('booking a confirmed pair (PRODUCT rule 5)', () => {
  test('one series in both calendars, a Teams link, and the right local times across DST', async () => {
    const { mentor, mentee } = couples[0]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const booking = await bookPair(fixture.deps, pairId);
    expect([booking.status, booking.refusal]).toEqual(['booked', null]);
    expect(booking.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(booking.sessions).toHaveLength(10);
    expect(booking.sessions.every((s) => s.occurrenceId)).toBe(true);
    expect((await fixture.pairs.get(pairId))?.value.status).toBe('booked');

    const organised = organiserSeries(booking.transactionId);
    expect(organised).toHaveLength(1);
    expect(organised[0]).toMatchObject({ type: 'seriesMaster', isOnlineMeeting: true });
    expect(seriesIn(mentor.id, booking.iCalUId!)).toHaveLength(1);
    expect(seriesIn(mentee.id, booking.iCalUId!)).toHaveLength(1);

    // Same local time all programme long in the series' zone; the other side moves with DST.
    const zone = booking.plan!.recurrenceZone.iana;
    const inSeriesZone = new Set(booking.sessions.map((s) => wallClock(s.start, zone)));
    expect(inSeriesZone.size).toBe(1);
    const madrid = new Set(booking.sessions.map((s) => wallClock(s.start, 'Europe/Madrid')));
    const mexico = new Set(booking.sessions.map((s) => wallClock(s.start, 'America/Mexico_City')));
    expect(madrid.size + mexico.size).toBe(3);
    // And inside both working days: 09:00–18:00 wherever each of them works.
    for (const session of booking.sessions.filter((s) => s.clashes.length === 0)) {
      for (const [zoneOf, person] of [
        ['America/Mexico_City', mentor],
        ['Europe/Madrid', mentee],
      ] as const) {
        const start = wallClock(session.start, zoneOf);
        const end = wallClock(session.end, zoneOf);
        expect(start >= person.mailboxSettings.workingHours.startTime.slice(0, 5)).toBe(true);
        expect(end <= person.mailboxSettings.workingHours.endTime.slice(0, 5)).toBe(true);
      }
    }

    // Run again, or resume after a crash that lost the event id: still exactly one series.
    const again = await bookPair(fixture.deps, pairId);
    expect(again.eventId).toBe(booking.eventId);
    const stored = (await fixture.deps.bookings.get(pairId))!;
    await fixture.deps.bookings.replace(
      { ...stored.value, status: 'failed', eventId: null },
      stored.etag,
    );
    const resumed = await bookPair(fixture.deps, pairId);
    expect(resumed.status).toBe('booked');
    expect(resumed.eventId).toBe(booking.eventId);
    expect(organiserSeries(booking.transactionId)).toHaveLength(1);
  });

  test('a moved session and a decline reach the follow-up HR reads', async () => {
    const { mentor, mentee } = couples[1]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const booking = await bookPair(fixture.deps, pairId);
    expect(booking.status).toBe('booked');
    const third = booking.sessions[2]!;
    const later = (iso: string) => new Date(Date.parse(iso) + 2 * 3600_000);
    await fixture.deps.calendar.moveOccurrence(
      ORGANISER.userPrincipalName,
      third.occurrenceId!,
      later(third.start),
      later(third.end),
    );
    // The mentee declines from their own calendar.
    const menteeCopy = seriesIn(mentee.id, booking.iCalUId!)[0]!;
    const declined = await fetch(`${stack.graph.url}/_sim/calendar/respond`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: mentee.id, eventId: menteeCopy.id, response: 'declined' }),
    });
    expect(declined.status).toBe(200);

    await followUpProgramme(fixture.deps, programme.id);
    const followed = (await fixture.deps.bookings.get(pairId))!.value;
    expect(followed.responses).toMatchObject({ mentor: 'none', mentee: 'declined' });
    expect(followed.flags).toEqual(
      expect.arrayContaining([
        { code: 'declined', who: 'mentee' },
        { code: 'sessionMoved', index: 2 },
      ]),
    );
    expect(followed.sessions[2]).toMatchObject({ status: 'moved' });
    // HR reads it through the API: the decline and the moved session, no notes.
    const hrView = await apiAs(stack)(HR, 'GET', `/programmes/${programme.id}/bookings`);
    expect(hrView.status).toBe(200);
    const row = hrView.body.value.find((b: { pairId: string }) => b.pairId === pairId);
    expect(row).toMatchObject({ status: 'booked', responses: { mentee: 'declined' } });
    expect(row.mentee).toEqual({ id: mentee.id, name: mentee.displayName });
    expect(row.flags).toEqual(expect.arrayContaining([{ code: 'declined', who: 'mentee' }]));
    expect(row.sessions[2]).toMatchObject({ status: 'moved' });
    expect(Date.parse(followed.sessions[2]!.start)).toBe(Date.parse(third.start) + 2 * 3600_000);
  });

  test('a member moves one session to a proposed free slot; the series stays', async () => {
    const { mentor, mentee } = couples[3]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const booking = await bookPair(fixture.deps, pairId);
    expect(booking.status).toBe('booked');
    const api = apiAs(stack);
    const token = await stack.issuer.userToken(mentee.id);
    const path = `/pairs/${pairId}/sessions/4`;
    const proposed = await api(null, 'GET', `${path}/alternatives`, { token });
    expect(proposed.status).toBe(200);
    expect(proposed.body.value.length).toBeGreaterThan(0);
    const slot = proposed.body.value[0];

    const bad = await api(null, 'POST', `${path}/move`, { token, body: { start: 'tomorrow' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.start');
    const busy = await api(null, 'POST', `${path}/move`, {
      token,
      body: { start: '2031-01-01T03:00:00Z' },
    });
    expect([busy.status, busy.body.code]).toEqual([409, 'slotNotFree']);
    const other = await api(null, 'GET', `${path}/alternatives`, {
      token: await stack.issuer.userToken(couples[0]!.mentee.id),
    });
    expect(other.status).toBe(404);

    const moved = await api(null, 'POST', `${path}/move`, { token, body: { start: slot.start } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ index: 4, status: 'moved', start: slot.start });
    // In Outlook: the same series, that one occurrence now an exception at the new time.
    expect(organiserSeries(booking.transactionId)).toHaveLength(1);
    const occurrences = await fixture.deps.calendar.instances(
      ORGANISER.userPrincipalName,
      booking.eventId!,
      new Date(Date.parse(booking.sessions[0]!.start) - 86_400_000),
      new Date(Date.parse(booking.sessions.at(-1)!.end) + 30 * 86_400_000),
    );
    expect(occurrences).toHaveLength(10);
    const exception = occurrences.find((o) => o.type === 'exception');
    expect(exception && Date.parse(exception.start)).toBe(Date.parse(slot.start));
  });

  test('HR ends a pair early: the sessions ahead are cancelled in Outlook, with the reason', async () => {
    const { mentor, mentee } = couples[4]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const booking = await bookPair(fixture.deps, pairId);
    expect(booking.status).toBe('booked');
    const api = apiAs(stack);
    const bad = await api(HR, 'POST', `/pairs/${pairId}/end`, { body: { reason: '' } });
    expect(bad.status).toBe(400);
    const ended = await api(HR, 'POST', `/pairs/${pairId}/end`, {
      body: { reason: 'La mentee cambia de empresa' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ status: 'ended', cancelled: 10 });
    const occurrences = await fixture.deps.calendar.instances(
      ORGANISER.userPrincipalName,
      booking.eventId!,
      new Date(Date.parse(booking.sessions[0]!.start) - 86_400_000),
      new Date(Date.parse(booking.sessions.at(-1)!.end) + 86_400_000),
    );
    expect(occurrences.filter((o) => !o.isCancelled)).toHaveLength(0);
    const again = await api(HR, 'POST', `/pairs/${pairId}/end`, { body: { reason: 'Otra vez' } });
    expect([again.status, again.body.code]).toEqual([409, 'notBooked']);
  });

  test('a pair whose mentor became the mentee’s superior since matching is refused, not booked', async () => {
    // A couple where the mentor is not below the mentee's manager (the move would make a loop).
    const { mentor, mentee } = couples
      .slice(5)
      .find((c) => !chainOf(stack, c.mentor.id).includes(chainOf(stack, c.mentee.id)[0]!))!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    // The mentee's manager now reports to the mentor: the mentor is two levels above the mentee.
    const [manager] = chainOf(stack, mentee.id);
    stack.graph.tenant.update(manager!, { managerId: mentor.id });
    const booking = await bookPair(fixture.deps, pairId);
    expect(booking.status).toBe('refused');
    expect(booking.refusal).toMatchObject({ code: 'reportingLine' });
    expect(booking.refusal?.code === 'reportingLine' && booking.refusal.line).toEqual([
      mentee.displayName,
      stack.graph.tenant.findUser(manager!)!.displayName,
      mentor.displayName,
    ]);
    expect(organiserSeries(booking.transactionId)).toHaveLength(0);
    expect((await fixture.pairs.get(pairId))?.value.status).toBe('bookingFailed');
  });
});
