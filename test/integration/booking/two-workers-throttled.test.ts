import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { QueueClient } from '@azure/storage-queue';
import { afterAll, expect, test } from 'vitest';
import type { Booking } from '../../../functions/src/domain/booking/booking';
import { DEFAULT_LIMITS } from '../../sim/graph/throttling';
import { ORGANISER } from '../../sim/stack';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  sameDayInSpain,
  unrelatedCouples,
} from './booking-fixture';

/**
 * Two backend worker processes against one organiser mailbox while Graph throttles: Outlook's
 * limits are per app and mailbox across every instance (4 concurrent requests;
 * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits) and a throttled
 * request gets 429 with Retry-After (https://learn.microsoft.com/graph/throttling). With
 * TANDEM_GRAPH_MAX_WAIT_SECONDS=0 no wait is slept in place: every one hands the pair back to the
 * queue, so throttling decides the run. No booking may fail, none may be poisoned, and each pair
 * gets exactly one series.
 */
const PAIRS = 12;
const workers: ChildProcess[] = [];

const { stack } = localStackForFile();
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  stack.graph.throttling.limits = { ...DEFAULT_LIMITS };
});

function startWorker(): Promise<ChildProcess> {
  const script = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
  const env = {
    ...stack.env,
    WORKER_VISIBILITY_SECONDS: '10',
    WORKER_HANDBACK: '1',
    TANDEM_GRAPH_MAX_WAIT_SECONDS: '0',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(env)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
  });
}

test(`${PAIRS} pairs, two worker processes, one throttled organiser mailbox: all booked, once`, async () => {
  const fixture = bookingDeps(stack);
  const programme = await createProgramme(stack);
  const spain = ['Madrid', 'Barcelona', 'Las Palmas de Gran Canaria'];
  const chosen = unrelatedCouples(stack, spain, spain, sameDayInSpain);
  expect(chosen.length).toBeGreaterThanOrEqual(PAIRS);
  const pairIds: string[] = [];
  for (const { mentor, mentee } of chosen.slice(0, PAIRS)) {
    pairIds.push(await confirmPair(fixture.pairs, programme, mentor, mentee));
  }
  // The app's request rate is what throttles here (a second's burst of 6): both processes'
  // bookings meet 429s with a 1 s Retry-After again and again.
  stack.graph.throttling.limits = {
    ...DEFAULT_LIMITS,
    appRequestsPerSecond: 6,
    retryAfterSeconds: 1,
  };
  const throttledBefore = stack.graph.throttling.throttled;
  await Promise.all([startWorker(), startWorker()]);
  for (const id of pairIds) await fixture.services.bookingQueue.enqueue(id);

  const all = async (): Promise<Booking[]> =>
    (await fixture.deps.bookings.listByProgramme(programme.id)).map((b) => b.value);
  const failedSeen = new Set<string>();
  const deadline = Date.now() + 6 * 60_000;
  for (;;) {
    const bookings = await all();
    for (const b of bookings) if (b.status === 'failed') failedSeen.add(b.pairId);
    if (bookings.filter((b) => b.status === 'booked').length === PAIRS) break;
    if (Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  stack.graph.throttling.limits = { ...DEFAULT_LIMITS };

  // Graph did throttle, and nothing failed for it.
  expect(stack.graph.throttling.throttled - throttledBefore).toBeGreaterThan(0);
  expect([...failedSeen]).toEqual([]);
  const bookings = await all();
  expect(bookings.filter((b) => b.status === 'booked')).toHaveLength(PAIRS);
  const poison = new QueueClient(stack.env.TANDEM_STORAGE_CONNECTION!, 'booking-poison');
  const poisoned = (await poison.exists())
    ? (await poison.getProperties()).approximateMessagesCount
    : 0;
  expect(poisoned).toBe(0);
  // Exactly one live series per pair in the organiser's calendar.
  const store = stack.graph.calendars;
  const series = store
    .list(ORGANISER.id)
    .map((item) => store.render(item))
    .filter((event) => pairIds.some((id) => event.transactionId === `tandem-${id}-v1`));
  expect(series).toHaveLength(PAIRS);
  expect(new Set(bookings.map((b) => b.eventId)).size).toBe(PAIRS);
}, 420_000);
