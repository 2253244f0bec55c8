import { describe, expect, it } from 'vitest';
import { simCalendars } from '../../../sim/graph/calendar/calendar-routes';
import {
  createRouter,
  type GraphCaller,
  GraphError,
  type GraphResponse,
} from '../../../sim/graph/router';
import { ANA, fortnightlySeries, LUIS, TANDEM, testTenant } from './test-tenant';

const ROOT = 'https://localhost:8443/v1.0';
const APP: GraphCaller = { appId: 'tandem', roles: ['Calendars.ReadWrite'], scopes: [] };

/** Calls a calendar route as the server would, answering Graph errors as status and code. */
function graph(caller: GraphCaller = APP) {
  const tenant = testTenant();
  const calendars = simCalendars(tenant, () => ROOT);
  const router = createRouter(calendars.routes);
  async function call(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
    as: GraphCaller = caller,
  ): Promise<GraphResponse & { code?: string }> {
    const parsed = new URL(url, 'https://localhost');
    const path = parsed.pathname.split('/').map(decodeURIComponent).join('/');
    const matched = router.match(method, path);
    if (typeof matched === 'string') throw new Error(`${matched}: ${method} ${path}`);
    const { route, params } = matched;
    const granted = as.userId ? as.scopes : as.roles;
    const allowed = as.userId ? route.permissions.delegated : route.permissions.application;
    if (!granted.some((p) => allowed.includes(p))) {
      return { status: 403, code: 'Authorization_RequestDenied' };
    }
    try {
      return await route.handler(
        {
          method,
          path,
          query: parsed.searchParams,
          headers: Object.fromEntries(
            Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
          ),
          body,
          caller: as,
          requestId: 'r-1',
        },
        params,
      );
    } catch (error) {
      if (error instanceof GraphError) return { status: error.status, code: error.code };
      throw error;
    }
  }
  return { call, tenant, calendars };
}

type Page = {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  '@odata.context': string;
};

