import { createHash, randomUUID } from 'node:crypto';
import type { SimBusyBlock } from '../../org/organisation';
import type { SimContext, SimMailboxOwner } from '../context';
import { GraphError } from '../router';
import { lastSeriesDay, type PatternedRecurrence, parseRecurrence, seriesDays } from './recurrence';
import {
  customTimeZoneFor,
  DAY_MS,
  type DateTimeTimeZone,
  dateTimeIn,
  ianaZone,
  instantOf,
  isoDateOfDay,
  utcToWall,
  wallToUtc,
} from './zones';

/**
 * The simulated tenant's calendars: one Exchange-like model for every mailbox. A meeting lives
 * once (the organizer's truth) and each participant in the tenant holds a copy of it with its own
 * id, as Exchange gives each mailbox its own item: the organizer's copy shows every attendee's
 * response, an attendee's copy shows their own. Series stay patterns, expanded on read in the
 * series' own zone, so 600 people with ten series each cost a few thousand objects.
 */

export type ShowAs = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere' | 'unknown';
export type ResponseType =
  | 'none'
  | 'organizer'
  | 'tentativelyAccepted'
  | 'accepted'
  | 'declined'
  | 'notResponded';
export type EventType = 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
export type AttendeeReply = 'accepted' | 'declined' | 'tentativelyAccepted';

export interface ResponseStatus {
  response: ResponseType;
  time: string;
}

/** What the organizer (or an exception) sets; an attendee may keep their own values for some. */
interface Details {
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  location: string;
  showAs: ShowAs;
  importance: 'low' | 'normal' | 'high';
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  categories: string[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
}

interface Attendee {
  name: string;
  address: string;
  type: 'required' | 'optional' | 'resource';
  /** Set when the address is a person of the tenant: they hold a copy. */
  userId?: string;
  status: ResponseStatus;
}

interface Exception {
  start?: number;
  end?: number;
  details: Partial<Details>;
  /** Attendees' answers to this occurrence alone, by lower-cased address. */
  responses: Map<string, ResponseStatus>;
  lastModified: string;
}

interface Meeting {
  iCalUId: string;
  organizerId: string;
  organizer: { name: string; address: string };
  details: Details;
  /** The series' (or single event's) start and end as the organizer gave them. */
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  startMs: number;
  endMs: number;
  isAllDay: boolean;
  recurrence: PatternedRecurrence | null;
  attendees: Attendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider: 'teamsForBusiness' | 'skypeForBusiness' | 'skypeForConsumer' | 'unknown';
  onlineMeeting: { joinUrl: string; conferenceId: string; tollNumber: null } | null;
  allowNewTimeProposals: boolean;
  responseRequested: boolean;
  isCancelled: boolean;
  transactionId: string | null;
  /** The organiser's singleValueExtendedProperties, by id as given (ids compare without case). */
  extendedProperties: { id: string; value: string }[];
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** By date (day number in the series zone) of the occurrence's original start. */
  exceptions: Map<number, Exception>;
  cancelled: Set<number>;
  copies: Map<string, Copy>;
}

interface Copy {
  id: string;
  mailboxId: string;
  meeting: Meeting;
  isOrganizer: boolean;
  /** An attendee's own values (categories, showAs, reminders). */
  local: Partial<Details>;
  /** False once moved out of the calendar (declined, or the organizer cancelled its own copy). */
  inCalendar: boolean;
  /** Occurrences an attendee removed from their own calendar. */
  hiddenDays: Set<number>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeCount: number;
}

/** One item as a calendar shows it: a single event, a series master, or one occurrence. */
export interface CalendarItem {
  copy: Copy;
  type: EventType;
  /** Occurrences and exceptions: the date (series zone) of the original start. */
  day?: number;
  startMs: number;
  endMs: number;
}

export interface ScheduleItem {
  isPrivate: boolean;
  status: ShowAs;
  subject: string;
  location: string;
  isMeeting: boolean;
  isRecurring: boolean;
  isException: boolean;
  isReminderSet: boolean;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
}

/** A schedule item as free/busy alone shows it: no subject, location or flags. */
export type FreeBusyItem = Pick<ScheduleItem, 'status' | 'start' | 'end'> &
  Partial<Omit<ScheduleItem, 'status' | 'start' | 'end'>>;

export interface ScheduleInformation {
  scheduleId: string;
  availabilityView: string;
  scheduleItems: (ScheduleItem | FreeBusyItem)[];
  workingHours?: SimMailboxOwner['mailboxSettings']['workingHours'];
  error?: { message: string; responseCode: string };
}

export interface CreateResult {
  item: CalendarItem;
  /** False when a repeated `transactionId` returned the event made the first time. */
  created: boolean;
}

const NEVER = '0001-01-01T00:00:00Z';
const SHOW_AS: readonly ShowAs[] = [
  'free',
  'tentative',
  'busy',
  'oof',
  'workingElsewhere',
  'unknown',
];
/** availabilityView digits (calendar-getschedule): 0 free … 4 workingElsewhere. */
const DIGIT: Record<ShowAs, string> = {
  free: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
  workingElsewhere: '4',
  unknown: '0',
};
/** When items overlap one interval, the strongest status wins. */
const STRENGTH: Record<ShowAs, number> = {
  free: 0,
  unknown: 0,
  workingElsewhere: 1,
  tentative: 2,
  busy: 3,
  oof: 4,
};
const OCCURRENCE_ID = /^([A-Za-z0-9]+)_(\d{8})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badRequest(message: string, code = 'ErrorInvalidRequest'): GraphError {
  return new GraphError(400, code, message);
}

function notFound(): GraphError {
  return new GraphError(
    404,
    'ErrorItemNotFound',
    'The specified object was not found in the store.',
  );
}

function dayKey(day: number): string {
  return isoDateOfDay(day).replaceAll('-', '');
}

function parseDayKey(key: string): number {
  return Math.floor(
    Date.UTC(Number(key.slice(0, 4)), Number(key.slice(4, 6)) - 1, Number(key.slice(6, 8))) /
      DAY_MS,
  );
}

function parseDateTimeTimeZone(value: unknown, name: string): DateTimeTimeZone {
  if (!isRecord(value) || typeof value.dateTime !== 'string') {
    throw badRequest(`The '${name}' property needs a dateTime and a timeZone.`);
  }
  const timeZone = typeof value.timeZone === 'string' && value.timeZone ? value.timeZone : 'UTC';
  ianaZone(timeZone);
  return { dateTime: value.dateTime, timeZone };
}

/**
 * What a repeated `transactionId` does. event.md says only that it is there "to avoid redundant
 * POST operations in case of client retries" (https://learn.microsoft.com/graph/api/resources/event),
 * so each plausible behaviour is a mode: `dedupe` answers with the first event, `noDedupe` creates
 * another, `rejectRepeat` answers 400.
 */
export type TransactionIdMode = 'dedupe' | 'noDedupe' | 'rejectRepeat';

/**
 * What getSchedule through the organiser's mailbox gives for people outside the app's Exchange
 * RBAC scope. The call works on the organiser's mailbox, which is in scope; the people asked about
 * are not. The concept page says the requested user controls what comes back (free/busy and
 * working hours, or also subject and location: https://learn.microsoft.com/graph/outlook-get-free-busy-schedule,
 * "Event data returned"), and Outlook shares free/busy with the whole organisation by default; the
 * RBAC page says nothing about getSchedule
 * (https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac). So both are
 * modes: `freeBusy` (default) answers status, start and end only (no subject, location or
 * privacy flag) with working hours; `error` answers each such person as an error item with
 * Exchange's `ErrorNoFreeBusyAccess`
 * (https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode).
 */
export const OUT_OF_SCOPE_SCHEDULE_MODES = ['freeBusy', 'error'] as const;
export type OutOfScopeScheduleMode = (typeof OUT_OF_SCOPE_SCHEDULE_MODES)[number];

/**
 * A change to one item of a mailbox's calendar, as change notifications on `/users/{id}/events`
 * report it (created, updated, deleted: api-reference/v1.0/resources/subscription.md,
 * changeType). `eventId` is the item changed (an occurrence's own id when one occurrence changed);
 * `seriesMasterId` its series when it is an occurrence.
 */
export interface CalendarChange {
  mailboxId: string;
  changeType: 'created' | 'updated' | 'deleted';
  eventId: string;
  seriesMasterId?: string;
}

export class CalendarStore {
  private readonly listeners = new Set<(change: CalendarChange) => void>();

