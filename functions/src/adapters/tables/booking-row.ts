import { z } from 'zod';
import { BOOKING_STEPS, type Booking } from '../../domain/booking/booking';
import type { Clash } from '../../domain/schedule';

/**
 * A stored booking as this adapter reads it: the migration point for bookings. A field added after
 * bookings were first stored gets its default here (`seriesKey`, `ending`, `step`), and a plan
 * stored in Graph's wire form becomes the domain's series; nothing past this file sees an old row.
 */
const day = z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
const role = z.enum(['mentee', 'mentor']);
const localTime = z.object({
  date: z.string(),
  dayOfWeek: day,
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
});
const clash: z.ZodType<Clash> = z.discriminatedUnion('kind', [
  z.object({
    role,
    personId: z.string(),
    kind: z.literal('outsideWorkingHours'),
    local: localTime,
    workingHours: z.object({
      daysOfWeek: z.array(day),
      start: z.string(),
      end: z.string(),
      timeZone: z.string(),
    }),
  }),
  z.object({
    role,
    personId: z.string(),
    kind: z.literal('busy'),
    busy: z.array(
      z.object({
        start: z.string(),
        end: z.string(),
        status: z.enum(['tentative', 'busy', 'oof', 'unknown']),
      }),
    ),
  }),
]);
const anchoredTo = z.enum(['programme', 'mentee', 'mentor', 'utc']);
const score = z.object({ free: z.number(), conflicts: z.number() });

const domainPlan = z.object({
  weekly: z.object({
    weekday: day,
    intervalWeeks: z.number().int().positive(),
    sessions: z.number().int().positive(),
    firstDate: z.string(),
    startTime: z.string(),
    endDate: z.string(),
    endTime: z.string(),
    zone: z.string(),
  }),
  recurrenceZone: z.object({ anchoredTo, iana: z.string(), name: z.string() }),
  score,
});

/**
 * A plan as bookings stored it before the domain had its own series type (Graph's event times and
 * patternedRecurrence): read as the WeeklySeries it described, so a booking planned then and
 * created now books the same series.
 */
const graphPlan = z
  .object({
    start: z.object({ dateTime: z.string() }),
    end: z.object({ dateTime: z.string() }),
    recurrence: z.object({
      pattern: z.object({ interval: z.number(), daysOfWeek: z.tuple([day]).rest(day) }),
      range: z.object({
        startDate: z.string(),
        numberOfOccurrences: z.number(),
        recurrenceTimeZone: z.string(),
      }),
    }),
    recurrenceZone: z.object({ anchoredTo, iana: z.string(), graphName: z.string() }),
    score: score.optional(),
  })
  .transform(
    (plan): z.infer<typeof domainPlan> => ({
      weekly: {
        weekday: plan.recurrence.pattern.daysOfWeek[0],
        intervalWeeks: plan.recurrence.pattern.interval,
        sessions: plan.recurrence.range.numberOfOccurrences,
        firstDate: plan.recurrence.range.startDate,
        startTime: plan.start.dateTime.slice(11, 16),
        endDate: plan.end.dateTime.slice(0, 10),
        endTime: plan.end.dateTime.slice(11, 16),
        zone: plan.recurrence.range.recurrenceTimeZone,
      },
      recurrenceZone: {
        anchoredTo: plan.recurrenceZone.anchoredTo,
        iana: plan.recurrenceZone.iana,
        name: plan.recurrenceZone.graphName,
      },
      score: plan.score ?? { free: 0, conflicts: 0 },
    }),
  );

const refusal = z.discriminatedUnion('code', [
  z.object({ code: z.literal('reportingLine'), line: z.array(z.string()) }),
  z.object({ code: z.literal('notInDirectory'), personId: z.string() }),
  z.object({ code: z.literal('noMailbox'), personId: z.string() }),
  z.object({ code: z.literal('noFreeBusy'), personId: z.string() }),
  z.object({ code: z.literal('noTeamsMeetings'), organizer: z.string() }),
  z.object({ code: z.literal('noJoinUrl') }),
  z.object({ code: z.literal('noSchedule'), reason: z.string() }),
  z.object({ code: z.literal('ended') }),
]);
const response = z.enum(['none', 'accepted', 'tentativelyAccepted', 'declined']);
const who = z.enum(['mentor', 'mentee']);
const flag = z.discriminatedUnion('code', [
  z.object({ code: z.literal('declined'), who }),
  z.object({ code: z.literal('unanswered'), who, days: z.number() }),
  z.object({ code: z.literal('sessionMoved'), index: z.number() }),
  z.object({ code: z.literal('sessionCancelled'), index: z.number() }),
  z.object({ code: z.literal('seriesCancelled') }),
]);
const step = z.enum(BOOKING_STEPS);

const stored = z.object({
  pairId: z.string().min(1),
  programmeId: z.string().min(1),
  planVersion: z.number().int().positive(),
  status: z.enum(['queued', 'booked', 'refused', 'failed', 'ended']),
  /** Added with booking's steps: absent on older rows, derived below from their fields. */
  step: step.optional(),
  organizer: z.string(),
  transactionId: z.string(),
  /** Added with series keys: absent on older rows (the transactionId serves). */
  seriesKey: z.string().nullable().optional(),
  eventId: z.string().nullable(),
  iCalUId: z.string().nullable(),
  joinUrl: z.string().nullable(),
  plan: z.union([domainPlan, graphPlan]).nullable(),
  sessions: z.array(
    z.object({
      index: z.number().int(),
      occurrenceId: z.string().nullable(),
      start: z.string(),
      end: z.string(),
      status: z.enum(['planned', 'moved', 'cancelled']),
      clashes: z.array(clash),
      outsidePreferences: z.array(z.enum(['mentee', 'mentor'])).optional(),
    }),
  ),
  attendees: z.object({ mentor: z.string().nullable(), mentee: z.string().nullable() }),
  responses: z.object({ mentor: response, mentee: response, checkedAt: z.string().nullable() }),
  flags: z.array(flag),
  refusal: refusal.nullable(),
  /** Added with ending pairs: absent on older rows (nothing to end). */
  ending: z.object({ reason: z.string(), requestedAt: z.string() }).nullable().default(null),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/**
 * Bookings stored before booking had steps get the step their fields show: a booked one (or one
 * ended after it was booked) is past every step; any other starts again from the top, its plan kept
 * (`app/booking/book-pair.ts` judges rule 1 again and finds its series by event id or key).
 */
export const bookingRow: z.ZodType<Booking> = stored.transform((row): Booking => {
  if (row.step) return { ...row, step: row.step };
  const done = row.status === 'booked' || (row.status === 'ended' && row.eventId !== null);
  return { ...row, step: done ? 'booked' : row.plan ? 'planned' : 'queued' };
});
