import { bookingTable } from '../../../functions/src/adapters/tables/booking-table';
import {
  type Booking,
  newBooking,
  type SessionRecord,
} from '../../../functions/src/domain/booking/booking';
import type { LocalStack } from '../../sim/stack';

const HOUR = 3_600_000;

/** `count` one-hour sessions a fortnight apart, the first starting at `first` (ms since 1970). */
export function fortnightly(
  first: number,
  count = 10,
  statusOf: (index: number) => SessionRecord['status'] = () => 'planned',
): SessionRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const start = first + index * 14 * 24 * HOUR;
    return {
      index,
      occurrenceId: null,
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR).toISOString(),
      status: statusOf(index),
      clashes: [],
    };
  });
}

/**
 * A pair's booking as the booking job leaves it once the series is in both calendars, written
 * straight to storage: for tests about what comes after booking (the space, progress, the pane).
 */
export async function writeBookedSeries(
  stack: LocalStack,
  pair: { id: string; programmeId: string },
  sessions: SessionRecord[],
  extra: Partial<Booking> = {},
): Promise<void> {
  const store = bookingTable({
    kind: 'connectionString',
    connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
  });
  await store.create({
    ...newBooking(pair, 'tandem@contoso.example', new Date()),
    status: 'booked',
    sessions,
    joinUrl: 'https://teams.microsoft.com/l/meetup-join/demo',
    ...extra,
  });
}