  /** Calls `listener` on every change to any calendar (the subscriptions resource listens). */
  onChange(listener: (change: CalendarChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(copy: Copy, changeType: CalendarChange['changeType'], day?: number): void {
    const change: CalendarChange = {
      mailboxId: copy.mailboxId,
      changeType,
      eventId: day === undefined ? copy.id : `${copy.id}_${dayKey(day)}`,
      ...(day === undefined ? {} : { seriesMasterId: copy.id }),
    };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[graph-sim] calendar change listener', error);
      }
    }
  }

  transactionIdMode: TransactionIdMode = 'dedupe';
  /** getSchedule's scheduleItems status capitalised ("Busy"), as the concept page shows it. */
  capitalisedStatuses = false;
  /** getSchedule for people outside the caller's mailbox scope (see OutOfScopeScheduleMode). */
  outOfScopeSchedules: OutOfScopeScheduleMode = 'freeBusy';
  private readonly copies = new Map<string, Copy>();
  private readonly mailboxes = new Map<string, Set<Copy>>();
  private readonly transactions = new Map<string, Copy>();
  private readonly meetings = new Map<string, Meeting>();
  private readonly providers = new Map<string, string[]>();
  private counter = 0;

  /** Mailboxes whose getSchedule working hours come as a customTimeZone. */
  private readonly customZoneMailboxes = new Set<string>();

  constructor(
    private readonly ctx: SimContext,
    /**
     * Ids differ between simulator runs by default: Tandem keeps event ids in Table Storage, which
     * outlives a restarted simulator, and an old id must not name someone else's new event.
     */
    private readonly idSalt: string = randomUUID(),
  ) {}

  // ---- ids and time -------------------------------------------------------------------------

  private hash(kind: string): string {
    this.counter++;
    return createHash('sha256').update(`${this.idSalt}:${kind}:${this.counter}`).digest('hex');
  }

  private newId(): string {
    // Graph ids are opaque; these keep to letters and digits so occurrence ids can extend them.
    return `AAMkAD${this.hash('id').slice(0, 40)}`;
  }

  private nowIso(): string {
    return this.ctx
      .now()
      .toISOString()
      .replace(/\.(\d{3})Z$/, '.$10000Z');
  }

  private owner(idOrAddress: string): SimMailboxOwner {
    const user = this.ctx.findUser(idOrAddress);
    if (!user) {
      throw new GraphError(
        404,
        'ErrorInvalidUser',
        `The requested user '${idOrAddress}' is invalid.`,
      );
    }
    return user;
  }

  /** Online meeting providers a mailbox's calendar allows (calendar resource). */
  allowedOnlineMeetingProviders(userId: string): string[] {
    return this.providers.get(userId) ?? ['teamsForBusiness'];
  }

  /** Tests and the demo may turn Teams off for a mailbox (e.g. a shared mailbox: https://learn.microsoft.com/en-us/graph/api/resources/calendar). */
  setAllowedOnlineMeetingProviders(userId: string, providers: string[]): void {
    this.providers.set(this.owner(userId).id, providers);
  }

  // ---- reading ------------------------------------------------------------------------------

  private mailbox(userId: string): Set<Copy> {
    let set = this.mailboxes.get(userId);
    if (!set) {
      set = new Set();
      this.mailboxes.set(userId, set);
    }
    return set;
  }

  /**
   * "An occurrence cannot be moved to or before the day of the previous occurrence, and cannot be
   * moved to or after the day of the following occurrence" (400 ErrorOccurrenceCrossingBoundary,
   * https://learn.microsoft.com/graph/api/event-update, Response). Days in the series' zone; a
   * neighbour moved counts at its new day, a cancelled one at its original day (the page does not
   * say; the stricter reading, which Outlook users report).
   */
  private checkOccurrenceBoundary(copy: Copy, day: number, startMs: number, endMs: number): void {
    const { meeting } = copy;
    if (!meeting.recurrence) return;
    const zone = this.seriesZone(meeting);
    const last = lastSeriesDay(meeting.recurrence) ?? day + 400;
    const days = seriesDays(meeting.recurrence, last);
    const at = days.indexOf(day);
    const dayOfInstant = (ms: number) => Math.floor(utcToWall(ms, zone) / DAY_MS);
    const neighbourDay = (d: number | undefined) => {
      if (d === undefined) return undefined;
      const moved = meeting.exceptions.get(d)?.start;
      return moved === undefined ? d : dayOfInstant(moved);
    };
    const previous = neighbourDay(days[at - 1]);
    const next = neighbourDay(days[at + 1]);
    const newStart = dayOfInstant(startMs);
    const newEnd = dayOfInstant(Math.max(startMs, endMs - 1));
    if (
      (previous !== undefined && newStart <= previous) ||
      (next !== undefined && newEnd >= next)
    ) {
      throw badRequest(
        'Modified occurrence is crossing or overlapping adjacent occurrence.',
        'ErrorOccurrenceCrossingBoundary',
      );
    }
  }