describe('calendar routes', () => {
  it('creates with 201 and @odata.context, and answers a repeated transactionId with the same event', async () => {
    const { call } = graph();
    const first = await call('POST', `/users/${TANDEM.mail}/events`, fortnightlySeries());
    expect(first.status).toBe(201);
    const event = first.body as Record<string, unknown>;
    expect(event['@odata.context']).toBe(
      `${ROOT}/$metadata#users('${encodeURIComponent(TANDEM.mail)}')/events/$entity`,
    );
    const again = await call('POST', `/users/${TANDEM.id}/calendar/events`, fortnightlySeries());
    expect(again.status).toBe(201);
    expect((again.body as { id: string }).id).toBe(event.id);
  });

  it('pages calendarView 10 at a time by default and as Prefer odata.maxpagesize asks', async () => {
    const { call } = graph();
    await call('POST', `/users/${TANDEM.id}/events`, fortnightlySeries());
    const window = 'startDateTime=2026-01-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z';
    const whole = (await call('GET', `/users/${ANA.id}/calendarView?${window}`)).body as Page;
    expect(whole.value).toHaveLength(10);
    expect(whole['@odata.nextLink']).toBeUndefined();

    const first = await call('GET', `/users/${ANA.id}/calendarView?${window}`, undefined, {
      Prefer: 'odata.maxpagesize=4',
    });
    expect(first.headers?.['Preference-Applied']).toContain('odata.maxpagesize=4');
    const pages: Page[] = [first.body as Page];
    while (pages.at(-1)!['@odata.nextLink']) {
      const next = pages.at(-1)!['@odata.nextLink']!;
      expect(next.startsWith(ROOT)).toBe(true);
      const response = await call('GET', next.slice(ROOT.length), undefined, {
        Prefer: 'odata.maxpagesize=4',
      });
      pages.push(response.body as Page);
    }
    expect(pages.map((p) => p.value.length)).toEqual([4, 4, 2]);
    const ids = pages.flatMap((p) => p.value.map((e) => e.id));
    expect(new Set(ids).size).toBe(10);
  });

  it('requires startDateTime and endDateTime on calendarView and instances (400)', async () => {
    const { call } = graph();
    const created = await call('POST', `/users/${TANDEM.id}/events`, fortnightlySeries());
    const id = (created.body as { id: string }).id;
    const view = await call('GET', `/users/${TANDEM.id}/calendarView?startDateTime=2026-01-01`);
    expect([view.status, view.code]).toEqual([400, 'ErrorInvalidParameter']);
    const instances = await call('GET', `/users/${TANDEM.id}/events/${id}/instances`);
    expect([instances.status, instances.code]).toEqual([400, 'ErrorInvalidParameter']);
  });

  it('writes times in the zone Prefer outlook.timezone names, and selects properties', async () => {
    const { call } = graph();
    const created = await call('POST', `/users/${TANDEM.id}/events`, fortnightlySeries());
    const id = (created.body as { id: string }).id;
    const response = await call(
      'GET',
      `/users/${LUIS.mail}/calendarView?startDateTime=2026-04-01T00:00:00Z&endDateTime=2026-04-30T00:00:00Z&$select=start,type`,
      undefined,
      { Prefer: 'outlook.timezone="Central Standard Time (Mexico)"' },
    );
    const page = response.body as Page;
    expect(response.headers?.['Preference-Applied']).toBe(
      'outlook.timezone="Central Standard Time (Mexico)"',
    );
    expect(page.value.map((e) => Object.keys(e).sort())).toEqual([
      ['@odata.etag', 'id', 'start', 'type'],
      ['@odata.etag', 'id', 'start', 'type'],
    ]);
    expect(page.value.map((e) => e.start)).toEqual([
      { dateTime: '2026-04-14T02:00:00.0000000', timeZone: 'Central Standard Time (Mexico)' },
      { dateTime: '2026-04-28T02:00:00.0000000', timeZone: 'Central Standard Time (Mexico)' },
    ]);
    const master = await call('GET', `/users/${TANDEM.id}/events/${id}?$select=nonsense`);
    expect(master.status).toBe(400);
  });

  it('cancels with 202, answers with 202 and refuses an unknown mailbox with 404', async () => {
    const { call } = graph();
    const created = await call('POST', `/users/${TANDEM.id}/events`, fortnightlySeries());
    const id = (created.body as { id: string }).id;
    const anaCopy = ((await call('GET', `/users/${ANA.id}/events`)).body as Page).value[0]!
      .id as string;
    expect(
      (await call('POST', `/users/${ANA.id}/events/${anaCopy}/accept`, { comment: 'Sí' })).status,
    ).toBe(202);
    const read = (await call('GET', `/users/${TANDEM.id}/events/${id}`)).body as {
      attendees: { emailAddress: { address: string }; status: { response: string } }[];
    };
    expect(read.attendees.find((a) => a.emailAddress.address === ANA.mail)?.status.response).toBe(
      'accepted',
    );
    const attendeeCancel = await call('POST', `/users/${ANA.id}/events/${anaCopy}/cancel`, {});
    expect([attendeeCancel.status, attendeeCancel.code]).toEqual([400, 'ErrorAccessDenied']);
    expect(
      (await call('POST', `/users/${TANDEM.id}/events/${id}/cancel`, { comment: 'Fin' })).status,
    ).toBe(202);
    const unknown = await call('GET', '/users/nadie@contoso.test/events');
    expect(unknown.status).toBe(404);
  });

  it('keeps findMeetingTimes delegated-only and a delegated caller inside their own mailbox', async () => {
    const delegated: GraphCaller = {
      appId: 'tab',
      userId: ANA.id,
      roles: [],
      scopes: ['Calendars.ReadWrite'],
    };
    const { call } = graph(delegated);
    const app = await call('POST', `/users/${ANA.id}/findMeetingTimes`, {}, {}, APP);
    expect(app.status).toBe(403);
    const others = await call('GET', `/users/${LUIS.id}/events`);
    expect([others.status, others.code]).toEqual([403, 'ErrorAccessDenied']);
    const shared = { ...delegated, scopes: ['Calendars.Read.Shared'] };
    // The pair's first session, 09:00–10:00 UTC on 3 March, is still unanswered (tentative).
    await call('POST', `/users/${TANDEM.id}/events`, fortnightlySeries(), {}, APP);
    const found = await call(
      'POST',
      `/users/${ANA.id}/findMeetingTimes`,
      {
        attendees: [{ type: 'required', emailAddress: { address: LUIS.mail } }],
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [
            {
              start: { dateTime: '2026-03-03T08:00:00', timeZone: 'UTC' },
              end: { dateTime: '2026-03-03T12:00:00', timeZone: 'UTC' },
            },
          ],
        },
        meetingDuration: 'PT1H',
        maxCandidates: 3,
      },
      {},
      shared,
    );
    expect(found.status).toBe(200);
    const result = found.body as {
      emptySuggestionsReason: string;
      meetingTimeSuggestions: {
        order: number;
        confidence: number;
        meetingTimeSlot: { start: { dateTime: string } };
        attendeeAvailability: { availability: string }[];
      }[];
    };
    expect(result.emptySuggestionsReason).toBe('');
    // Ana works from 09:00 Madrid (08:00 UTC in winter); both are held 09:00–10:00 UTC.
    expect(
      result.meetingTimeSuggestions.map((s) => [s.order, s.meetingTimeSlot.start.dateTime]),
    ).toEqual([
      [1, '2026-03-03T08:00:00.0000000'],
      [2, '2026-03-03T10:00:00.0000000'],
      [3, '2026-03-03T10:30:00.0000000'],
    ]);
    expect(result.meetingTimeSuggestions[0]?.attendeeAvailability[0]?.availability).toBe('free');
  });

  it('throttles one mailbox whether the URL names it by object id, UPN or mail', () => {
    const { calendars } = graph();
    const keys = calendars.routes.map((route) => route.mailbox?.({ id: TANDEM.mail }, undefined));
    expect(new Set(keys)).toEqual(new Set([TANDEM.id]));
  });

  it('plays an attendee through the control endpoint knowing only the organizer’s event id', async () => {
    const { call, calendars } = graph();
    const created = await call('POST', `/users/${TANDEM.id}/events`, fortnightlySeries());
    const id = (created.body as { id: string }).id;
    const answer = calendars.control('POST', '/_sim/calendar/respond', {
      userId: LUIS.mail,
      eventId: id,
      response: 'declined',
    });
    expect(answer?.status).toBe(200);
    const read = (await call('GET', `/users/${TANDEM.id}/events/${id}`)).body as {
      attendees: { emailAddress: { address: string }; status: { response: string } }[];
    };
    expect(read.attendees.find((a) => a.emailAddress.address === LUIS.mail)?.status.response).toBe(
      'declined',
    );
    expect(calendars.control('GET', '/_sim/elsewhere', undefined)).toBeUndefined();
  });
});
