import { describe, expect, it } from 'vitest';
import { newBooking } from '../../domain/booking/booking';
import { bookingRow } from './booking-row';

/** A booking as the code before steps, series keys and ending stored it. */
function oldRow(fields: Record<string, unknown> = {}) {
  const {
    step: _step,
    seriesKey: _key,
    ending: _ending,
    ...row
  } = newBooking(
    { id: 'p1', programmeId: 'prog' },
    'tandem@contoso.example',
    new Date('2026-01-05T10:00:00Z'),
  );
  return JSON.parse(JSON.stringify({ ...row, ...fields }));
}

const domainPlan = {
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
  recurrenceZone: { anchoredTo: 'mentor', iana: 'Europe/Madrid', name: 'Romance Standard Time' },
  score: { free: 9, conflicts: 1 },
};

describe('a stored booking is read with its schema', () => {
  it('reads a plan stored as Graph’s event times and patternedRecurrence as the series it described', () => {
    const row = oldRow({
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
    });
    expect(bookingRow.parse(row).plan).toEqual(domainPlan);
  });

  it('keeps a plan in the domain’s form, and a booking written now, as they are', () => {
    const now = newBooking({ id: 'p2', programmeId: 'prog' }, 'o@x', new Date());
    const planned = { ...now, plan: domainPlan, step: 'planned' };
    expect(bookingRow.parse(JSON.parse(JSON.stringify(planned)))).toEqual(planned);
  });

  it('gives fields added later their defaults: the step its fields show, no ending', () => {
    const step = (fields: Record<string, unknown>) => bookingRow.parse(oldRow(fields)).step;
    expect(step({ status: 'booked', eventId: 'e1' })).toBe('booked');
    expect(step({ status: 'ended', eventId: 'e1' })).toBe('booked');
    expect(step({ status: 'ended' })).toBe('queued');
    expect(step({ status: 'queued' })).toBe('queued');
    expect(step({ status: 'failed', plan: domainPlan, eventId: 'e1' })).toBe('planned');
    expect(bookingRow.parse(oldRow()).ending).toBeNull();
    expect(bookingRow.parse(oldRow()).seriesKey).toBeUndefined();
  });

  it('refuses a row that is not a booking: a status it never had, a session without its start', () => {
    expect(bookingRow.safeParse(oldRow({ status: 'lost' })).success).toBe(false);
    const sessions = [{ index: 0, occurrenceId: null, end: 'x', status: 'planned', clashes: [] }];
    expect(bookingRow.safeParse(oldRow({ sessions })).success).toBe(false);
    expect(bookingRow.safeParse({ pairId: 'p1' }).success).toBe(false);
  });
});