  private seriesZone(meeting: Meeting): string {
    return ianaZone(meeting.recurrence?.range.recurrenceTimeZone ?? meeting.start.timeZone);
  }

  /** An item by id in a mailbox: a copy's id or one of its occurrences' ids. */
  find(userId: string, eventId: string): CalendarItem {
    const owner = this.owner(userId);
    const direct = this.copies.get(eventId);
    if (direct) {
      if (direct.mailboxId !== owner.id) throw notFound();
      return this.masterItem(direct);
    }
    const m = OCCURRENCE_ID.exec(eventId);
    const copy = m ? this.copies.get(m[1]!) : undefined;
    if (!m || !copy || copy.mailboxId !== owner.id || !copy.meeting.recurrence) throw notFound();
    const item = this.occurrence(copy, parseDayKey(m[2]!));
    if (!item) throw notFound();
    return item;
  }

  private masterItem(copy: Copy): CalendarItem {
    const { meeting } = copy;
    return {
      copy,
      type: meeting.recurrence ? 'seriesMaster' : 'singleInstance',
      startMs: meeting.startMs,
      endMs: meeting.endMs,
    };
  }

  /** One occurrence of a series by its original date, or undefined if the series has none then. */
  private occurrence(copy: Copy, day: number): CalendarItem | undefined {
    const { meeting } = copy;
    if (!meeting.recurrence || meeting.cancelled.has(day) || copy.hiddenDays.has(day)) return;
    if (!seriesDays(meeting.recurrence, day).includes(day)) return;
    return this.occurrenceItem(copy, day);
  }

  private occurrenceItem(copy: Copy, day: number): CalendarItem {
    const { meeting } = copy;
    const exception = meeting.exceptions.get(day);
    const zone = this.seriesZone(meeting);
    const timeOfDay = (((utcToWall(meeting.startMs, zone) % DAY_MS) + DAY_MS) % DAY_MS) as number;
    const start = wallToUtc(day * DAY_MS + timeOfDay, zone);
    const duration = meeting.endMs - meeting.startMs;
    return {
      copy,
      type: exception ? 'exception' : 'occurrence',
      day,
      startMs: exception?.start ?? start,
      endMs: exception?.end ?? start + duration,
    };
  }

  /** Occurrences and exceptions of a series overlapping [from, to), in date order. */
  instancesOf(copy: Copy, from: number, to: number): CalendarItem[] {
    const { meeting } = copy;
    if (!meeting.recurrence) return [];
    const zone = this.seriesZone(meeting);
    const duration = meeting.endMs - meeting.startMs;
    // Dates a day either side of the window's local dates cover every offset.
    const firstDay = Math.floor((utcToWall(from - duration, zone) - DAY_MS) / DAY_MS);
    const lastDay = Math.floor(utcToWall(to, zone) / DAY_MS) + 1;
    const exceptionDays = [...meeting.exceptions.keys()];
    const until = Math.max(lastDay, ...exceptionDays);
    const out: CalendarItem[] = [];
    for (const day of seriesDays(meeting.recurrence, until)) {
      if (meeting.cancelled.has(day) || copy.hiddenDays.has(day)) continue;
      const moved = meeting.exceptions.has(day);
      if (!moved && (day < firstDay || day > lastDay)) continue;
      const item = this.occurrenceItem(copy, day);
      if (overlaps(item, from, to)) out.push(item);
    }
    return out.sort((a, b) => a.startMs - b.startMs);
  }

  /** Graph's instances: occurrences and exceptions of one series master in a window. */
  instances(userId: string, eventId: string, from: number, to: number): CalendarItem[] {
    const item = this.find(userId, eventId);
    // A single event or an occurrence has no instances of its own.
    if (item.type !== 'seriesMaster') return [];
    return this.instancesOf(item.copy, from, to);
  }

  /** Graph's calendarView: everything in the calendar overlapping [from, to), series expanded. */
  calendarView(userId: string, from: number, to: number): CalendarItem[] {
    const owner = this.owner(userId);
    const out: CalendarItem[] = [];
    for (const copy of this.mailboxes.get(owner.id) ?? []) {
      if (!copy.inCalendar) continue;
      if (copy.meeting.recurrence) out.push(...this.instancesOf(copy, from, to));
      else {
        const item = this.masterItem(copy);
        if (overlaps(item, from, to)) out.push(item);
      }
    }
    return out.sort((a, b) => a.startMs - b.startMs || a.copy.id.localeCompare(b.copy.id));
  }

  /** Graph's events list: single events and series masters, newest first by creation. */
  list(userId: string): CalendarItem[] {
    const owner = this.owner(userId);
    return [...(this.mailboxes.get(owner.id) ?? [])]
      .filter((copy) => copy.inCalendar)
      .map((copy) => this.masterItem(copy));
  }

  // ---- writing ------------------------------------------------------------------------------

  private parseDetails(input: Record<string, unknown>): Partial<Details> {
    const out: Partial<Details> = {};
    if ('subject' in input) out.subject = input.subject == null ? '' : String(input.subject);
    if (isRecord(input.body)) {
      const type = String(input.body.contentType ?? 'text').toLowerCase();
      out.body = {
        contentType: type === 'html' ? 'html' : 'text',
        content: String(input.body.content ?? ''),
      };
    }
    if (isRecord(input.location)) out.location = String(input.location.displayName ?? '');
    if ('showAs' in input) {
      if (!SHOW_AS.includes(input.showAs as ShowAs)) {
        throw badRequest(`'${String(input.showAs)}' is not a valid showAs value.`);
      }
      out.showAs = input.showAs as ShowAs;
    }
    if ('importance' in input) out.importance = input.importance as Details['importance'];
    if ('sensitivity' in input) out.sensitivity = input.sensitivity as Details['sensitivity'];
    if (Array.isArray(input.categories)) out.categories = input.categories.map(String);
    if (typeof input.isReminderOn === 'boolean') out.isReminderOn = input.isReminderOn;
    if (typeof input.reminderMinutesBeforeStart === 'number') {
      out.reminderMinutesBeforeStart = input.reminderMinutesBeforeStart;
    }
    return out;
  }

