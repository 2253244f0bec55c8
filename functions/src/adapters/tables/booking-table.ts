import { z } from 'zod';
import type { Booking } from '../../domain/booking/booking';
import type { BookingStore } from '../../ports/bookings';
import { AlreadyExistsError } from '../../ports/versioned';
import { bookingRow } from './booking-row';
import { JsonTable, type TableConnection, tableClient } from './json-table';

/**
 * Bookings partitioned by programme (HR's booking view reads one partition), keyed by pair, with
 * a pair → programme index so a booking is found by its pair with two point reads, never a scan.
 */
export function bookingTable(connection: TableConnection): BookingStore {
  const table = new JsonTable<Booking>(
    tableClient(connection, 'bookings'),
    'This booking',
    bookingRow,
  );
  const index = new JsonTable<{ programmeId: string }>(
    tableClient(connection, 'bookingindex'),
    'This booking',
    z.object({ programmeId: z.string().min(1) }),
  );
  return {
    async get(pairId) {
      const at = await index.get(pairId, 'booking');
      return at ? await table.get(at.value.programmeId, pairId) : undefined;
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
    listByProgramme: (programmeId) => table.list(programmeId),
  };
}
