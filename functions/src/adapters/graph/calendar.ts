import { type Client, GraphError } from '@microsoft/microsoft-graph-client';
import {
  type Availability,
  type CalendarPort,
  OccurrenceBoundaryError,
  type SeriesOccurrence,
} from '../../ports/calendar';
import type { MailboxGate } from '../../ports/mailbox-gate';
import { ThrottledError } from '../../ports/throttled';
import { processMailboxGate } from '../process-mailbox-gate';
import { busyFromAvailabilityView } from './availability-view';
import {
  calendarProvidersWire,
  eventPageWire,
  eventWire,
  instancePageWire,
  occurrenceOf,
  readReply,
  seriesOf,
} from './event-wire';
import {
  busyFromScheduleItems,
  getScheduleReplyWire,
  readSchedule,
  workingHoursFromGraph,
} from './schedule-wire';
import { eventTimes, patternedRecurrence } from './series-wire';
import { throttledFor } from './throttling';

/**
 * The extended property that carries our series key. transactionId is no dedupe promise (event.md:
 * only "to avoid redundant POST operations in case of client retries",
 * https://learn.microsoft.com/graph/api/resources/event), so each series is stamped with a
 * string property (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-post-singlevalueextendedproperties;
 * id format "String {guid} Name …", https://learn.microsoft.com/graph/api/resources/singlevaluelegacyextendedproperty)
 * and looked up by `$filter=singleValueExtendedProperties/Any(ep: ep/id eq … and ep/value eq …)`
 * (https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get) before creating.
 */
export const SERIES_KEY_PROPERTY =
  'String {5b0e6c4a-3f1d-4c8e-9a27-7d2f81b6e0c3} Name TandemSeriesKey';

/** getSchedule covers less than 62 days a call (a minute less) and at most 20 people. */
const SCHEDULE_MS = 62 * 86_400_000 - 60_000;
const SCHEDULE_PEOPLE = 20;
/** getSchedule's availabilityViewInterval, minutes: the view's step where no scheduleItems come. */
const VIEW_INTERVAL_MINUTES = 30;
/** A mailbox's allowed meeting providers change rarely: read once per 10 minutes. */
const PROVIDERS_TTL_MS = 10 * 60_000;

function utc(date: Date): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: date.toISOString().replace(/Z$/, ''), timeZone: 'UTC' };
}

function isNotFound(error: unknown): boolean {
  return error instanceof GraphError && error.statusCode === 404;
}

/**
 * Every calendar call asks for immutable ids: an event's id then stays the same when it moves
 * between folders, so the ids booking stores stay valid. The header "only applies to the request
 * it is included with" (https://learn.microsoft.com/graph/outlook-immutable-id).
 */
export const PREFER_IMMUTABLE_ID = 'IdType="ImmutableId"';