  private parseAttendees(raw: unknown, organizerId: string): Attendee[] {
    if (raw == null) return [];
    if (!Array.isArray(raw)) throw badRequest('attendees must be a collection.');
    const seen = new Set<string>();
    const out: Attendee[] = [];
    for (const a of raw) {
      const email = isRecord(a) && isRecord(a.emailAddress) ? a.emailAddress : undefined;
      if (!email || typeof email.address !== 'string' || !email.address.includes('@')) {
        throw badRequest('Every attendee needs an emailAddress with an address.');
      }
      const key = email.address.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const user = this.ctx.findUser(email.address);
      if (user?.id === organizerId) continue;
      const type = isRecord(a) ? a.type : undefined;
      out.push({
        name: typeof email.name === 'string' ? email.name : (user?.displayName ?? email.address),
        address: email.address,
        type: type === 'optional' || type === 'resource' ? type : 'required',
        userId: user?.id,
        status: { response: 'none', time: NEVER },
      });
    }
    return out;
  }

  private onlineMeeting(meeting: Meeting): Meeting['onlineMeeting'] {
    // Graph answers 201 without a join URL when the organizer's calendar doesn't allow Teams.
    if (!meeting.isOnlineMeeting || meeting.onlineMeetingProvider !== 'teamsForBusiness')
      return null;
    if (!this.allowedOnlineMeetingProviders(meeting.organizerId).includes('teamsForBusiness')) {
      return null;
    }
    const h = this.hash('meeting');
    const thread = Buffer.from(h.slice(0, 24), 'hex').toString('base64url');
    const context = encodeURIComponent(
      JSON.stringify({ Tid: 'contoso', Oid: meeting.organizerId }),
    );
    return {
      joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
      conferenceId: String(Number.parseInt(h.slice(24, 36), 16) % 1_000_000_000).padStart(9, '0'),
      tollNumber: null,
    };
  }

  /** POST /users/{id}/events: a new event organised by that mailbox, copied to attendees. */
  create(userId: string, body: unknown): CreateResult {
    const organizer = this.owner(userId);
    if (!isRecord(body)) throw badRequest('The request body must be an event.');
    const transactionId = typeof body.transactionId === 'string' ? body.transactionId : null;
    if (transactionId) {
      // A client retry with the same transactionId gets the event made the first time.
      const existing = this.transactions.get(`${organizer.id}|${transactionId}`);
      if (existing && this.transactionIdMode === 'dedupe') {
        return { item: this.masterItem(existing), created: false };
      }
      if (existing && this.transactionIdMode === 'rejectRepeat') {
        throw badRequest(
          'An event with this transactionId already exists.',
          'ErrorDuplicateTransactionId',
        );
      }
    }
    const extendedProperties = this.parseExtendedProperties(body.singleValueExtendedProperties);
    const start = parseDateTimeTimeZone(body.start, 'start');
    const end = parseDateTimeTimeZone(body.end, 'end');
    const startMs = instantOf(start);
    const endMs = instantOf(end);
    if (endMs < startMs) throw badRequest('The end time of the event is earlier than its start.');
    const isAllDay = body.isAllDay === true;
    if (
      isAllDay &&
      (!/T00:00(:00(\.0+)?)?$/.test(start.dateTime) ||
        !/T00:00(:00(\.0+)?)?$/.test(end.dateTime) ||
        endMs === startMs)
    ) {
      throw badRequest(
        "Your request can't be completed. If the event is an all-day event, start and end must be at midnight and at least a day apart.",
      );
    }
    const recurrence = body.recurrence ? parseRecurrence(body.recurrence, start.timeZone) : null;
    const now = this.nowIso();
    const provider = String(
      body.onlineMeetingProvider ?? (body.isOnlineMeeting ? 'teamsForBusiness' : 'unknown'),
    );
    const meeting: Meeting = {
      iCalUId: `040000008200E00074C5B7101A82E00800000000${this.hash('ical').slice(0, 72).toUpperCase()}`,
      organizerId: organizer.id,
      organizer: { name: organizer.displayName, address: organizer.mail },
      details: {
        subject: '',
        body: { contentType: 'text', content: '' },
        location: '',
        showAs: 'busy',
        importance: 'normal',
        sensitivity: 'normal',
        categories: [],
        isReminderOn: true,
        reminderMinutesBeforeStart: 15,
        ...this.parseDetails(body),
      },
      start,
      end,
      startMs,
      endMs,
      isAllDay,
      recurrence,
      attendees: this.parseAttendees(body.attendees, organizer.id),
      isOnlineMeeting: body.isOnlineMeeting === true,
      onlineMeetingProvider: (['teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'].includes(
        provider,
      )
        ? provider
        : 'unknown') as Meeting['onlineMeetingProvider'],
      onlineMeeting: null,
      allowNewTimeProposals: body.allowNewTimeProposals !== false,
      responseRequested: body.responseRequested !== false,
      isCancelled: false,
      transactionId,
      extendedProperties,
      createdDateTime: now,
      lastModifiedDateTime: now,
      exceptions: new Map(),
      cancelled: new Set(),
      copies: new Map(),
    };
    meeting.onlineMeeting = this.onlineMeeting(meeting);
    const copy = this.addCopy(meeting, organizer.id, true);
    for (const attendee of meeting.attendees) {
      if (attendee.userId) this.addCopy(meeting, attendee.userId, false);
    }
    this.meetings.set(meeting.iCalUId, meeting);
    if (transactionId) this.transactions.set(`${organizer.id}|${transactionId}`, copy);
    for (const c of meeting.copies.values()) this.emit(c, 'created');
    return { item: this.masterItem(copy), created: true };
  }

  /**
   * `singleValueExtendedProperties: [{ id, value }]` on create
   * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties).
   */
  private parseExtendedProperties(raw: unknown): { id: string; value: string }[] {
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) throw badRequest('singleValueExtendedProperties must be an array.');
    return raw.map((p) => {
      if (!isRecord(p) || typeof p.id !== 'string' || typeof p.value !== 'string') {
        throw badRequest('Each single value extended property needs a string id and value.');
      }
      return { id: p.id, value: p.value };
    });
  }

  /**
   * The organiser's events holding an extended property with this value: Graph's
   * `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '…' and ep/value eq '…')`
   * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get). Cancelled
   * series are still listed (isCancelled true) until deleted.
   */
  withExtendedProperty(item: CalendarItem, id: string, value: string): boolean {
    const { copy } = item;
    if (!copy.isOrganizer) return false;
    return copy.meeting.extendedProperties.some(
      (p) => p.id.toLowerCase() === id.toLowerCase() && p.value === value,
    );
  }

