import type { Booking } from '../../domain/booking/booking';
import type { BookingStore } from '../../ports/bookings';
import { JsonTable, type TableConnection, tableClient } from './json-table';

/** Bookings partitioned by programme (HR's progress view reads one partition), keyed by pair. */
export function bookingTable(connection: TableConnection): BookingStore {
  const table = new JsonTable<Booking>(tableClient(connection, 'bookings'), 'This booking');
  return {
    async get(pairId) {
      return (await table.listByRowKey(pairId))[0];
    },
    create: (booking) => table.create(booking.programmeId, booking.pairId, booking),
    replace: (booking, etag) => table.replace(booking.programmeId, booking.pairId, booking, etag),
    listByProgramme: (programmeId) => table.list(programmeId),
  };
}
