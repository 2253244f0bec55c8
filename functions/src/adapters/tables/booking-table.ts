import type { Booking } from '../../domain/booking/booking';
import type { WeeklySeries } from '../../domain/schedule';
import type { BookingStore } from '../../ports/bookings';
import { AlreadyExistsError } from '../../ports/versioned';
import { JsonTable, type TableConnection, tableClient } from './json-table';

/** A plan as bookings stored it before the domain had its own series type: Graph's wire form. */
interface StoredGraphPlan {
  start: { dateTime: string };
  end: { dateTime: string };
  recurrence: {
    pattern: { interval: number; daysOfWeek: [WeeklySeries['weekday']] };
    range: { startDate: string; numberOfOccurrences: number; recurrenceTimeZone: string };
  };
  recurrenceZone: {
    anchoredTo: 'programme' | 'mentee' | 'mentor' | 'utc';
    iana: string;
    graphName: string;
  };
  score: { free: number; conflicts: number };
}

/**
 * Reads a booking as the domain knows it: a plan stored as Graph's event times and
 * patternedRecurrence (bookings planned before the series had a domain type) becomes the
 * WeeklySeries it described, so a booking planned then and created now books the same series.
 */
export function bookingFromStored(stored: Booking): Booking {
  return withStep(withDomainPlan(stored));
}

/**
 * Bookings stored before booking had steps get the step their fields show: a booked (or ended
 * after booking) one is past every step; any other starts again from the top, its plan kept
 * (`app/booking/book-pair.ts` judges rule 1 again and finds its series by event id or key).
 */
function withStep(stored: Booking): Booking {
  if (stored.step) return stored;
  const done = stored.status === 'booked' || (stored.status === 'ended' && stored.eventId);
  return { ...stored, step: done ? 'booked' : stored.plan ? 'planned' : 'queued' };
}

function withDomainPlan(stored: Booking): Booking {
  const plan = stored.plan as unknown as Partial<StoredGraphPlan> | null;
  if (!plan?.recurrence || !plan.start || !plan.end || !plan.recurrenceZone) return stored;
  const { pattern, range } = plan.recurrence;
  return {
    ...stored,
    plan: {
      weekly: {
        weekday: pattern.daysOfWeek[0],
        intervalWeeks: pattern.interval,
        sessions: range.numberOfOccurrences,
        firstDate: range.startDate,
        startTime: plan.start.dateTime.slice(11, 16),
        endDate: plan.end.dateTime.slice(0, 10),
        endTime: plan.end.dateTime.slice(11, 16),
        zone: range.recurrenceTimeZone,
      },
      recurrenceZone: {
        anchoredTo: plan.recurrenceZone.anchoredTo,
        iana: plan.recurrenceZone.iana,
        name: plan.recurrenceZone.graphName,
      },
      score: plan.score ?? { free: 0, conflicts: 0 },
    },
  };
}

/**
 * Bookings partitioned by programme (HR's booking view reads one partition), keyed by pair, with
 * a pair → programme index so a booking is found by its pair with two point reads, never a scan.
 */
export function bookingTable(connection: TableConnection): BookingStore {
  const table = new JsonTable<Booking>(tableClient(connection, 'bookings'), 'This booking');
  const index = new JsonTable<{ programmeId: string }>(
    tableClient(connection, 'bookingindex'),
    'This booking',
  );
  return {
    async get(pairId) {
      const at = await index.get(pairId, 'booking');
      const found = at ? await table.get(at.value.programmeId, pairId) : undefined;
      return found && { ...found, value: bookingFromStored(found.value) };
    },
    async create(booking) {
      // The index first: a booking is never stored where its pair cannot find it.
      try {
        await index.create(booking.pairId, 'booking', { programmeId: booking.programmeId });
      } catch (error) {
        if (!(error instanceof AlreadyExistsError)) throw error;
      }
      return table.create(booking.programmeId, booking.pairId, booking);
    },
    replace: (booking, etag) => table.replace(booking.programmeId, booking.pairId, booking, etag),
    listByProgramme: async (programmeId) =>
      (await table.list(programmeId)).map((b) => ({ ...b, value: bookingFromStored(b.value) })),
  };
}