  private addCopy(meeting: Meeting, mailboxId: string, isOrganizer: boolean): Copy {
    const existing = meeting.copies.get(mailboxId);
    if (existing) {
      existing.inCalendar = true;
      return existing;
    }
    const copy: Copy = {
      id: this.newId(),
      mailboxId,
      meeting,
      isOrganizer,
      local: {},
      inCalendar: true,
      hiddenDays: new Set(),
      createdDateTime: meeting.lastModifiedDateTime,
      lastModifiedDateTime: meeting.lastModifiedDateTime,
      changeCount: 0,
    };
    meeting.copies.set(mailboxId, copy);
    this.copies.set(copy.id, copy);
    this.mailbox(mailboxId).add(copy);
    return copy;
  }

  private touch(meeting: Meeting, day?: number): void {
    meeting.lastModifiedDateTime = this.nowIso();
    for (const copy of meeting.copies.values()) {
      copy.lastModifiedDateTime = meeting.lastModifiedDateTime;
      copy.changeCount++;
      this.emit(copy, 'updated', day);
    }
  }

  /** PATCH an event: the organizer changes the meeting for everyone; an attendee only their copy. */
  update(userId: string, eventId: string, body: unknown): CalendarItem {
    const item = this.find(userId, eventId);
    if (!isRecord(body)) throw badRequest('The request body must be an event.');
    const { copy } = item;
    const { meeting } = copy;
    if ('transactionId' in body && body.transactionId !== meeting.transactionId) {
      throw badRequest('The transactionId property is immutable once set.');
    }
    const details = this.parseDetails(body);
    const timing = 'start' in body || 'end' in body || 'recurrence' in body;
    if (!copy.isOrganizer) {
      if (timing || 'attendees' in body) {
        throw badRequest(
          "Only the meeting's organizer can change its time or attendees.",
          'ErrorAccessDenied',
        );
      }
      Object.assign(copy.local, details);
      copy.lastModifiedDateTime = this.nowIso();
      copy.changeCount++;
      this.emit(copy, 'updated', item.day);
      return this.find(userId, eventId);
    }
    if (item.type === 'occurrence' || item.type === 'exception') {
      // Changing one occurrence makes it an exception; the series stays as it was.
      const day = item.day!;
      const exception: Exception = meeting.exceptions.get(day) ?? {
        details: {},
        responses: new Map(),
        lastModified: this.nowIso(),
      };
      Object.assign(exception.details, details);
      if ('start' in body || 'end' in body) {
        const start =
          'start' in body ? instantOf(parseDateTimeTimeZone(body.start, 'start')) : item.startMs;
        const end = 'end' in body ? instantOf(parseDateTimeTimeZone(body.end, 'end')) : item.endMs;
        if (end < start) throw badRequest('The end time of the event is earlier than its start.');
        if (start !== item.startMs || end !== item.endMs) {
          this.checkOccurrenceBoundary(copy, day, start, end);
          exception.start = start;
          exception.end = end;
          // A moved occurrence asks everyone again.
          exception.responses = new Map(
            meeting.attendees.map((a) => [
              a.address.toLowerCase(),
              { response: 'none', time: NEVER },
            ]),
          );
        }
      }
      exception.lastModified = this.nowIso();
      meeting.exceptions.set(day, exception);
      this.touch(meeting, day);
      return this.occurrenceItem(copy, day);
    }
    Object.assign(meeting.details, details);
    if (timing) {
      const start = 'start' in body ? parseDateTimeTimeZone(body.start, 'start') : meeting.start;
      const end = 'end' in body ? parseDateTimeTimeZone(body.end, 'end') : meeting.end;
      const startMs = instantOf(start);
      const endMs = instantOf(end);
      if (endMs < startMs) throw badRequest('The end time of the event is earlier than its start.');
      const recurrence =
        'recurrence' in body
          ? body.recurrence
            ? parseRecurrence(body.recurrence, start.timeZone)
            : null
          : meeting.recurrence;
      Object.assign(meeting, { start, end, startMs, endMs, recurrence });
      // A new time or pattern replaces the series: Exchange drops its exceptions and asks again.
      meeting.exceptions.clear();
      meeting.cancelled.clear();
      for (const a of meeting.attendees) a.status = { response: 'none', time: NEVER };
    }
    if ('attendees' in body) {
      const next = this.parseAttendees(body.attendees, meeting.organizerId);
      const before = new Map(meeting.attendees.map((a) => [a.address.toLowerCase(), a]));
      meeting.attendees = next.map((a) => before.get(a.address.toLowerCase()) ?? a);
      const kept = new Set(meeting.attendees.map((a) => a.userId).filter(Boolean));
      for (const [mailboxId, other] of meeting.copies) {
        if (!other.isOrganizer && !kept.has(mailboxId)) this.dropCopy(other);
      }
      for (const a of meeting.attendees) {
        if (a.userId && !meeting.copies.has(a.userId)) this.addCopy(meeting, a.userId, false);
      }
    }
    if ('isOnlineMeeting' in body || 'onlineMeetingProvider' in body) {
      meeting.isOnlineMeeting = body.isOnlineMeeting === true || meeting.isOnlineMeeting;
      if (typeof body.onlineMeetingProvider === 'string') {
        meeting.onlineMeetingProvider =
          body.onlineMeetingProvider as Meeting['onlineMeetingProvider'];
      }
      meeting.onlineMeeting ??= this.onlineMeeting(meeting);
    }
    this.touch(meeting);
    return this.masterItem(copy);
  }

  private dropCopy(copy: Copy): void {
    copy.meeting.copies.delete(copy.mailboxId);
    this.copies.delete(copy.id);
    this.mailboxes.get(copy.mailboxId)?.delete(copy);
    this.emit(copy, 'deleted');
  }

  /**
   * POST …/cancel: only the organizer may (event-cancel: attendees get 400). A master cancels the
   * series, an occurrence id only that session.
   */
  cancel(userId: string, eventId: string, _comment?: string): void {
    const item = this.find(userId, eventId);
    const { copy } = item;
    const { meeting } = copy;
    if (!copy.isOrganizer) {
      throw new GraphError(
        400,
        'ErrorAccessDenied',
        "Your request can't be completed. You need to be an organizer to cancel a meeting.",
      );
    }
    if (item.day !== undefined) {
      meeting.cancelled.add(item.day);
      meeting.exceptions.delete(item.day);
    } else {
      meeting.isCancelled = true;
      // The organizer's item moves to Deleted Items; attendees keep a cancelled (free) copy.
      copy.inCalendar = false;
    }
    this.touch(meeting, item.day);
  }

