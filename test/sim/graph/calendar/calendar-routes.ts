import type { SimBusyBlock } from '../../org/organisation';
import type { SimContext, SimMailboxOwner } from '../context';
import { GraphError, type GraphRequest, type GraphResponse, type GraphRoute } from '../router';
import {
  type AttendeeReply,
  type CalendarItem,
  CalendarStore,
  OUT_OF_SCOPE_SCHEDULE_MODES,
  type TransactionIdMode,
} from './calendar-store';
import { DAY_MS, ianaZone, instantOf, parseQueryInstant, utcToWall } from './zones';

/**
 * Microsoft Graph's calendar routes over the calendar store: events CRUD, instances, calendarView
 * (paged), cancel, accept/decline, getSchedule and findMeetingTimes, with the permissions Graph's
 * permission tables list and Graph's `@odata.context`, paging and `Prefer` behaviour.
 */

const READ = {
  application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  delegated: [
    'Calendars.ReadBasic',
    'Calendars.Read',
    'Calendars.ReadWrite',
    'Calendars.Read.Shared',
    'Calendars.ReadWrite.Shared',
  ],
} as const;
const WRITE = {
  application: ['Calendars.ReadWrite'],
  delegated: ['Calendars.ReadWrite', 'Calendars.ReadWrite.Shared'],
} as const;
/** calendar-getschedule: ReadBasic is the least privilege, delegated and application alike. */
const SCHEDULE = {
  application: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  delegated: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
} as const;
/** user-findmeetingtimes: delegated only. */
const FIND_MEETING_TIMES = {
  application: [],
  delegated: ['Calendars.Read.Shared', 'Calendars.ReadWrite.Shared'],
} as const;
/** Graph pages events, calendarView and instances 10 at a time unless asked otherwise. */
const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

function context(root: string, what: string): string {
  return `${root}/$metadata#${what}`;
}

function preferences(request: GraphRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.prefer ?? '').split(',')) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    const value =
      at < 0
        ? ''
        : part
            .slice(at + 1)
            .trim()
            .replace(/^"|"$/g, '');
    if (key) out.set(key, value);
  }
  return out;
}

/** `Prefer: outlook.timezone="…"`: the zone reads are written in (UTC otherwise). */
function preferredZone(request: GraphRequest): string | undefined {
  const zone = preferences(request).get('outlook.timezone');
  if (!zone) return undefined;
  ianaZone(zone);
  return zone;
}

