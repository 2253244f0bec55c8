import type { Booking, BookingRefusal, BookingStep } from '../../domain/booking/booking';
import type { Result } from '../../domain/result';
import type { BookingSubject } from '../../ports/bookings';
import type { DirectoryPerson } from '../../ports/directory';

/** What one run of booking knows besides the stored booking: the pair and who its people are now. */
export interface BookingRun {
  /** The booking as stored now (after the previous step's save). */
  booking: Booking;
  subject: BookingSubject;
  /** A person as the directory has them now, read once per run. */
  person(id: string): Promise<DirectoryPerson | undefined>;
  /** Keeps a change before the step goes on (what a crash must not lose); the stored booking back. */
  save(change: Partial<Booking>): Promise<Booking>;
}

/**
 * One step of booking: reads what it needs, does one thing, and answers the change to store with
 * `reaches` as the booking's step, or a refusal (a rule said no). Every step is safe to run again:
 * after a crash anywhere in it, the next run repeats it and the world ends up as after one run.
 */
export interface BookingStepDef<Ports> {
  reaches: BookingStep;
  run(ports: Ports, run: BookingRun): Promise<Result<Partial<Booking>, BookingRefusal>>;
}

/** The mentor and mentee with their mailboxes: the `check` step refused the pair otherwise. */
export async function mailedPeople(run: BookingRun) {
  const [mentor, mentee] = await Promise.all([
    run.person(run.subject.pair.mentorId),
    run.person(run.subject.pair.menteeId),
  ]);
  if (!mentor?.mail || !mentee?.mail) {
    throw new Error(
      `Pair ${run.subject.pair.id}: a person or mailbox went missing after the check`,
    );
  }
  return {
    mentor: { ...mentor, mail: mentor.mail },
    mentee: { ...mentee, mail: mentee.mail },
  };
}