  /** DELETE: the organizer's delete cancels for everyone; an attendee's only removes their copy. */
  remove(userId: string, eventId: string): void {
    const item = this.find(userId, eventId);
    const { copy } = item;
    if (copy.isOrganizer) {
      this.cancel(userId, eventId);
      if (item.day === undefined) {
        this.dropCopy(copy);
        if (copy.meeting.transactionId) {
          this.transactions.delete(`${copy.mailboxId}|${copy.meeting.transactionId}`);
        }
      }
      return;
    }
    if (item.day !== undefined) {
      copy.hiddenDays.add(item.day);
      this.emit(copy, 'updated', item.day);
    } else this.dropCopy(copy);
  }

  /**
   * An attendee answers (accept / decline / tentativelyAccept, or the control endpoint playing
   * them). `eventId` may be the attendee's own id, or the organizer's id or the iCalUId of the
   * meeting, so a test can play an attendee knowing only what the organizer booked.
   */
  respond(userId: string, eventId: string, reply: AttendeeReply, _comment?: string): CalendarItem {
    const attendee = this.owner(userId);
    const item = this.resolveForAttendee(attendee.id, eventId);
    const { copy } = item;
    const { meeting } = copy;
    if (copy.isOrganizer) {
      throw badRequest(
        "Your request can't be completed. You can't respond to a meeting you organized.",
      );
    }
    if (meeting.isCancelled) throw badRequest('The meeting has been cancelled.');
    const entry = meeting.attendees.find((a) => a.userId === attendee.id);
    const status: ResponseStatus = { response: reply, time: this.nowIso() };
    if (item.day !== undefined) {
      const exception: Exception = meeting.exceptions.get(item.day) ?? {
        details: {},
        responses: new Map(),
        lastModified: this.nowIso(),
      };
      exception.responses.set((entry?.address ?? attendee.mail).toLowerCase(), status);
      meeting.exceptions.set(item.day, exception);
    } else if (entry) {
      entry.status = status;
      // Answering the series answers every occurrence that had its own question.
      for (const exception of meeting.exceptions.values()) {
        exception.responses.delete(entry.address.toLowerCase());
      }
    }
    // Outlook moves a declined meeting out of the calendar (to Deleted Items).
    if (item.day === undefined) copy.inCalendar = reply !== 'declined';
    else if (reply === 'declined') copy.hiddenDays.add(item.day);
    else copy.hiddenDays.delete(item.day);
    copy.lastModifiedDateTime = this.nowIso();
    copy.changeCount++;
    this.emit(copy, 'updated', item.day);
    // The answer reaches the organizer's copy, whose attendees show each one's status
    // (api-reference/v1.0/resources/attendee.md, status): the organizer's event changes too.
    const organizerCopy = meeting.copies.get(meeting.organizerId);
    if (organizerCopy) {
      organizerCopy.lastModifiedDateTime = copy.lastModifiedDateTime;
      organizerCopy.changeCount++;
      this.emit(organizerCopy, 'updated', item.day);
    }
    return item;
  }

  private resolveForAttendee(userId: string, eventId: string): CalendarItem {
    const own = this.copies.get(eventId) ?? this.copies.get(OCCURRENCE_ID.exec(eventId)?.[1] ?? '');
    if (own?.mailboxId === userId) {
      const m = OCCURRENCE_ID.exec(eventId);
      return m ? this.occurrenceItem(own, parseDayKey(m[2]!)) : this.masterItem(own);
    }
    const meeting = own?.meeting ?? this.meetings.get(eventId);
    const copy = meeting?.copies.get(userId);
    if (!copy) throw notFound();
    const m = OCCURRENCE_ID.exec(eventId);
    return m && own ? this.occurrenceItem(copy, parseDayKey(m[2]!)) : this.masterItem(copy);
  }

  /**
   * Loads the demo organisation's busy calendars in one go: shared blocks become meetings the
   * attendees already accepted.
   */
  seed(blocks: readonly SimBusyBlock[]): void {
    const now = this.nowIso();
    for (const block of blocks) {
      const organizer = this.ctx.findUser(block.ownerId);
      if (!organizer) continue;
      const startMs = instantOf(block.start);
      const endMs = instantOf(block.end);
      const attendees: Attendee[] = [];
      for (const id of block.attendeeIds ?? []) {
        const person = this.ctx.findUser(id);
        if (!person || person.id === organizer.id) continue;
        attendees.push({
          name: person.displayName,
          address: person.mail,
          type: 'required',
          userId: person.id,
          status: { response: 'accepted', time: now },
        });
      }
      const meeting: Meeting = {
        iCalUId: `040000008200E00074C5B7101A82E00800000000${this.hash('ical').slice(0, 72).toUpperCase()}`,
        organizerId: organizer.id,
        organizer: { name: organizer.displayName, address: organizer.mail },
        details: {
          subject: block.subject,
          body: { contentType: 'text', content: '' },
          location: '',
          showAs: block.showAs,
          importance: 'normal',
          sensitivity: 'normal',
          categories: [],
          isReminderOn: true,
          reminderMinutesBeforeStart: 15,
        },
        start: block.start,
        end: block.end,
        startMs,
        endMs,
        isAllDay: block.isAllDay === true,
        recurrence: block.recurrence
          ? parseRecurrence(block.recurrence, block.start.timeZone)
          : null,
        attendees,
        isOnlineMeeting: false,
        onlineMeetingProvider: 'unknown',
        onlineMeeting: null,
        allowNewTimeProposals: true,
        responseRequested: attendees.length > 0,
        isCancelled: false,
        transactionId: null,
        extendedProperties: [],
        createdDateTime: now,
        lastModifiedDateTime: now,
        exceptions: new Map(),
        cancelled: new Set(),
        copies: new Map(),
      };
      this.addCopy(meeting, organizer.id, true);
      for (const a of attendees) this.addCopy(meeting, a.userId!, false);
      this.meetings.set(meeting.iCalUId, meeting);
    }
  }

  // ---- free/busy ----------------------------------------------------------------------------

  /** How an item blocks its owner's time, as Exchange shows it. */
  showAs(item: CalendarItem): ShowAs {
    const { copy } = item;
    const { meeting } = copy;
    if (meeting.isCancelled) return 'free';
    const exception = item.day !== undefined ? meeting.exceptions.get(item.day) : undefined;
    const own = copy.local.showAs;
    if (own) return own;
    const planned = exception?.details.showAs ?? meeting.details.showAs;
    if (copy.isOrganizer) return planned;
    const response = this.responseStatus(item).response;
    // An unanswered or tentatively accepted invitation holds the time as tentative.
    if (response === 'accepted') return planned;
    if (response === 'declined') return 'free';
    return planned === 'free' ? 'free' : 'tentative';
  }