/** Graph calendars for booking and follow-up: app-only, through one organiser mailbox. */
export function graphCalendar(
  graph: Client,
  gate: MailboxGate = processMailboxGate(),
): CalendarPort {
  const client = { api: (path: string) => graph.api(path).header('Prefer', PREFER_IMMUTABLE_ID) };
  // Every Graph call to a mailbox passes this one gate (ports/mailbox-gate.ts).
  // A long Graph wait comes back as ThrottledError (adapters/graph/throttling.ts).
  const withMailbox = <T>(mailbox: string, work: () => Promise<T>) =>
    gate.run(mailbox, work).catch((error: unknown) => {
      const wait = throttledFor(error);
      throw wait === undefined ? error : new ThrottledError(wait, { cause: error });
    });
  const providers = new Map<string, { at: number; value: Promise<string[]> }>();
  const user = (id: string) => `/users/${encodeURIComponent(id)}`;

  return {
    async availability(organizer, addresses, start, end) {
      const found = new Map<string, Availability>();
      for (const address of addresses) {
        found.set(address.toLowerCase(), { address, workingHours: null, entries: [] });
      }
      const calls: Promise<void>[] = [];
      for (let i = 0; i < addresses.length; i += SCHEDULE_PEOPLE) {
        const people = addresses.slice(i, i + SCHEDULE_PEOPLE);
        for (let from = start.getTime(); from < end.getTime(); from += SCHEDULE_MS) {
          const to = Math.min(from + SCHEDULE_MS, end.getTime());
          calls.push(
            withMailbox(organizer, async () => {
              // https://learn.microsoft.com/en-us/graph/api/calendar-getschedule (schedule-wire.ts).
              const response = getScheduleReplyWire.parse(
                await client.api(`${user(organizer)}/calendar/getSchedule`).post({
                  schedules: people,
                  startTime: utc(new Date(from)),
                  endTime: utc(new Date(to)),
                  availabilityViewInterval: VIEW_INTERVAL_MINUTES,
                }),
              );
              for (const raw of response.value) {
                const read = readSchedule(raw);
                const entry = read.scheduleId && found.get(read.scheduleId.toLowerCase());
                if (!entry) continue;
                if (!read.schedule) {
                  // A schedule in a shape we cannot read: as if Graph could not read that calendar.
                  entry.error = 'unreadableSchedule';
                  continue;
                }
                const { schedule } = read;
                if (schedule.error)
                  entry.error = schedule.error.responseCode ?? schedule.error.message;
                if (schedule.workingHours) {
                  // The zone may be a customTimeZone with its own rules (graph-time-zone.ts).
                  entry.workingHours = workingHoursFromGraph(schedule.workingHours);
                }
                if (schedule.scheduleItems) {
                  entry.entries.push(...busyFromScheduleItems(schedule.scheduleItems));
                } else if (schedule.availabilityView && !schedule.error) {
                  // No items listed (a requester who may not see them): the view still says
                  // when the person is busy (availability-view.ts).
                  const busy = busyFromAvailabilityView(
                    schedule.availabilityView,
                    new Date(from),
                    VIEW_INTERVAL_MINUTES,
                  );
                  entry.busy = [...(entry.busy ?? []), ...busy];
                }
              }
            }),
          );
        }
      }
      await Promise.all(calls);
      return [...found.values()];
    },

    onlineMeetingProviders(organizer) {
      const key = organizer.toLowerCase();
      const cached = providers.get(key);
      if (cached && Date.now() - cached.at < PROVIDERS_TTL_MS) return cached.value;
      const value = withMailbox(organizer, () =>
        client
          .api(`${user(organizer)}/calendar`)
          .select('allowedOnlineMeetingProviders')
          .get(),
      ).then(
        (calendar: unknown) =>
          readReply('reading a calendar', calendarProvidersWire, calendar)
            .allowedOnlineMeetingProviders ?? [],
      );
      // A failed read is not remembered.
      value.catch(() => providers.delete(key));
      providers.set(key, { at: Date.now(), value });
      return value;
    },

    async createSeries(request) {
      const event = await withMailbox(request.organizer, () =>
        client.api(`${user(request.organizer)}/events`).post({
          subject: request.subject,
          body: { contentType: 'HTML', content: request.bodyHtml },
          ...eventTimes(request.weekly),
          recurrence: patternedRecurrence(request.weekly),
          attendees: request.attendees.map((a) => ({
            emailAddress: { address: a.address, name: a.name },
            type: 'required',
          })),
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          allowNewTimeProposals: true,
          responseRequested: true,
          transactionId: request.seriesKey,
          singleValueExtendedProperties: [{ id: SERIES_KEY_PROPERTY, value: request.seriesKey }],
          ...(request.categories ? { categories: request.categories } : {}),
        }),
      );
      return seriesOf(readReply('creating an event', eventWire, event));
    },

    async findSeries(organizer, seriesKey) {
      const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
      const page = await withMailbox(organizer, () =>
        client
          .api(`${user(organizer)}/events`)
          .filter(
            `singleValueExtendedProperties/Any(ep: ep/id eq ${quoted(SERIES_KEY_PROPERTY)} and ep/value eq ${quoted(seriesKey)})`,
          )
          .select('id,iCalUId,isCancelled,onlineMeeting,attendees')
          .get(),
      );
      const live = readReply('finding a series', eventPageWire, page).value.find(
        (event) => event.isCancelled !== true,
      );
      return live ? seriesOf(live) : undefined;
    },

    async getSeries(organizer, eventId) {
      try {
        const event = await withMailbox(organizer, () =>
          client
            .api(`${user(organizer)}/events/${encodeURIComponent(eventId)}`)
            .select('id,iCalUId,isCancelled,onlineMeeting,attendees')
            .get(),
        );
        return seriesOf(readReply('reading an event', eventWire, event));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },

    async instances(organizer, eventId, start, end) {
      const out: SeriesOccurrence[] = [];
      const call = 'listing instances';
      let page = readReply(
        call,
        instancePageWire,
        await withMailbox(organizer, () =>
          client
            .api(`${user(organizer)}/events/${encodeURIComponent(eventId)}/instances`)
            .query({ startDateTime: start.toISOString(), endDateTime: end.toISOString() })
            .select('id,start,end,type,isCancelled')
            .header('Prefer', `${PREFER_IMMUTABLE_ID}, outlook.timezone="UTC"`)
            .get(),
        ),
      );
      for (;;) {
        for (const o of page.value) out.push(occurrenceOf(call, o));
        const next = page['@odata.nextLink'];
        if (!next) break;
        page = readReply(
          call,
          instancePageWire,
          await withMailbox(organizer, () =>
            client
              .api(next)
              .header('Prefer', `${PREFER_IMMUTABLE_ID}, outlook.timezone="UTC"`)
              .get(),
          ),
        );
      }
      // Graph does not order instances by date.
      return out.sort((a, b) => a.start.localeCompare(b.start));
    },

    async moveOccurrence(organizer, occurrenceId, start, end) {
      try {
        await withMailbox(organizer, () =>
          client
            .api(`${user(organizer)}/events/${encodeURIComponent(occurrenceId)}`)
            .patch({ start: utc(start), end: utc(end) }),
        );
      } catch (error) {
        // https://learn.microsoft.com/graph/api/event-update: 400 ErrorOccurrenceCrossingBoundary.
        if (
          error instanceof GraphError &&
          error.statusCode === 400 &&
          error.code === 'ErrorOccurrenceCrossingBoundary'
        ) {
          throw new OccurrenceBoundaryError();
        }
        throw error;
      }
    },

    async cancel(organizer, eventId, comment) {
      try {
        await withMailbox(organizer, () =>
          client
            .api(`${user(organizer)}/events/${encodeURIComponent(eventId)}/cancel`)
            .post({ comment }),
        );
      } catch (error) {
        // Already cancelled (or deleted in Outlook): the item is gone, which is what was asked.
        // https://learn.microsoft.com/graph/api/event-cancel moves it to Deleted Items.
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
