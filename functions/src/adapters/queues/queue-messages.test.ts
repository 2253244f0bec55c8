import { describe, expect, it } from 'vitest';
import { BadQueueMessageError, bookingMessageSchema, readQueueMessage } from './booking-queue';
import { calendarChangeMessageSchema } from './calendar-change-queue';

describe('a queue message is read with its schema, never cast', () => {
  it('reads a booking message given as text or as the object Functions parsed', () => {
    expect(readQueueMessage('booking', bookingMessageSchema, '{"pairId":"p1"}')).toEqual({
      pairId: 'p1',
    });
    expect(readQueueMessage('booking', bookingMessageSchema, { pairId: 'p2' })).toEqual({
      pairId: 'p2',
    });
  });

  it('refuses a message that is not JSON, lacks the pair or names it with a number', () => {
    for (const bad of ['not json', '{}', { pairId: 42 }, { pairId: '' }, null]) {
      expect(() => readQueueMessage('booking', bookingMessageSchema, bad)).toThrow(
        BadQueueMessageError,
      );
    }
    expect(() => readQueueMessage('booking', bookingMessageSchema, {})).toThrow(
      /booking message .*pairId/,
    );
  });

  it('reads both kinds of calendar change and refuses an unknown kind or change type', () => {
    const change = { kind: 'change', subscriptionId: 's', changeType: 'updated', eventId: 'e' };
    const lifecycle = { kind: 'lifecycle', subscriptionId: 's', lifecycleEvent: 'missed' };
    expect(readQueueMessage('calendar-changes', calendarChangeMessageSchema, change)).toEqual(
      change,
    );
    expect(
      readQueueMessage('calendar-changes', calendarChangeMessageSchema, JSON.stringify(lifecycle)),
    ).toEqual(lifecycle);
    for (const bad of [
      { ...change, kind: 'other' },
      { ...change, changeType: 'moved' },
      { kind: 'lifecycle', subscriptionId: 's' },
    ]) {
      expect(() => readQueueMessage('calendar-changes', calendarChangeMessageSchema, bad)).toThrow(
        BadQueueMessageError,
      );
    }
  });
});