  /** The copy owner's own response (`responseStatus`). */
  responseStatus(item: CalendarItem): ResponseStatus {
    const { copy } = item;
    const { meeting } = copy;
    // Graph writes the organizer's own response with the zero time (user-post-events).
    if (copy.isOrganizer) return { response: 'organizer', time: NEVER };
    const entry = meeting.attendees.find((a) => a.userId === copy.mailboxId);
    if (!entry) return { response: 'none', time: NEVER };
    const own =
      item.day !== undefined
        ? meeting.exceptions.get(item.day)?.responses.get(entry.address.toLowerCase())
        : undefined;
    return own ?? entry.status;
  }

  /** The attendees' statuses as the copy shows them (only the organizer sees others' answers). */
  attendeesOf(
    item: CalendarItem,
  ): { type: string; status: ResponseStatus; emailAddress: { name: string; address: string } }[] {
    const { copy } = item;
    const { meeting } = copy;
    const exception = item.day !== undefined ? meeting.exceptions.get(item.day) : undefined;
    return meeting.attendees.map((a) => {
      let status: ResponseStatus = { response: 'none', time: NEVER };
      if (copy.isOrganizer || a.userId === copy.mailboxId) {
        status = exception?.responses.get(a.address.toLowerCase()) ?? a.status;
      }
      return {
        type: a.type,
        status: { ...status },
        emailAddress: { name: a.name, address: a.address },
      };
    });
  }

  /**
   * getSchedule (calendar-getschedule): free/busy of up to 20 people over less than 62 days, one
   * digit per interval, items and working hours; a bad address answers an item with `error`.
   */
  getSchedule(
    schedules: readonly string[],
    from: number,
    to: number,
    intervalMinutes: number,
    zoneName = 'UTC',
    /** Whether the caller reaches this mailbox itself (its details); the rest get free/busy. */
    reaches: (mailboxId: string) => boolean = () => true,
  ): ScheduleInformation[] {
    // Limits: "up to 20 entities at once" and "The time period to look up must be less than 62
    // days" (https://learn.microsoft.com/graph/outlook-get-free-busy-schedule, "Limits and error
    // conditions"); availabilityViewInterval "minimum is 5, maximum is 1440"
    // (https://learn.microsoft.com/graph/api/calendar-getschedule, Request body). Neither page
    // names the error codes: a period too long is Exchange's ErrorTimeIntervalTooBig ("the time
    // window that was specified is larger than the allowed limit",
    // https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode);
    // the others are ErrorInvalidParameter, our choice.
    if (schedules.length === 0 || schedules.length > 20) {
      throw badRequest(
        'The number of schedules must be between 1 and 20.',
        'ErrorInvalidParameter',
      );
    }
    if (!Number.isInteger(intervalMinutes) || intervalMinutes < 5 || intervalMinutes > 1440) {
      throw badRequest(
        'AvailabilityViewInterval must be between 5 and 1440 minutes.',
        'ErrorInvalidParameter',
      );
    }
    if (to <= from)
      throw badRequest('The end time must be after the start time.', 'ErrorInvalidParameter');
    if (to - from >= 62 * DAY_MS) {
      throw badRequest(
        'The requested time duration exceeds the limit of 62 days.',
        'ErrorTimeIntervalTooBig',
      );
    }
    const interval = intervalMinutes * 60_000;
    const slots = Math.ceil((to - from) / interval);
    return schedules.map((address) => {
      const person = this.ctx.findUser(address);
      if (!person) {
        return {
          scheduleId: address,
          availabilityView: '',
          scheduleItems: [],
          error: {
            message: `The address '${address}' does not resolve to a mailbox.`,
            responseCode: 'ErrorMailRecipientNotFound',
          },
        };
      }
      const detailed = reaches(person.id);
      if (!detailed && this.outOfScopeSchedules === 'error') {
        return {
          scheduleId: address,
          availabilityView: '',
          scheduleItems: [],
          error: {
            message: `The app has no free/busy access to '${address}'.`,
            responseCode: 'ErrorNoFreeBusyAccess',
          },
        };
      }
      const strength = new Array<number>(slots).fill(0);
      const view = new Array<ShowAs>(slots).fill('free');
      const scheduleItems: (ScheduleItem | FreeBusyItem)[] = [];
      for (const item of this.calendarView(person.id, from, to)) {
        const status = this.showAs(item);
        if (status === 'free') continue;
        // The concept page shows "Busy", "Tentative"
        // (https://learn.microsoft.com/graph/outlook-get-free-busy-schedule); the API page lower
        // case (https://learn.microsoft.com/graph/api/calendar-getschedule): both are served.
        const shown = this.capitalisedStatuses
          ? ((status.charAt(0).toUpperCase() + status.slice(1)) as ShowAs)
          : status;
        const start = dateTimeIn(item.startMs, zoneName);
        const end = dateTimeIn(item.endMs, zoneName);
        if (detailed) {
          const details = this.details(item);
          const isPrivate = details.sensitivity === 'private';
          scheduleItems.push({
            isPrivate,
            status: shown,
            subject: isPrivate ? '' : details.subject,
            location: isPrivate ? '' : details.location,
            isMeeting: item.copy.meeting.attendees.length > 0,
            isRecurring: item.type === 'occurrence' || item.type === 'exception',
            isException: item.type === 'exception',
            isReminderSet: details.isReminderOn,
            start,
            end,
          });
        } else {
          scheduleItems.push({ status: shown, start, end });
        }
        const first = Math.max(0, Math.floor((item.startMs - from) / interval));
        const last = Math.min(slots - 1, Math.ceil((item.endMs - from) / interval) - 1);
        for (let i = first; i <= last; i++) {
          if (STRENGTH[status] > strength[i]!) {
            strength[i] = STRENGTH[status];
            view[i] = status;
          }
        }
      }
      return {
        scheduleId: address,
        availabilityView: view.map((s) => DIGIT[s]).join(''),
        scheduleItems,
        workingHours: this.servedWorkingHours(person),
      };
    });
  }

  /**
   * Mode "custom zones for some mailboxes": getSchedule may give `workingHours.timeZone` as a
   * `#microsoft.graph.customTimeZone` (Microsoft's own example does,
   * api-reference/v1.0/api/calendar-getschedule.md). Mailboxes switched on serve their zone's
   * rules that way; the others serve `{ name }`.
   */
  serveCustomTimeZone(userId: string, on = true): void {
    const person = this.ctx.findUser(userId);
    if (!person) throw new GraphError(404, 'ErrorItemNotFound', `No mailbox ${userId}.`);
    if (on) this.customZoneMailboxes.add(person.id);
    else this.customZoneMailboxes.delete(person.id);
  }

