import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookingTable } from '../../../functions/src/adapters/tables/booking-table';
import { subscriptionTable } from '../../../functions/src/adapters/tables/subscription-table';
import type { Booking } from '../../../functions/src/domain/booking/booking';
import { bookPair } from '../../../functions/src/jobs/booking';
import { OCCURRENCE_ID_MODES } from '../../sim/graph/subscriptions/subscriptions';
import { ORGANISER } from '../../sim/stack';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  sameDayInSpain,
  unrelatedCouples,
} from '../booking/booking-fixture';
import { localStackForFile } from '../stack-for-file';

/**
 * Two-way calendar sync against the simulator's subscriptions (docs/graph.md, "Change
 * notifications"): the real backend subscribes through the official Graph client, the simulator
 * validates the local host's endpoint and delivers each change over HTTP, the local worker takes
 * the `calendar-changes` queue (real Azurite). No follow-up round runs here: the stack has no timers.
 */

let fixture: ReturnType<typeof bookingDeps>;
let couples: ReturnType<typeof unrelatedCouples>;
let used = 0;
const connection = () => ({
  kind: 'connectionString' as const,
  connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
});

const { stack } = localStackForFile({ calendarSync: true });
beforeAll(async () => {
  fixture = bookingDeps(stack);
  const spain = ['Madrid', 'Barcelona', 'Las Palmas de Gran Canaria'];
  couples = unrelatedCouples(stack, spain, spain, sameDayInSpain);
}, 120_000);