function zoneHeaders(zone: string | undefined): Record<string, string> {
  return zone ? { 'Preference-Applied': `outlook.timezone="${zone}"` } : {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function select(request: GraphRequest, event: Record<string, unknown>): Record<string, unknown> {
  const wanted = request.query.get('$select');
  if (!wanted) return event;
  const out: Record<string, unknown> = { '@odata.etag': event['@odata.etag'], id: event.id };
  for (const name of wanted
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!(name in event)) {
      throw new GraphError(
        400,
        'RequestBroker--ParseUri',
        `Could not find a property named '${name}' on type 'microsoft.graph.event'.`,
      );
    }
    out[name] = event[name];
  }
  return out;
}

function pageSize(request: GraphRequest): { size: number; fromPrefer: boolean } {
  const top = request.query.get('$top');
  if (top !== null) {
    const n = Number(top);
    if (!Number.isInteger(n) || n < 0) {
      throw new GraphError(400, 'BadRequest', `Invalid value '${top}' for $top query option.`);
    }
    return { size: Math.min(n, MAX_PAGE), fromPrefer: false };
  }
  const wanted = Number(preferences(request).get('odata.maxpagesize'));
  if (Number.isInteger(wanted) && wanted > 0) {
    return { size: Math.min(wanted, MAX_PAGE), fromPrefer: true };
  }
  return { size: DEFAULT_PAGE, fromPrefer: false };
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** A page of a collection, with `@odata.nextLink` carrying `$skip` as Graph's calendar links do. */
function page(
  request: GraphRequest,
  root: string,
  what: string,
  rendered: Record<string, unknown>[],
  extraHeaders: Record<string, string>,
): GraphResponse {
  const skip = Number(request.query.get('$skip') ?? 0);
  if (!Number.isInteger(skip) || skip < 0) {
    throw new GraphError(400, 'BadRequest', `Invalid value for $skip query option.`);
  }
  const { size, fromPrefer } = pageSize(request);
  const slice = rendered.slice(skip, skip + size);
  const body: Record<string, unknown> = { '@odata.context': context(root, what), value: slice };
  if (skip + size < rendered.length) {
    const query = new URLSearchParams(request.query);
    query.set('$skip', String(skip + size));
    // Graph writes the system query options with a literal '$'.
    body['@odata.nextLink'] =
      `${root}${encodePath(request.path)}?${query.toString().replaceAll('%24', '$')}`;
  }
  const headers = { ...extraHeaders };
  if (fromPrefer) {
    headers['Preference-Applied'] = [headers['Preference-Applied'], `odata.maxpagesize=${size}`]
      .filter(Boolean)
      .join(', ');
  }
  return { status: 200, headers, body };
}

function requiredWindow(request: GraphRequest): { from: number; to: number } {
  const start = request.query.get('startDateTime') ?? request.query.get('StartDateTime');
  const end = request.query.get('endDateTime') ?? request.query.get('EndDateTime');
  if (!start || !end) {
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  const from = parseQueryInstant(start, 'startDateTime');
  const to = parseQueryInstant(end, 'endDateTime');
  if (to < from) {
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'The end of the time window is before its start.',
    );
  }
  return { from, to };
}

/**
 * `$filter=singleValueExtendedProperties/Any(ep: ep/id eq '{id}' and ep/value eq '{value}')`, the
 * form https://learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get documents.
 */
function extendedPropertyFilter(request: GraphRequest): { id: string; value: string } | undefined {
  const source = request.query.get('$filter');
  if (!source) return undefined;
  const m =
    /^\s*singleValueExtendedProperties\/Any\(\s*(\w+)\s*:\s*\1\/id\s+eq\s+'((?:[^']|'')*)'\s+and\s+\1\/value\s+eq\s+'((?:[^']|'')*)'\s*\)\s*$/i.exec(
      source,
    );
  if (!m) return undefined;
  return { id: m[2]!.replaceAll("''", "'"), value: m[3]!.replaceAll("''", "'") };
}

/** `$filter` on the events list: `eq` on a few properties joined with `and` (what callers use). */
function filterEvents(request: GraphRequest, events: Record<string, unknown>[]) {
  const source = request.query.get('$filter');
  if (!source) return events;
  const clauses = source.split(/\s+and\s+/i).map((clause) => {
    const m =
      /^\s*(transactionId|iCalUId|subject|type|isCancelled|seriesMasterId)\s+eq\s+('(?:[^']|'')*'|true|false|null)\s*$/i.exec(
        clause,
      );
    if (!m) {
      throw new GraphError(
        400,
        'ErrorInvalidUrlQueryFilter',
        `The query filter '${source}' is not supported by the simulator.`,
      );
    }
    const raw = m[2]!;
    const value = raw.startsWith("'")
      ? raw.slice(1, -1).replaceAll("''", "'")
      : raw === 'null'
        ? null
        : raw === 'true';
    const key = m[1]!;
    const property = [
      'transactionId',
      'iCalUId',
      'subject',
      'type',
      'isCancelled',
      'seriesMasterId',
    ].find((p) => p.toLowerCase() === key.toLowerCase())!;
    return { property, value };
  });
  return events.filter((event) => clauses.every((c) => event[c.property] === c.value));
}

