import { describe, expect, it } from 'vitest';
import type { Booking } from '../../domain/booking/booking';
import { bookingFromStored } from './booking-table';

describe('bookingFromStored', () => {
  it('reads a plan stored as Graph’s event times and patternedRecurrence as the series it described', () => {
    const stored = {
      pairId: 'p1',
      plan: {
        start: { dateTime: '2026-01-12T23:30:00', timeZone: 'Romance Standard Time' },
        end: { dateTime: '2026-01-13T00:30:00', timeZone: 'Romance Standard Time' },
        recurrence: {
          pattern: {
            type: 'weekly',
            interval: 2,
            daysOfWeek: ['monday'],
            firstDayOfWeek: 'monday',
          },
          range: {
            type: 'numbered',
            startDate: '2026-01-12',
            numberOfOccurrences: 10,
            recurrenceTimeZone: 'Romance Standard Time',
          },
        },
        recurrenceZone: {
          anchoredTo: 'mentor',
          iana: 'Europe/Madrid',
          graphName: 'Romance Standard Time',
        },
        score: { free: 9, conflicts: 1 },
      },
    } as unknown as Booking;
    expect(bookingFromStored(stored).plan).toEqual({
      weekly: {
        weekday: 'monday',
        intervalWeeks: 2,
        sessions: 10,
        firstDate: '2026-01-12',
        startTime: '23:30',
        endDate: '2026-01-13',
        endTime: '00:30',
        zone: 'Romance Standard Time',
      },
      recurrenceZone: {
        anchoredTo: 'mentor',
        iana: 'Europe/Madrid',
        name: 'Romance Standard Time',
      },
      score: { free: 9, conflicts: 1 },
    });
  });

  it('leaves a plan in the domain’s form, and no plan, as they are', () => {
    const none = { pairId: 'p2', step: 'queued', plan: null } as unknown as Booking;
    expect(bookingFromStored(none)).toBe(none);
    const current = {
      pairId: 'p3',
      step: 'planned',
      plan: { weekly: {}, recurrenceZone: {}, score: {} },
    } as unknown as Booking;
    expect(bookingFromStored(current)).toBe(current);
  });

  it('gives a booking stored before steps the step its fields show', () => {
    const old = (fields: Partial<Booking>) =>
      bookingFromStored({ pairId: 'p4', plan: null, eventId: null, ...fields } as Booking).step;
    expect(old({ status: 'booked', eventId: 'e1' })).toBe('booked');
    expect(old({ status: 'ended', eventId: 'e1' })).toBe('booked');
    expect(old({ status: 'ended' })).toBe('queued');
    expect(old({ status: 'queued' })).toBe('queued');
    const plan = { weekly: {}, recurrenceZone: {}, score: {} } as Booking['plan'];
    expect(old({ status: 'failed', plan, eventId: 'e1' })).toBe('planned');
  });
});
