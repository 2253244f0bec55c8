import { QueueClient } from '@azure/storage-queue';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bookingQueue } from '../../../functions/src/adapters/queues/booking-queue';
import { bookFromQueue, bookPair } from '../../../functions/src/jobs/booking';
import { ThrottledError } from '../../../functions/src/ports/throttled';
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
const QUEUE = 'booking-handback-test';
const { stack } = localStackForFile();
beforeAll(async () => {
  fixture = bookingDeps(stack);
  const spain = ['Madrid', 'Barcelona'];
  couples = unrelatedCouples(stack, spain, spain, sameDayInSpain);
  programme = await createProgramme(stack);
});
afterAll(async () => {
  stack?.graph.faults.clear();
});

/** Graph throttles the organiser mailbox's next getSchedule with a long Retry-After. */
function throttleNextSchedule(retryAfterSeconds: number) {
  const organiser = ORGANISER.userPrincipalName;
  stack.graph.faults.set(
    [organiser, encodeURIComponent(organiser)].map((mailbox) => ({
      kind: '429' as const,
      method: 'POST',
      pathPrefix: `/users/${mailbox}/calendar/getSchedule`,
      times: 7, // more than the client's retries: only the wait decides
      retryAfterSeconds,
    })),
  );
}

describe('Graph asks to wait longer than a request sleeps', () => {
  test('the calendar says so at once, the booking is not failed, and the pair goes back to the queue for the wait', async () => {
    const { mentor, mentee } = couples[0]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const connection = {
      kind: 'connectionString' as const,
      connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
    };
    const queue = bookingQueue(connection, QUEUE);
    throttleNextSchedule(600);
    const result = await bookFromQueue(pairId, {
      book: (id) => bookPair(fixture.deps, id),
      queue,
    });
    expect(result).toEqual({ handedBackForSeconds: 600 });
    // Not recorded as a failure: HR sees no "booking failed" while Graph only asked to wait.
    const booking = await fixture.deps.bookings.get(pairId);
    expect(booking?.value.status).not.toBe('failed');
    // The message is there, hidden for the wait: nothing can be taken now.
    const raw = new QueueClient(connection.connectionString, QUEUE);
    const props = await raw.getProperties();
    expect(props.approximateMessagesCount).toBe(1);
    const visible = await raw.receiveMessages({ numberOfMessages: 1 });
    expect(visible.receivedMessageItems).toHaveLength(0);
    // Once Graph stops throttling, the same pair books.
    stack.graph.faults.clear();
    const booked = await bookPair(fixture.deps, pairId);
    expect(booked.status).toBe('booked');
  });

  test('the directory round booking runs first says so too: handed back, not failed', async () => {
    const { mentor, mentee } = couples[2]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const connection = {
      kind: 'connectionString' as const,
      connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
    };
    const queue = bookingQueue(connection, `${QUEUE}-directory`);
    // Org sync reads /users/delta (Entra ID, no mailbox): Graph throttles it with a long wait.
    stack.graph.faults.set([
      { kind: '429', pathPrefix: '/users/delta', times: 7, retryAfterSeconds: 450 },
    ]);
    const result = await bookFromQueue(pairId, {
      book: (id) => bookPair(fixture.deps, id),
      queue,
    });
    stack.graph.faults.clear();
    expect(result).toEqual({ handedBackForSeconds: 450 });
    expect((await fixture.deps.bookings.get(pairId))?.value.status).not.toBe('failed');
    const raw = new QueueClient(connection.connectionString, `${QUEUE}-directory`);
    expect((await raw.getProperties()).approximateMessagesCount).toBe(1);
    expect((await bookPair(fixture.deps, pairId)).status).toBe('booked');
  });

  test('a short wait is slept through in place and the booking completes', async () => {
    const { mentor, mentee } = couples[1]!;
    const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
    const organiser = ORGANISER.userPrincipalName;
    stack.graph.faults.set(
      [organiser, encodeURIComponent(organiser)].map((mailbox) => ({
        kind: '429' as const,
        method: 'POST',
        pathPrefix: `/users/${mailbox}/calendar/getSchedule`,
        times: 1,
        retryAfterSeconds: 1,
      })),
    );
    const booked = await bookPair(fixture.deps, pairId);
    stack.graph.faults.clear();
    expect(booked.status).toBe('booked');
  });

  test('a calendar read refused for a long wait is a ThrottledError naming the wait', async () => {
    throttleNextSchedule(900);
    const someone = couples[1]!.mentor;
    const error = await fixture.deps.calendar
      .availability(
        ORGANISER.userPrincipalName,
        [someone.userPrincipalName],
        new Date(Date.now() + 86_400_000),
        new Date(Date.now() + 2 * 86_400_000),
      )
      .catch((e: unknown) => e);
    stack.graph.faults.clear();
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterSeconds).toBe(900);
  });
});
