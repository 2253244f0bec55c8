import type { Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { graphCalendar, PREFER_IMMUTABLE_ID } from './calendar';

/** A Graph client that records each request's path and Prefer header and answers from `reply`. */
function recordingClient(reply: (path: string) => unknown) {
  const sent: { path: string; prefer: string | undefined }[] = [];
  const client = {
    api(path: string) {
      const headers: Record<string, string> = {};
      const send = async () => {
        sent.push({ path, prefer: headers.Prefer });
        return reply(path);
      };
      const request = {
        header(name: string, value: string) {
          headers[name] = value;
          return request;
        },
        select: () => request,
        filter: () => request,
        query: () => request,
        get: send,
        post: send,
        patch: send,
      };
      return request;
    },
  };
  return { client: client as unknown as Client, sent };
}

const event = { id: 'e1', iCalUId: 'u1', attendees: [] };

describe('graphCalendar', () => {
  it('asks for immutable ids on every calendar call, beside the time zone where it asks one', async () => {
    const { client, sent } = recordingClient((path) => {
      if (path.endsWith('/getSchedule')) return { value: [] };
      if (path.endsWith('/calendar')) return { allowedOnlineMeetingProviders: [] };
      if (path.endsWith('/instances')) return { value: [] };
      if (path.endsWith('/events')) return { value: [], ...event };
      return event;
    });
    const calendar = graphCalendar(client);
    const from = new Date('2030-01-07T00:00:00Z');
    const to = new Date('2030-01-14T00:00:00Z');
    const time = new Date('2030-01-07T10:00:00Z');
    await calendar.availability('org@contoso.test', ['a@contoso.test'], from, to);
    await calendar.onlineMeetingProviders('org@contoso.test');
    await calendar.createSeries({
      organizer: 'org@contoso.test',
      subject: 's',
      bodyHtml: '<p>b</p>',
      weekly: {
        weekday: 'monday',
        intervalWeeks: 1,
        sessions: 1,
        firstDate: '2030-01-07',
        startTime: '10:00',
        endDate: '2030-01-07',
        endTime: '11:00',
        zone: 'UTC',
      },
      attendees: [],
      seriesKey: 'k',
    });
    await calendar.findSeries('org@contoso.test', 'k');
    await calendar.getSeries('org@contoso.test', 'e1');
    await calendar.instances('org@contoso.test', 'e1', from, to);
    await calendar.moveOccurrence('org@contoso.test', 'o1', time, time);
    await calendar.cancel('org@contoso.test', 'o1', 'fin');
    expect(sent).toHaveLength(8);
    for (const request of sent) {
      expect(request.prefer?.split(', ')).toContain(PREFER_IMMUTABLE_ID);
    }
    const instances = sent.find((r) => r.path.endsWith('/instances'))!;
    expect(instances.prefer).toBe(`${PREFER_IMMUTABLE_ID}, outlook.timezone="UTC"`);
  });
});
