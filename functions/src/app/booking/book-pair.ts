import {
  BOOKING_STEPS,
  type Booking,
  type BookingRefusal,
  type BookingStep,
  newBooking,
  stepReached,
} from '../../domain/booking/booking';
import { bookingPage } from '../../domain/deep-link';
import { ok, type Result, refused } from '../../domain/result';
import type { BookingStore, BookingSubject, BookingSubjects } from '../../ports/bookings';
import type { DirectoryPerson, DirectorySnapshot } from '../../ports/directory';
import { ThrottledError } from '../../ports/throttled';
import { StaleVersionError, type Versioned } from '../../ports/versioned';
import { tell } from '../notifications/tell';
import { type CheckPorts, check } from './check';
import { type CreatePorts, create } from './create';
import { type LinkPorts, link } from './link';
import { type NotifyPorts, notifyPair } from './notify';
import { type PlanPorts, plan } from './plan';
import { type SeedAgendaPorts, seedAgenda } from './seed-agenda';
import type { BookingStepDef } from './step';

/** What booking a pair needs, and no more. */
export type BookPairPorts = CheckPorts &
  PlanPorts &
  CreatePorts &
  LinkPorts &
  SeedAgendaPorts &
  NotifyPorts & {
    bookings: Pick<BookingStore, 'get' | 'create' | 'replace'>;
    subjects: BookingSubjects;
    directory: Pick<DirectorySnapshot, 'get'>;
  };

/** The last step: the pair shows booked, for its members and HR. */
const booked: BookingStepDef<BookPairPorts> = {
  reaches: 'booked',
  async run(ports, run) {
    await ports.subjects.markPair(run.booking.pairId, 'booked');
    return ok({ status: 'booked', attempts: run.booking.attempts + 1, lastError: null });
  },
};

/**
 * Booking's steps, in order; each `reaches` the next name of BOOKING_STEPS. A new side effect of
 * booking is one more step here, before `booked` (telling the pair is `notifyPair`).
 */
const STEPS: readonly BookingStepDef<BookPairPorts>[] = [
  check,
  plan,
  create,
  link,
  seedAgenda,
  notifyPair,
  booked,
];

export type BookPairRefusal =
  | { code: 'noConfirmedPair'; pairId: string }
  /** A rule said no, on this run or an earlier one: the booking is stored refused, HR sees why. */
  | { code: 'bookingRefused'; refusal: BookingRefusal; booking: Booking }
  /** HR ended the pair (or closed its programme): it is never booked. */
  | { code: 'pairEnding'; booking: Booking };

/**
 * Where a run starts. Until the series exists, from the top: rule 1 and the mailboxes are judged on
 * the directory as it is at each run (a kept plan is kept). From `created` on, after the step
 * stored. A booking asked to book again after it was done (status failed or queued) starts from the
 * top too, and its series is found again or made again.
 */
function stepsToRun(booking: Booking): readonly BookingStepDef<BookPairPorts>[] {
  const resume = stepReached(booking.step, 'created') && booking.step !== 'booked';
  const after: BookingStep = resume ? booking.step : 'queued';
  return STEPS.slice(BOOKING_STEPS.indexOf(after));
}

/**
 * Books one confirmed pair's whole series (docs/product.md, rule 5), exactly once: the booking's
 * steps run one after another, each saved as it is done, so a crash, a redeploy or a retry at any
 * point resumes and never makes a second series. A pair a rule refuses is stored refused, never
 * booked. Errors (Graph's retries spent) are recorded on the booking and thrown for the queue.
 */
export async function bookPair(
  ports: BookPairPorts,
  pairId: string,
): Promise<Result<Booking, BookPairRefusal>> {
  const subject = await ports.subjects.load(pairId);
  if (!subject) return refused({ code: 'noConfirmedPair', pairId });
  let current =
    (await ports.bookings.get(pairId)) ??
    (await createOrRead(ports, newBooking(subject.pair, ports.organizer, ports.now())));
  const settled = settledOutcome(current.value);
  if (settled) return settled;
  await ports.subjects.markPair(pairId, 'booking');

  const save = async (change: Partial<Booking>): Promise<Booking> => {
    current = await ports.bookings.replace(
      { ...current.value, ...change, updatedAt: ports.now().toISOString() },
      current.etag,
    );
    return current.value;
  };
  const people = new Map<string, Promise<DirectoryPerson | undefined>>();
  const person = (id: string) => {
    if (!people.has(id)) people.set(id, ports.directory.get(id));
    return people.get(id)!;
  };

  try {
    for (const step of stepsToRun(current.value)) {
      const outcome = await step.run(ports, { booking: current.value, subject, person, save });
      if (!outcome.ok) {
        const booking = await save({ status: 'refused', refusal: outcome.reason, lastError: null });
        await ports.subjects.markPair(pairId, 'bookingFailed');
        await tellOwnersRefused(ports, subject, outcome.reason);
        return refused({ code: 'bookingRefused', refusal: outcome.reason, booking });
      }
      await save({ ...outcome.value, step: step.reaches });
    }
    return ok(current.value);
  } catch (error) {
    // Another writer moved the booking on, or Graph asked to wait (the queue hands the pair back
    // after the wait, ports/throttled.ts): neither is a failure of this booking.
    if (error instanceof StaleVersionError || error instanceof ThrottledError) throw error;
    // Graph's retries are spent: record it for HR and let the queue try again later.
    await save({
      status: 'failed',
      attempts: current.value.attempts + 1,
      lastError: error instanceof Error ? error.message : String(error),
    }).catch(() => {});
    await ports.subjects.markPair(pairId, 'bookingFailed').catch(() => {});
    throw error;
  }
}

/**
 * HR's owners of the programme learn that a rule refused the pair (`bookingFailed`, once per
 * pair), with the booking page to act on it. A run that stops before this (a crash after the
 * save) is not run again for a refused booking: the notice is then missing, never doubled — HR's
 * booking page still shows the refusal.
 */
async function tellOwnersRefused(
  ports: BookPairPorts,
  subject: BookingSubject,
  refusal: BookingRefusal,
): Promise<void> {
  await tell(ports, subject.programme, {
    moment: 'bookingFailed',
    to: subject.programme.owners,
    subject: subject.pair.id,
    page: bookingPage(subject.programme.id),
    facts: { programme: subject.programme.name, reason: refusal.code },
  });
}

/** A booking with nothing left to do: booked, refused, ended or ending. */
function settledOutcome(booking: Booking): Result<Booking, BookPairRefusal> | undefined {
  if (booking.ending || booking.status === 'ended') return refused({ code: 'pairEnding', booking });
  if (booking.status === 'refused' && booking.refusal) {
    return refused({ code: 'bookingRefused', refusal: booking.refusal, booking });
  }
  if (booking.status === 'booked' || booking.status === 'refused') return ok(booking);
  return undefined;
}

async function createOrRead(
  ports: Pick<BookPairPorts, 'bookings'>,
  booking: Booking,
): Promise<Versioned<Booking>> {
  try {
    return await ports.bookings.create(booking);
  } catch (error) {
    // Two runs for the same pair: the other one created it first.
    const existing = await ports.bookings.get(booking.pairId);
    if (existing) return existing;
    throw error;
  }
}
