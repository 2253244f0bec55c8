import { z } from 'zod';
import type { BookedSeries, ResponseStatus, SeriesOccurrence } from '../../ports/calendar';

/**
 * Graph's event replies in the port's plain values. Each reply is parsed, never cast: a reply
 * this adapter cannot read is a GraphReplyError naming the call, not a value with holes in it.
 *
 * - An event: `id`, `iCalUId`, `isCancelled`, `onlineMeeting.joinUrl`, `attendees`
 *   (https://learn.microsoft.com/en-us/graph/api/resources/event,
 *   https://learn.microsoft.com/en-us/graph/api/resources/onlinemeetinginfo).
 * - An attendee's `status` is a responseStatus: `response` one of none, organizer,
 *   tentativelyAccepted, accepted, declined, notResponded, and `time` a DateTimeOffset
 *   (https://learn.microsoft.com/en-us/graph/api/resources/responsestatus). Graph's enums are
 *   evolvable (https://learn.microsoft.com/en-us/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations):
 *   a value added later reads as `none`, which asks nobody to act on it. An unanswered
 *   invitation's time is `0001-01-01T00:00:00Z`, which reads as no time.
 * - Instances: `start` and `end` are dateTimeTimeZone, in UTC when asked with
 *   `Prefer: outlook.timezone="UTC"`; `type` is singleInstance, occurrence, exception or
 *   seriesMaster (https://learn.microsoft.com/en-us/graph/api/event-list-instances).
 * - Collections page with `@odata.nextLink` (https://learn.microsoft.com/en-us/graph/paging).
 */

export class GraphReplyError extends Error {
  constructor(call: string, detail: string) {
    super(`Microsoft Graph's reply to ${call} does not read: ${detail}`);
    this.name = 'GraphReplyError';
  }
}

const RESPONSES: readonly ResponseStatus[] = [
  'none',
  'organizer',
  'tentativelyAccepted',
  'accepted',
  'declined',
  'notResponded',
];

const attendeeWire = z.object({
  emailAddress: z.object({ address: z.string() }),
  status: z.object({ response: z.string().nullish(), time: z.string().nullish() }).nullish(),
});

export const eventWire = z.object({
  id: z.string().min(1),
  iCalUId: z.string().min(1),
  isCancelled: z.boolean().nullish(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  attendees: z.array(attendeeWire).nullish(),
});
export type EventWire = z.infer<typeof eventWire>;

export const eventPageWire = z.object({ value: z.array(eventWire) });

const dateTimeTimeZoneWire = z.object({ dateTime: z.string(), timeZone: z.string() });

const instanceWire = z.object({
  id: z.string().min(1),
  start: dateTimeTimeZoneWire,
  end: dateTimeTimeZoneWire,
  type: z.string().nullish(),
  isCancelled: z.boolean().nullish(),
});

export const instancePageWire = z.object({
  value: z.array(instanceWire),
  '@odata.nextLink': z.string().nullish(),
});

export const calendarProvidersWire = z.object({
  allowedOnlineMeetingProviders: z.array(z.string()).nullish(),
});

/** `schema` read from `reply`, or a GraphReplyError naming `call` and what did not read. */
export function readReply<T>(call: string, schema: z.ZodType<T>, reply: unknown): T {
  const parsed = schema.safeParse(reply);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(reply)'}: ${i.message}`);
  throw new GraphReplyError(call, issues.join('; '));
}

function response(value: string | null | undefined): ResponseStatus {
  return RESPONSES.find((known) => known === value) ?? 'none';
}

export function seriesOf(event: EventWire): BookedSeries {
  return {
    eventId: event.id,
    iCalUId: event.iCalUId,
    joinUrl: event.onlineMeeting?.joinUrl ?? null,
    isCancelled: event.isCancelled === true,
    attendees: (event.attendees ?? []).map((a) => ({
      address: a.emailAddress.address.toLowerCase(),
      response: response(a.status?.response),
      time: a.status?.time && !a.status.time.startsWith('0001') ? a.status.time : null,
    })),
  };
}

/** Graph writes UTC times as "2026-03-02T12:00:00.0000000" with the zone beside them. */
function toIso(call: string, value: { dateTime: string; timeZone: string }): string {
  if (value.timeZone.toUpperCase() !== 'UTC') {
    throw new GraphReplyError(call, `expected UTC times, got ${value.timeZone}`);
  }
  const instant = new Date(`${value.dateTime.replace(/(\.\d{3})\d*$/, '$1').replace(/Z$/, '')}Z`);
  if (Number.isNaN(instant.getTime())) {
    throw new GraphReplyError(call, `"${value.dateTime}" is not a time`);
  }
  return instant.toISOString();
}

export function occurrenceOf(
  call: string,
  instance: z.infer<typeof instanceWire>,
): SeriesOccurrence {
  return {
    id: instance.id,
    start: toIso(call, instance.start),
    end: toIso(call, instance.end),
    type: instance.type === 'exception' ? 'exception' : 'occurrence',
    isCancelled: instance.isCancelled === true,
  };
}
