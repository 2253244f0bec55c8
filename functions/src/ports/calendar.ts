import type { BusyInterval, WeeklySeries, WorkingHoursInput } from '../domain/schedule';

/**
 * One person's calendar over a window, in plain values: working hours (days, local times, an
 * IANA zone or a custom zone's rules) and busy time as UTC instants.
 */
export interface Availability {
  address: string;
  workingHours: WorkingHoursInput | null;
  /** The person's calendar entries (UTC instants), exact: a session being moved is among them. */
  entries: BusyInterval[];
  /** Busy time known only in steps (getSchedule's availabilityView) where no entries were listed. */
  busy?: BusyInterval[];
  /** Set when Graph could not read this person's calendar (unknown address, no mailbox). */
  error?: string;
}

export interface SeriesRequest {
  /** The Tandem mailbox that organises every series (one mailbox the app writes to). */
  organizer: string;
  subject: string;
  bodyHtml: string;
  /** The series as the domain planned it; the adapter writes Graph's times and recurrence. */
  weekly: WeeklySeries;
  attendees: { address: string; name: string }[];
  /**
   * Our id of this series: sent as transactionId and stamped as a singleValueExtendedProperty, so
   * `findSeries` finds a series whose create answer was lost.
   */
  seriesKey: string;
  /** The language of the invitation (Outlook shows the subject and body as given). */
  categories?: string[];
}

export type ResponseStatus =
  | 'none'
  | 'organizer'
  | 'tentativelyAccepted'
  | 'accepted'
  | 'declined'
  | 'notResponded';

export interface BookedSeries {
  eventId: string;
  iCalUId: string;
  /** The Teams join URL; null when Graph made no online meeting. */
  joinUrl: string | null;
  attendees: { address: string; response: ResponseStatus; time: string | null }[];
  isCancelled: boolean;
}

export interface SeriesOccurrence {
  id: string;
  /** UTC instants, ISO 8601. */
  start: string;
  end: string;
  type: 'occurrence' | 'exception';
  isCancelled: boolean;
}

/** The calendar side of Microsoft Graph, app-only, as booking and follow-up need it. */
export interface CalendarPort {
  /** Free/busy and working hours of people over a window (getSchedule; split into < 62-day calls). */
  availability(
    organizer: string,
    addresses: string[],
    start: Date,
    end: Date,
  ): Promise<Availability[]>;
  /** The online meeting providers the organiser's calendar may use (`teamsForBusiness`?). */
  onlineMeetingProviders(organizer: string): Promise<string[]>;
  createSeries(request: SeriesRequest): Promise<BookedSeries>;
  /** A series not cancelled that carries this key (createSeries stamped it); undefined if none. */
  findSeries(organizer: string, seriesKey: string): Promise<BookedSeries | undefined>;
  /** The series as it is now; undefined when it no longer exists. */
  getSeries(organizer: string, eventId: string): Promise<BookedSeries | undefined>;
  instances(
    organizer: string,
    eventId: string,
    start: Date,
    end: Date,
  ): Promise<SeriesOccurrence[]>;
  /**
   * Moves one session: the occurrence becomes an exception, the series stays. Throws
   * OccurrenceBoundaryError when it would cross a neighbour's day.
   */
  moveOccurrence(organizer: string, occurrenceId: string, start: Date, end: Date): Promise<void>;
  /** Cancels a series or one occurrence, telling the attendees why; one already gone is done. */
  cancel(organizer: string, eventId: string, comment: string): Promise<void>;
}

/**
 * Graph refused to move an occurrence onto or past a neighbour's day (400
 * `ErrorOccurrenceCrossingBoundary`, https://learn.microsoft.com/graph/api/event-update).
 */
export class OccurrenceBoundaryError extends Error {
  constructor() {
    super('The session cannot move onto or past the day of its neighbour in the series.');
    this.name = 'OccurrenceBoundaryError';
  }
}
