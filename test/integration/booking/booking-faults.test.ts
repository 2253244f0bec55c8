import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import type { Booking } from '../../../functions/src/domain/booking/booking';
import { ORGANISER } from '../../sim/stack';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  sameDayInSpain,
  unrelatedCouples,
} from './booking-fixture';

const PAIRS = 200;
const workers: ChildProcess[] = [];

const { stack } = localStackForFile();
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
});

function startWorker(): Promise<ChildProcess> {
  const script = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, JSON.stringify({ ...stack.env, WORKER_VISIBILITY_SECONDS: '3' })],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  workers.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}`)));
  });
}

async function bookingsOf(
  fixture: ReturnType<typeof bookingDeps>,
  programmeId: string,
): Promise<Booking[]> {
  return (await fixture.deps.bookings.listByProgramme(programmeId)).map((b) => b.value);
}

test(`${PAIRS} pairs booked through 20 % faults and a killed worker: exactly ${PAIRS} series`, async () => {
  const fixture = bookingDeps(stack);
  const programme = await createProgramme(stack);
  // People in Spain whose working days overlap: every pair can be planned.
  const spain = ['Madrid', 'Barcelona', 'Las Palmas de Gran Canaria'];
  const chosen = unrelatedCouples(stack, spain, spain, sameDayInSpain);
  expect(chosen.length).toBeGreaterThanOrEqual(PAIRS);
  const pairIds: string[] = [];
  for (const { mentor, mentee } of chosen.slice(0, PAIRS)) {
    const id = await confirmPair(fixture.pairs, programme, mentor, mentee);
    pairIds.push(id);
    await fixture.services.bookingQueue.enqueue(id);
  }

  // One Graph call in five misbehaves: throttled, unavailable, cut before or after the work.
  stack.graph.faults.set([
    { kind: '429', probability: 0.06, retryAfterSeconds: 0.05 },
    { kind: '503', probability: 0.05, retryAfterSeconds: 0.05 },
    { kind: 'drop', probability: 0.05 },
    { kind: 'lostResponse', probability: 0.05 },
  ]);
  const booked = async () =>
    (await bookingsOf(fixture, programme.id)).filter((b) => b.status === 'booked').length;

  const first = await startWorker();
  const deadline = Date.now() + 8 * 60_000;
  while ((await booked()) < PAIRS / 3 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  first.kill('SIGKILL'); // mid-run: bookings in flight, messages taken and not deleted
  await new Promise((r) => first.once('exit', r));
  await startWorker();
  while ((await booked()) < PAIRS && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
  }
  stack.graph.faults.clear();

  const bookings = await bookingsOf(fixture, programme.id);
  expect(bookings.filter((b) => b.status === 'booked')).toHaveLength(PAIRS);
  expect(bookings.filter((b) => b.status === 'refused')).toEqual([]);
  // Exactly one series per pair in the organiser's calendar: none missing, none twice.
  const store = stack.graph.calendars;
  const series = store
    .list(ORGANISER.id)
    .map((item) => store.render(item))
    .filter((event) => String(event.transactionId ?? '').startsWith('tandem-'))
    .filter((event) => pairIds.some((id) => event.transactionId === `tandem-${id}-v1`));
  expect(series).toHaveLength(PAIRS);
  expect(new Set(series.map((e) => e.transactionId)).size).toBe(PAIRS);
  expect(new Set(bookings.map((b) => b.eventId)).size).toBe(PAIRS);
}, 600_000);