  private servedWorkingHours(person: SimMailboxOwner) {
    const hours = person.mailboxSettings.workingHours;
    if (!this.customZoneMailboxes.has(person.id)) return hours;
    const custom = customTimeZoneFor(hours.timeZone.name);
    return custom ? { ...hours, timeZone: custom } : hours;
  }

  /** The item's subject, body… after an exception's and the owner's own changes. */
  details(item: CalendarItem): Details {
    const { copy } = item;
    const exception = item.day !== undefined ? copy.meeting.exceptions.get(item.day) : undefined;
    return { ...copy.meeting.details, ...exception?.details, ...copy.local };
  }

  /** The strongest status a person's calendar shows anywhere in [from, to) ('free' when clear). */
  availability(userId: string, from: number, to: number): ShowAs {
    let worst: ShowAs = 'free';
    for (const item of this.calendarView(userId, from, to)) {
      const status = this.showAs(item);
      if (STRENGTH[status] > STRENGTH[worst]) worst = status;
    }
    return worst;
  }

  // ---- rendering ----------------------------------------------------------------------------

  /** A master's cancelled occurrences by their ids (Graph's cancelledOccurrences). */
  private cancelledIds(copy: Copy): string[] {
    return [...copy.meeting.cancelled].sort((a, b) => a - b).map((d) => `${copy.id}_${dayKey(d)}`);
  }

  idOf(item: CalendarItem): string {
    return item.day === undefined ? item.copy.id : `${item.copy.id}_${dayKey(item.day)}`;
  }

  /**
   * The Graph event resource for an item. Times are written in `zoneName` (Prefer:
   * outlook.timezone), else in UTC — except a create's reply, which keeps the event's own zones.
   */
  render(item: CalendarItem, zoneName?: string): Record<string, unknown> {
    const { copy } = item;
    const { meeting } = copy;
    const details = this.details(item);
    const isMaster = item.type === 'seriesMaster';
    const start = zoneName ? dateTimeIn(item.startMs, zoneName) : dateTimeIn(item.startMs, 'UTC');
    const end = zoneName ? dateTimeIn(item.endMs, zoneName) : dateTimeIn(item.endMs, 'UTC');
    const exception = item.day !== undefined ? meeting.exceptions.get(item.day) : undefined;
    const id = this.idOf(item);
    const event: Record<string, unknown> = {
      '@odata.etag': `W/"${Buffer.from(`${copy.id}:${copy.changeCount}`).toString('base64')}"`,
      id,
      createdDateTime: copy.createdDateTime,
      lastModifiedDateTime: exception?.lastModified ?? copy.lastModifiedDateTime,
      changeKey: Buffer.from(`${copy.id}:${copy.changeCount}`).toString('base64'),
      categories: details.categories,
      transactionId: copy.isOrganizer ? meeting.transactionId : null,
      originalStartTimeZone: meeting.start.timeZone,
      originalEndTimeZone: meeting.end.timeZone,
      iCalUId: meeting.iCalUId,
      reminderMinutesBeforeStart: details.reminderMinutesBeforeStart,
      isReminderOn: details.isReminderOn,
      hasAttachments: false,
      subject: details.subject,
      bodyPreview: details.body.content
        .replace(/<[^>]*>/g, '')
        .trim()
        .slice(0, 255),
      importance: details.importance,
      sensitivity: details.sensitivity,
      isAllDay: meeting.isAllDay,
      isCancelled: meeting.isCancelled,
      isOrganizer: copy.isOrganizer,
      responseRequested: meeting.responseRequested,
      seriesMasterId: item.day === undefined ? null : copy.id,
      showAs: this.showAs(item),
      type: item.type,
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: meeting.isOnlineMeeting,
      onlineMeetingProvider: meeting.onlineMeetingProvider,
      allowNewTimeProposals: meeting.allowNewTimeProposals,
      isDraft: false,
      hideAttendees: false,
      responseStatus: this.responseStatus(item),
      body: { contentType: details.body.contentType, content: details.body.content },
      start,
      end,
      location: {
        displayName: details.location,
        locationType: 'default',
        uniqueIdType: details.location ? 'private' : 'unknown',
      },
      locations: details.location
        ? [{ displayName: details.location, locationType: 'default', uniqueIdType: 'private' }]
        : [],
      recurrence: isMaster ? structuredClone(meeting.recurrence) : null,
      attendees: this.attendeesOf(item),
      organizer: { emailAddress: { ...meeting.organizer } },
      onlineMeeting: meeting.onlineMeeting ? { ...meeting.onlineMeeting } : null,
    };
    if (item.day !== undefined) {
      const original = this.occurrenceOriginalStart(copy, item.day);
      event.originalStart = new Date(original).toISOString().replace('.000Z', 'Z');
    }
    if (isMaster) {
      event.cancelledOccurrences = this.cancelledIds(copy);
    }
    return event;
  }

  /** The reply to a create: times in the event's own zones, as Graph answers a POST. */
  renderCreated(item: CalendarItem, zoneName?: string): Record<string, unknown> {
    const event = this.render(item, zoneName);
    if (!zoneName) {
      event.start = dateTimeIn(item.startMs, item.copy.meeting.start.timeZone);
      event.end = dateTimeIn(item.endMs, item.copy.meeting.end.timeZone);
    }
    return event;
  }

  /** The exception events of a master (`$expand=exceptionOccurrences`). */
  exceptionItems(item: CalendarItem): CalendarItem[] {
    if (item.type !== 'seriesMaster') return [];
    return [...item.copy.meeting.exceptions.keys()]
      .filter((day) => !item.copy.hiddenDays.has(day) && !item.copy.meeting.cancelled.has(day))
      .sort((a, b) => a - b)
      .map((day) => this.occurrenceItem(item.copy, day));
  }

  private occurrenceOriginalStart(copy: Copy, day: number): number {
    const { meeting } = copy;
    const zone = this.seriesZone(meeting);
    const timeOfDay = ((utcToWall(meeting.startMs, zone) % DAY_MS) + DAY_MS) % DAY_MS;
    return wallToUtc(day * DAY_MS + timeOfDay, zone);
  }

  /** How many items (own events and invitations, declined ones too) a mailbox holds. */
  countItems(userId: string): number {
    return this.mailboxes.get(userId)?.size ?? 0;
  }
}

function overlaps(item: CalendarItem, from: number, to: number): boolean {
  if (item.endMs === item.startMs) return item.startMs >= from && item.startMs < to;
  return item.startMs < to && item.endMs > from;
}
