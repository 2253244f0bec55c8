import { describe, expect, it } from 'vitest';
import {
  eventWire,
  GraphReplyError,
  instancePageWire,
  occurrenceOf,
  readReply,
  seriesOf,
} from './event-wire';

const event = {
  id: 'AAMk=',
  iCalUId: '040000008200E0',
  isCancelled: false,
  onlineMeeting: { joinUrl: 'https://teams.microsoft.com/l/meetup-join/x' },
  attendees: [
    {
      emailAddress: { address: 'Ana@Contoso.com', name: 'Ana' },
      status: { response: 'accepted', time: '2026-03-01T10:00:00Z' },
    },
    {
      emailAddress: { address: 'luis@contoso.com' },
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
    },
  ],
};

describe("Graph's event replies", () => {
  it('reads an event as the port’s series, addresses lower-cased', () => {
    expect(seriesOf(readReply('reading an event', eventWire, event))).toEqual({
      eventId: 'AAMk=',
      iCalUId: '040000008200E0',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      isCancelled: false,
      attendees: [
        { address: 'ana@contoso.com', response: 'accepted', time: '2026-03-01T10:00:00Z' },
        { address: 'luis@contoso.com', response: 'none', time: null },
      ],
    });
  });

  it('reads a response value added to the enum later as none, and missing parts as empty', () => {
    const later = {
      id: 'e',
      iCalUId: 'u',
      onlineMeeting: null,
      attendees: [
        { emailAddress: { address: 'a@b.c' }, status: { response: 'unknownFutureValue' } },
      ],
    };
    const series = seriesOf(readReply('reading an event', eventWire, later));
    expect(series.attendees[0]?.response).toBe('none');
    expect(series.joinUrl).toBeNull();
    expect(series.isCancelled).toBe(false);
  });

  it('refuses a reply without the event’s ids, naming the call and the field', () => {
    const call = () => readReply('creating an event', eventWire, { iCalUId: 'u' });
    expect(call).toThrow(GraphReplyError);
    expect(call).toThrow(/creating an event.*id/);
    expect(() => readReply('reading an event', eventWire, 'Bad gateway')).toThrow(GraphReplyError);
  });

  it('reads instances in UTC with seven-digit fractions, and refuses another zone', () => {
    const page = readReply('listing instances', instancePageWire, {
      value: [
        {
          id: 'o1',
          type: 'exception',
          start: { dateTime: '2026-03-02T12:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2026-03-02T13:00:00.0000000', timeZone: 'UTC' },
        },
      ],
      '@odata.nextLink': null,
    });
    expect(page.value.map((o) => occurrenceOf('listing instances', o))).toEqual([
      {
        id: 'o1',
        start: '2026-03-02T12:00:00.000Z',
        end: '2026-03-02T13:00:00.000Z',
        type: 'exception',
        isCancelled: false,
      },
    ]);
    const madrid = {
      id: 'o2',
      start: { dateTime: '2026-03-02T12:00:00', timeZone: 'Romance Standard Time' },
      end: { dateTime: '2026-03-02T13:00:00', timeZone: 'Romance Standard Time' },
    };
    expect(() => occurrenceOf('listing instances', madrid)).toThrow(/expected UTC/);
    const garbled = { ...madrid, start: { dateTime: 'soon', timeZone: 'UTC' } };
    expect(() => occurrenceOf('listing instances', garbled)).toThrow(/not a time/);
  });
});
