import type { Booking } from '../domain/booking/booking';
import type { Programme } from '../domain/programme/programme';
import type { Versioned } from './versioned';

/** Where each pair's booking (its series, sessions, responses) is kept, ETag-checked. */
export interface BookingStore {
  get(pairId: string): Promise<Versioned<Booking> | undefined>;
  create(booking: Booking): Promise<Versioned<Booking>>;
  /** Replaces only if still at `etag`; else StaleVersionError. */
  replace(booking: Booking, etag: string): Promise<Versioned<Booking>>;
  listByProgramme(programmeId: string): Promise<Versioned<Booking>[]>;
}

/** What booking needs to know about a confirmed pair. */
export interface BookingSubject {
  pair: { id: string; programmeId: string; mentorId: string; menteeId: string };
  programme: Pick<
    Programme,
    | 'id'
    | 'name'
    | 'plannedSessions'
    | 'durationMonths'
    | 'sessionMinutes'
    | 'hierarchyRule'
    | 'owners'
    | 'notifications'
    | 'language'
  >;
}

export interface BookingSubjects {
  load(pairId: string): Promise<BookingSubject | undefined>;
  /** Shows booking's progress on the pair itself (what members and HR see). */
  markPair(pairId: string, status: 'booking' | 'booked' | 'bookingFailed'): Promise<void>;
}