/** Reads until `ok` holds (the notification travels sim → host → queue → worker); never a timing claim. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string) {
  let last: T | undefined;
  for (let i = 0; i < 300; i++) {
    last = await read();
    if (ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`${what} never happened; last seen: ${JSON.stringify(last)?.slice(0, 400)}`);
}

async function bookedPair(): Promise<Booking> {
  const { mentor, mentee } = couples[used++]!;
  const programme = await createProgramme(stack);
  const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
  const booking = await bookPair(fixture.deps, pairId);
  expect(booking.status).toBe('booked');
  return booking;
}

const readBooking = async (pairId: string) => (await bookingTable(connection()).get(pairId))!.value;
const stored = async () =>
  (await subscriptionTable(connection()).get(ORGANISER.userPrincipalName))!.value;
const notifications = (query = '') => `${stack.url}/api/calendar/notifications${query}`;
const simControl = (method: string, path: string, body?: unknown) =>
  stack.graph.subscriptions.control(method, path, body);

describe('the subscription', () => {
  it('was made at start on the organiser’s events, its secret stored, after the endpoint echoed the token', async () => {
    const live = stack.graph.subscriptions.list();
    expect(live).toHaveLength(1);
    const mine = await stored();
    expect(live[0]).toMatchObject({
      id: mine.id,
      resource: `/users/${ORGANISER.userPrincipalName}/events`,
      changeType: 'created,updated,deleted',
      notificationUrl: notifications(),
      lifecycleNotificationUrl: notifications(),
      clientState: mine.clientState,
    });
    expect(mine.clientState.length).toBeGreaterThanOrEqual(32);

    const echoed = await fetch(notifications('?validationToken=Validation%3A%20a%20%2B%20b'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
    expect(echoed.status).toBe(200);
    expect(echoed.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await echoed.text()).toBe('Validation: a + b');
  });

  it('is refused by Graph when the endpoint does not echo the token', async () => {
    const { createGraphClient } = await import(
      '../../../functions/src/adapters/graph/graph-client'
    );
    const { loadConfig } = await import('../../../functions/src/config');
    const graph = createGraphClient(loadConfig(stack.env));
    await expect(
      graph.api('/subscriptions').post({
        changeType: 'updated',
        notificationUrl: `${stack.url}/api/health`,
        resource: `/users/${ORGANISER.userPrincipalName}/events`,
        expirationDateTime: new Date(Date.now() + 3_600_000).toISOString(),
        clientState: 'x',
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'ValidationError' });
    // Past the 10,080 minutes an Outlook event subscription may live (subscription.md).
    await expect(
      graph.api('/subscriptions').post({
        changeType: 'updated',
        notificationUrl: notifications(),
        resource: `/users/${ORGANISER.userPrincipalName}/events`,
        expirationDateTime: new Date(stack.clock.now().getTime() + 10_081 * 60_000).toISOString(),
        clientState: 'x',
      }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'ExtensionError' });
    expect(stack.graph.subscriptions.list()).toHaveLength(1);
  });
});

describe('a change made in Outlook', () => {
  it('a decline reaches the booking, with the flag HR sees, and no follow-up round', async () => {
    const booking = await bookedPair();
    stack.graph.calendars.respond(
      stack.graph.tenant.findUser(booking.attendees.mentee!)!.id,
      booking.eventId!,
      'declined',
    );
    const seen = await until(
      () => readBooking(booking.pairId),
      (b) => b.responses.mentee === 'declined',
      'the decline reaching the booking',
    );
    expect(seen.flags).toContainEqual({ code: 'declined', who: 'mentee' });
    expect(seen.responses.mentor).toBe('none');
  });

  it('an accept and a cancel of the whole series reach it too', async () => {
    const booking = await bookedPair();
    stack.graph.calendars.respond(
      stack.graph.tenant.findUser(booking.attendees.mentor!)!.id,
      booking.eventId!,
      'accepted',
    );
    await until(
      () => readBooking(booking.pairId),
      (b) => b.responses.mentor === 'accepted',
      'the accept reaching the booking',
    );
    await fixture.deps.calendar.cancel(ORGANISER.userPrincipalName, booking.eventId!, 'Fin');
    const seen = await until(
      () => readBooking(booking.pairId),
      (b) => b.flags.some((f) => f.code === 'seriesCancelled'),
      'the cancel reaching the booking',
    );
    expect(seen.responses.mentor).toBe('accepted');
  });

  for (const mode of OCCURRENCE_ID_MODES) {
    it(`a session moved reaches it when Graph names the ${mode}`, async () => {
      expect(simControl('PUT', '/_sim/subscriptions/occurrenceIdMode', mode)?.status).toBe(204);
      const booking = await bookedPair();
      const session = booking.sessions[2]!;
      const hour = 3_600_000;
      const later = (iso: string) => new Date(Date.parse(iso) + hour);
      await fixture.deps.calendar.moveOccurrence(
        ORGANISER.userPrincipalName,
        session.occurrenceId!,
        later(session.start),
        later(session.end),
      );
      const seen = await until(
        () => readBooking(booking.pairId),
        (b) => b.sessions[2]!.status === 'moved',
        'the move reaching the booking',
      );
      expect(Date.parse(seen.sessions[2]!.start)).toBe(Date.parse(session.start) + hour);
      expect(seen.sessions[1]!.status).toBe('planned');
    });
  }
});

describe('what is not Graph’s', () => {
  it('a notification with another clientState is dropped (202), the right one acted on', async () => {
    const booking = await bookedPair();
    const subscription = await stored();
    // The creation's own notifications are handled first, so only the posts below are counted.
    await stack.graph.subscriptions.settle();
    await until(
      async () =>
        stack.calendarChanges.some(
          (c) => (c.message as { eventId?: string }).eventId === booking.eventId,
        ),
      (seen) => seen,
      'the creation notices handled',
    );
    await sleep(300);
    const mark = stack.calendarChanges.length;
    // The simulator stops delivering: only the posts below tell Tandem.
    simControl('PUT', '/_sim/subscriptions/delivery', false);
    try {
      stack.graph.calendars.respond(
        stack.graph.tenant.findUser(booking.attendees.mentee!)!.id,
        booking.eventId!,
        'declined',
      );
      const item = (clientState: string) => ({
        value: [
          {
            subscriptionId: subscription.id,
            changeType: 'updated',
            clientState,
            resource: `Users/${ORGANISER.id}/Events/${booking.eventId}`,
            resourceData: { id: booking.eventId },
          },
        ],
      });
      const post = (body: unknown) =>
        fetch(notifications(), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      for (const forged of [
        item(`${subscription.clientState}x`),
        item('guess'),
        {
          value: [
            { ...item(subscription.clientState).value[0], subscriptionId: crypto.randomUUID() },
          ],
        },
      ]) {
        expect((await post(forged)).status).toBe(202);
      }
      expect((await post(item(subscription.clientState))).status).toBe(202);
      await until(
        () => readBooking(booking.pairId),
        (b) => b.responses.mentee === 'declined',
        'the genuine notification acted on',
      );
      // Only the genuine one reached the queue.
      const handled = stack.calendarChanges
        .slice(mark)
        .filter((c) => (c.message as { eventId?: string }).eventId === booking.eventId);
      expect(handled).toHaveLength(1);
    } finally {
      simControl('PUT', '/_sim/subscriptions/delivery', true);
    }
  });

  it('bad bodies get a 4xx, never a 5xx', async () => {
    const cases: [RequestInit, number][] = [
      [{ body: 'not json', headers: { 'content-type': 'application/json' } }, 400],
      [{ body: 'x', headers: { 'content-type': 'text/plain' } }, 415],
      [{ body: '{"value":[]}', headers: { 'content-type': 'application/json' } }, 400],
      [
        {
          body: '{"value":[{"changeType":"updated"}]}',
          headers: { 'content-type': 'application/json' },
        },
        400,
      ],
      [{}, 400],
      [
        {
          body: JSON.stringify({
            value: [{ subscriptionId: 'x'.repeat(600_000), changeType: 'updated' }],
          }),
          headers: { 'content-type': 'application/json' },
        },
        413,
      ],
    ];
    for (const [init, status] of cases) {
      const r = await fetch(notifications(), { method: 'POST', ...init });
      expect(r.status, String(init.body).slice(0, 60)).toBe(status);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
    }
    const markup = await fetch(notifications('?validationToken=%3Cscript%3E'), { method: 'POST' });
    expect(markup.status).toBe(400);
  });
});

describe('lifecycle notices', () => {
  it('missed: a full follow-up round catches up on what was lost', async () => {
    const booking = await bookedPair();
    simControl('PUT', '/_sim/subscriptions/delivery', false);
    stack.graph.calendars.respond(
      stack.graph.tenant.findUser(booking.attendees.mentor!)!.id,
      booking.eventId!,
      'declined',
    );
    simControl('PUT', '/_sim/subscriptions/delivery', true);
    const { id } = await stored();
    expect(
      simControl('POST', `/_sim/subscriptions/${id}/lifecycle`, { event: 'missed' })?.status,
    ).toBe(202);
    await until(
      () => readBooking(booking.pairId),
      (b) => b.responses.mentor === 'declined',
      'the missed change caught up',
    );
  });

  it('reauthorizationRequired renews the same subscription', async () => {
    const before = await stored();
    simControl('POST', `/_sim/subscriptions/${before.id}/lifecycle`, {
      event: 'reauthorizationRequired',
    });
    const after = await until(
      stored,
      (s) => s.expirationDateTime > before.expirationDateTime,
      'the renewal',
    );
    expect(after.id).toBe(before.id);
    expect(stack.graph.subscriptions.list()[0]!.expirationDateTime).toBe(after.expirationDateTime);
  });

  it('subscriptionRemoved: a new one is made and notifications flow again', async () => {
    const before = await stored();
    simControl('POST', `/_sim/subscriptions/${before.id}/lifecycle`, {
      event: 'subscriptionRemoved',
    });
    const after = await until(stored, (s) => s.id !== before.id, 'the new subscription');
    expect(stack.graph.subscriptions.list().map((s) => s.id)).toEqual([after.id]);
    expect(after.clientState).not.toBe(before.clientState);
    const booking = await bookedPair();
    stack.graph.calendars.respond(
      stack.graph.tenant.findUser(booking.attendees.mentee!)!.id,
      booking.eventId!,
      'tentativelyAccepted',
    );
    await until(
      () => readBooking(booking.pairId),
      (b) => b.responses.mentee === 'tentativelyAccepted',
      'a change through the new subscription',
    );
  });
});

describe('renewal', () => {
  // Last: it moves the run's clock (the simulator's too) six and a half days ahead.
  it('renews before expiry, keeping the subscription, and makes a new one after it expired', async () => {
    const before = await stored();
    expect(await stack.jobs.ensureCalendarSubscription()).toMatchObject({ action: 'kept' });
    stack.clock.advance(6.5 * 86_400_000);
    const renewed = await until(
      stored,
      (s) => s.expirationDateTime > before.expirationDateTime,
      'the renewal',
    );
    expect(renewed.id).toBe(before.id);
    expect(Date.parse(renewed.expirationDateTime)).toBeGreaterThan(
      stack.clock.now().getTime() + 86_400_000,
    );

    // Gone from Graph without a notice: the renewal's 404 makes a new one.
    simControl('POST', `/_sim/subscriptions/${renewed.id}/expire`);
    stack.clock.advance(6.5 * 86_400_000);
    const remade = await until(stored, (s) => s.id !== renewed.id, 'a new subscription');
    expect(stack.graph.subscriptions.list().map((s) => s.id)).toEqual([remade.id]);

    // Past its expiry (the run slept through every renewal): a new one too.
    stack.clock.advance(8 * 86_400_000);
    const fresh = await until(stored, (s) => s.id !== remade.id, 'a fresh subscription');
    expect(stack.graph.subscriptions.list().map((s) => s.id)).toEqual([fresh.id]);
  });
});