function parseDuration(text: unknown): number {
  if (text == null) return 30 * 60_000;
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(String(text));
  if (!m || String(text) === 'P' || String(text).endsWith('T')) {
    throw new GraphError(400, 'ErrorInvalidRequest', `'${String(text)}' is not a valid duration.`);
  }
  const [, d = '0', h = '0', min = '0', s = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(s) * 1000;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function minutesOf(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** Whether [start, end) lies inside one of the person's working days and hours. */
function insideWorkingHours(person: SimMailboxOwner, start: number, end: number): boolean {
  const hours = person.mailboxSettings.workingHours;
  const zone = ianaZone(hours.timeZone.name || person.mailboxSettings.timeZone);
  const wallStart = utcToWall(start, zone);
  const wallEnd = utcToWall(end, zone);
  const day = Math.floor(wallStart / DAY_MS);
  if (Math.floor((wallEnd - 1) / DAY_MS) !== day) return false;
  const weekday = WEEKDAYS[(((day + 4) % 7) + 7) % 7]!;
  if (!hours.daysOfWeek.map((d) => d.toLowerCase()).includes(weekday)) return false;
  const from = (wallStart - day * DAY_MS) / 60_000;
  const to = (wallEnd - day * DAY_MS) / 60_000;
  return from >= minutesOf(hours.startTime) && to <= minutesOf(hours.endTime);
}

export interface CalendarRouteOptions {
  /** `https://localhost:port/v1.0`: Graph's links are absolute. */
  serviceRoot?: () => string;
}

/** The calendar routes for the Graph simulator's server. */
export function calendarRoutes(
  store: CalendarStore,
  ctx: SimContext,
  options: CalendarRouteOptions = {},
): GraphRoute[] {
  const root = () => options.serviceRoot?.() ?? 'https://graph.microsoft.com/v1.0';

  /** The mailbox a call addresses; a delegated caller reaches others' only with `.Shared`. */
  function mailbox(request: GraphRequest, id: string): SimMailboxOwner {
    const person = ctx.findUser(id);
    if (!person) {
      throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
    }
    const { caller } = request;
    if (caller.userId && caller.userId !== person.id) {
      if (!caller.scopes.some((s) => s.endsWith('.Shared'))) {
        throw new GraphError(
          403,
          'ErrorAccessDenied',
          'Access is denied. Check credentials and try again.',
        );
      }
    }
    return person;
  }

  const render = (item: CalendarItem, zone: string | undefined) => store.render(item, zone);

  const eventEntity = (id: string) =>
    context(root(), `users('${encodeURIComponent(id)}')/events/$entity`);

  const routes: GraphRoute[] = [];
  // One mailbox whether the URL names it by object id, UPN or mail: Outlook throttles the mailbox.
  const mailboxOf = (params: Readonly<Record<string, string>>) =>
    ctx.findUser(params.id!)?.id ?? params.id!;

  for (const base of ['/users/{id}/events', '/users/{id}/calendar/events']) {
    routes.push(
      {
        method: 'POST',
        pattern: base,
        permissions: WRITE,
        mailbox: mailboxOf,
        handler: (request, params) => {
          const person = mailbox(request, params.id!);
          const zone = preferredZone(request);
          const { item } = store.create(person.id, request.body);
          // A retried create with the same transactionId answers 201 with the first event.
          return {
            status: 201,
            headers: zoneHeaders(zone),
            body: { '@odata.context': eventEntity(params.id!), ...store.renderCreated(item, zone) },
          };
        },
      },
      {
        method: 'GET',
        pattern: base,
        permissions: READ,
        mailbox: mailboxOf,
        handler: (request, params) => {
          const person = mailbox(request, params.id!);
          const zone = preferredZone(request);
          const byProperty = extendedPropertyFilter(request);
          const events = byProperty
            ? store
                .list(person.id)
                .filter((item) => store.withExtendedProperty(item, byProperty.id, byProperty.value))
                .map((item) => render(item, zone))
            : filterEvents(
                request,
                store.list(person.id).map((item) => render(item, zone)),
              );
          const order = request.query.get('$orderby');
          if (order) {
            const [key = '', direction = 'asc'] = order.trim().split(/\s+/);
            const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
            const value = (e: Record<string, unknown>): string =>
              key === 'start/dateTime'
                ? String((e.start as { dateTime: string }).dateTime)
                : String(e[key] ?? '');
            events.sort((a, b) => sign * value(a).localeCompare(value(b)));
          }
          return page(
            request,
            root(),
            `users('${encodeURIComponent(params.id!)}')/events`,
            events.map((e) => select(request, e)),
            zoneHeaders(zone),
          );
        },
      },
      {
        method: 'GET',
        pattern: `${base}/{eventId}`,
        permissions: READ,
        mailbox: mailboxOf,
        handler: (request, params) => {
          const person = mailbox(request, params.id!);
          const zone = preferredZone(request);
          const item = store.find(person.id, params.eventId!);
          const event = render(item, zone);
          if (/exceptionOccurrences/.test(request.query.get('$expand') ?? '')) {
            event.exceptionOccurrences = store.exceptionItems(item).map((e) => render(e, zone));
          }
          return {
            status: 200,
            headers: zoneHeaders(zone),
            body: { '@odata.context': eventEntity(params.id!), ...select(request, event) },
          };
        },
      },
      {
        method: 'PATCH',
        pattern: `${base}/{eventId}`,
        permissions: WRITE,
        mailbox: mailboxOf,
        handler: (request, params) => {
          const person = mailbox(request, params.id!);
          const zone = preferredZone(request);
          const item = store.update(person.id, params.eventId!, request.body);
          return {
            status: 200,
            headers: zoneHeaders(zone),
            body: { '@odata.context': eventEntity(params.id!), ...render(item, zone) },
          };
        },
      },
      {
        method: 'DELETE',
        pattern: `${base}/{eventId}`,
        permissions: WRITE,
        mailbox: mailboxOf,
        handler: (request, params) => {
          store.remove(mailbox(request, params.id!).id, params.eventId!);
          return { status: 204 };
        },
      },
      {
        method: 'GET',
        pattern: `${base}/{eventId}/instances`,
        permissions: READ,
        mailbox: mailboxOf,
        handler: (request, params) => {
          const person = mailbox(request, params.id!);
          const { from, to } = requiredWindow(request);
          const zone = preferredZone(request);
          const items = store.instances(person.id, params.eventId!, from, to);
          return page(
            request,
            root(),
            `users('${encodeURIComponent(params.id!)}')/events('${encodeURIComponent(params.eventId!)}')/instances`,
            items.map((item) => select(request, render(item, zone))),
            zoneHeaders(zone),
          );
        },
      },
      {
        method: 'POST',
        pattern: `${base}/{eventId}/cancel`,
        permissions: WRITE,
        mailbox: mailboxOf,
        handler: (request, params) => {
          const person = mailbox(request, params.id!);
          const comment = isRecord(request.body) ? request.body.comment : undefined;
          store.cancel(
            person.id,
            params.eventId!,
            typeof comment === 'string' ? comment : undefined,
          );
          return { status: 202 };
        },
      },
    );
    for (const [action, reply] of [
      ['accept', 'accepted'],
      ['decline', 'declined'],
      ['tentativelyAccept', 'tentativelyAccepted'],
    ] as const) {
      routes.push({
        method: 'POST',
        pattern: `${base}/{eventId}/${action}`,
        permissions: WRITE,
        mailbox: mailboxOf,
        handler: (request, params) => {
          const person = mailbox(request, params.id!);
          const comment = isRecord(request.body) ? request.body.comment : undefined;
          store.respond(
            person.id,
            params.eventId!,
            reply as AttendeeReply,
            typeof comment === 'string' ? comment : undefined,
          );
          return { status: 202 };
        },
      });
    }
  }

  for (const pattern of ['/users/{id}/calendarView', '/users/{id}/calendar/calendarView']) {
    routes.push({
      method: 'GET',
      pattern,
      permissions: READ,
      mailbox: mailboxOf,
      handler: (request, params) => {
        const person = mailbox(request, params.id!);
        const { from, to } = requiredWindow(request);
        const zone = preferredZone(request);
        const items = store.calendarView(person.id, from, to);
        return page(
          request,
          root(),
          `users('${encodeURIComponent(params.id!)}')/calendarView`,
          items.map((item) => select(request, render(item, zone))),
          zoneHeaders(zone),
        );
      },
    });
  }

  routes.push(
    {
      method: 'GET',
      pattern: '/users/{id}/calendar',
      permissions: READ,
      mailbox: mailboxOf,
      handler: (request, params) => {
        const person = mailbox(request, params.id!);
        const calendarId = `AAMkADcal${Buffer.from(person.id).toString('hex').slice(0, 32)}`;
        const calendar: Record<string, unknown> = {
          id: calendarId,
          name: 'Calendar',
          color: 'auto',
          hexColor: '',
          isDefaultCalendar: true,
          changeKey: Buffer.from(calendarId).toString('base64').slice(0, 24),
          canShare: true,
          canViewPrivateItems: true,
          canEdit: true,
          allowedOnlineMeetingProviders: store.allowedOnlineMeetingProviders(person.id),
          defaultOnlineMeetingProvider: store
            .allowedOnlineMeetingProviders(person.id)
            .includes('teamsForBusiness')
            ? 'teamsForBusiness'
            : 'unknown',
          isTallyingResponses: true,
          isRemovable: false,
          owner: { name: person.displayName, address: person.mail },
        };
        const wanted = request.query.get('$select');
        const body: Record<string, unknown> = {
          '@odata.context': context(
            root(),
            `users('${encodeURIComponent(params.id!)}')/calendar/$entity`,
          ),
        };
        const names = wanted
          ? ['id', ...wanted.split(',').map((s) => s.trim())]
          : Object.keys(calendar);
        for (const name of names) {
          if (!(name in calendar)) {
            throw new GraphError(
              400,
              'RequestBroker--ParseUri',
              `Could not find a property named '${name}' on type 'microsoft.graph.calendar'.`,
            );
          }
          body[name] = calendar[name];
        }
        return { status: 200, body };
      },
    },
    {
      method: 'POST',
      pattern: '/users/{id}/calendar/getSchedule',
      permissions: SCHEDULE,
      mailbox: mailboxOf,
      handler: (request, params) => {
        mailbox(request, params.id!);
        const body = request.body;
        if (!isRecord(body) || !Array.isArray(body.schedules)) {
          throw new GraphError(400, 'ErrorInvalidParameter', 'schedules is required.');
        }
        if (!isRecord(body.startTime) || !isRecord(body.endTime)) {
          throw new GraphError(400, 'ErrorInvalidParameter', 'startTime and endTime are required.');
        }
        const zone = preferredZone(request);
        const from = instantOf(body.startTime as never);
        const to = instantOf(body.endTime as never);
        const interval =
          body.availabilityViewInterval == null ? 30 : Number(body.availabilityViewInterval);
        const { caller } = request;
        // An app scoped by Exchange RBAC reaches the organiser's mailbox, not those it asks about.
        const reaches = (mailboxId: string) =>
          caller.userId !== undefined ||
          (ctx.appReaches?.(caller, SCHEDULE.application, mailboxId) ??
            SCHEDULE.application.some((p) => caller.roles.includes(p)));
        const value = store.getSchedule(
          body.schedules.map(String),
          from,
          to,
          interval,
          zone ?? 'UTC',
          reaches,
        );
        return {
          status: 200,
          headers: zoneHeaders(zone),
          body: {
            '@odata.context': context(root(), 'Collection(microsoft.graph.scheduleInformation)'),
            value,
          },
        };
      },
    },
    {
      method: 'POST',
      pattern: '/users/{id}/findMeetingTimes',
      permissions: FIND_MEETING_TIMES,
      mailbox: mailboxOf,
      handler: (request, params) => {
        const organizer = mailbox(request, params.id!);
        const zone = preferredZone(request) ?? 'UTC';
        const result = findMeetingTimes(store, ctx, organizer, request.body, zone);
        return {
          status: 200,
          body: {
            '@odata.context': context(root(), 'microsoft.graph.meetingTimeSuggestionsResult'),
            ...result,
          },
        };
      },
    },
  );
  return routes;
}

/**
 * findMeetingTimes, simply: half-hour steps through the asked time slots (default: the next two
 * days), keeping those where the organizer and every attendee are free and, for work meetings,
 * inside the organizer's working hours; shape as user-findmeetingtimes documents it.
 */
export function findMeetingTimes(
  store: CalendarStore,
  ctx: SimContext,
  organizer: SimMailboxOwner,
  body: unknown,
  zone: string,
) {
  const input = isRecord(body) ? body : {};
  const duration = parseDuration(input.meetingDuration);
  const maxCandidates = Number.isInteger(input.maxCandidates)
    ? (input.maxCandidates as number)
    : 20;
  const constraint = isRecord(input.timeConstraint) ? input.timeConstraint : {};
  const domain = String(constraint.activityDomain ?? 'work');
  const now = ctx.now().getTime();
  const slots = Array.isArray(constraint.timeSlots)
    ? constraint.timeSlots.map((slot) => {
        if (!isRecord(slot) || !isRecord(slot.start) || !isRecord(slot.end)) {
          throw new GraphError(
            400,
            'ErrorInvalidRequest',
            'Every time slot needs a start and an end.',
          );
        }
        return { from: instantOf(slot.start as never), to: instantOf(slot.end as never) };
      })
    : [{ from: now, to: now + 2 * DAY_MS }];
  const attendees = (Array.isArray(input.attendees) ? input.attendees : []).map((a) => {
    const email = isRecord(a) && isRecord(a.emailAddress) ? a.emailAddress : {};
    const address = String(email.address ?? '');
    return {
      type: isRecord(a) && typeof a.type === 'string' ? a.type : 'required',
      address,
      person: ctx.findUser(address),
    };
  });
  const step = 30 * 60_000;
  const suggestions: Record<string, unknown>[] = [];
  for (const slot of slots) {
    for (
      let start = Math.ceil(slot.from / step) * step;
      start + duration <= slot.to;
      start += step
    ) {
      if (suggestions.length >= maxCandidates) break;
      const end = start + duration;
      if (domain === 'work' && !insideWorkingHours(organizer, start, end)) continue;
      if (store.availability(organizer.id, start, end) !== 'free') continue;
      const availability = attendees.map((a) => ({
        attendee: { type: a.type, emailAddress: { address: a.address } },
        availability: a.person ? store.availability(a.person.id, start, end) : 'unknown',
      }));
      if (availability.some((a) => a.availability !== 'free')) continue;
      suggestions.push({
        confidence: 100,
        organizerAvailability: 'free',
        suggestionReason:
          'Suggested because it is one of the nearest times when all attendees are available.',
        meetingTimeSlot: {
          start: { dateTime: formatIn(start, zone), timeZone: zone },
          end: { dateTime: formatIn(end, zone), timeZone: zone },
        },
        attendeeAvailability: availability,
        locations: [],
      });
    }
  }
  suggestions.forEach((s, i) => {
    s.order = i + 1;
  });
  return {
    emptySuggestionsReason:
      suggestions.length > 0
        ? ''
        : attendees.length > 0
          ? 'attendeesUnavailable'
          : 'organizerUnavailable',
    meetingTimeSuggestions: suggestions,
  };
}

function formatIn(at: number, zone: string): string {
  return `${new Date(utcToWall(at, ianaZone(zone))).toISOString().slice(0, 19)}.0000000`;
}

/**
 * Control endpoints for the server's `control` hook: tests play an attendee
 * (`POST /_sim/calendar/respond {userId, eventId, response, comment?}`), load busy blocks
 * (`POST /_sim/calendar/seed [SimBusyBlock…]`), turn Teams off for a mailbox
 * (`PUT /_sim/calendar/{userId}/onlineMeetingProviders ["…"]`) and make a mailbox's getSchedule
 * serve its zone as a customTimeZone (`PUT /_sim/calendar/{userId}/customTimeZone true|false`),
 * and choose what a repeated transactionId does
 * (`PUT /_sim/calendar/transactionIdMode "dedupe"|"noDedupe"|"rejectRepeat"`) and whether
 * getSchedule's statuses come capitalised (`PUT /_sim/calendar/capitalisedStatuses true|false`)
 * and what it gives for people outside the app's mailbox scope
 * (`PUT /_sim/calendar/outOfScopeSchedules "freeBusy"|"error"`).
 */
export function calendarControl(store: CalendarStore) {
  return (method: string, path: string, body: unknown): GraphResponse | undefined => {
    try {
      if (method === 'POST' && path === '/_sim/calendar/respond') {
        const b = isRecord(body) ? body : {};
        const response = String(b.response);
        if (!['accepted', 'declined', 'tentativelyAccepted'].includes(response)) {
          return {
            status: 400,
            body: { error: 'response must be accepted, declined or tentativelyAccepted' },
          };
        }
        const item = store.respond(
          String(b.userId),
          String(b.eventId),
          response as AttendeeReply,
          typeof b.comment === 'string' ? b.comment : undefined,
        );
        return { status: 200, body: store.render(item) };
      }
      if (method === 'POST' && path === '/_sim/calendar/seed') {
        const blocks = Array.isArray(body) ? body : [];
        store.seed(blocks as never);
        return { status: 200, body: { seeded: blocks.length } };
      }
      if (method === 'PUT' && path === '/_sim/calendar/transactionIdMode') {
        const modes: TransactionIdMode[] = ['dedupe', 'noDedupe', 'rejectRepeat'];
        const mode = modes.find((m) => m === body);
        if (!mode)
          return { status: 400, body: { error: `mode must be one of ${modes.join(', ')}` } };
        store.transactionIdMode = mode;
        return { status: 204 };
      }
      if (method === 'PUT' && path === '/_sim/calendar/outOfScopeSchedules') {
        const mode = OUT_OF_SCOPE_SCHEDULE_MODES.find((m) => m === body);
        if (!mode) {
          return {
            status: 400,
            body: { error: `mode must be one of ${OUT_OF_SCOPE_SCHEDULE_MODES.join(', ')}` },
          };
        }
        store.outOfScopeSchedules = mode;
        return { status: 204 };
      }
      if (method === 'PUT' && path === '/_sim/calendar/capitalisedStatuses') {
        store.capitalisedStatuses = body === true;
        return { status: 204 };
      }
      const custom = /^\/_sim\/calendar\/([^/]+)\/customTimeZone$/.exec(path)?.[1];
      if (custom && method === 'PUT') {
        store.serveCustomTimeZone(decodeURIComponent(custom), body !== false);
        return { status: 204 };
      }
      const providers = /^\/_sim\/calendar\/([^/]+)\/onlineMeetingProviders$/.exec(path)?.[1];
      if (providers && method === 'PUT') {
        store.setAllowedOnlineMeetingProviders(
          decodeURIComponent(providers),
          (Array.isArray(body) ? body : []).map(String),
        );
        return { status: 204 };
      }
    } catch (error) {
      if (error instanceof GraphError) {
        return {
          status: error.status,
          body: { error: { code: error.code, message: error.message } },
        };
      }
      throw error;
    }
    return undefined;
  };
}

/**
 * Everything the Graph simulator needs for calendars, for `startGraphSimulator({ extraRoutes })`
 * and the server's `control` hook: the store (seeded with the demo's busy blocks), its routes and
 * its control endpoints.
 */
export function simCalendars(
  ctx: SimContext,
  serviceRoot: () => string,
  blocks: readonly SimBusyBlock[] = [],
) {
  const store = new CalendarStore(ctx);
  store.seed(blocks);
  return {
    store,
    routes: calendarRoutes(store, ctx, { serviceRoot }),
    control: calendarControl(store),
  };
}
