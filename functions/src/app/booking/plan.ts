import type { BookingRefusal, SessionRecord } from '../../domain/booking/booking';
import { ok, refused } from '../../domain/result';
import { type ParticipantInput, planSeries, seriesWindowEnd } from '../../domain/schedule';
import type { Availability, CalendarPort } from '../../ports/calendar';
import type { DirectoryPerson } from '../../ports/directory';
import { type BookingStepDef, mailedPeople } from './step';

export interface PlanPorts {
  calendar: Pick<CalendarPort, 'availability'>;
  organizer: string;
  now(): Date;
}

const DAY = 86_400_000;

/** One person's side of the plan from getSchedule's answer, or why they cannot be planned. */
function participant(
  availability: Availability[],
  person: DirectoryPerson & { mail: string },
): ParticipantInput | BookingRefusal {
  const found = availability.find((a) => a.address.toLowerCase() === person.mail.toLowerCase());
  // Tandem's app reaches the organiser mailbox alone (Exchange RBAC for Applications); the
  // docs do not say getSchedule then serves others' free/busy, so a refusal is possible
  // (ErrorNoFreeBusyAccess, https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/responsecode):
  // say so, not "no mailbox" (docs/graph.md, "Mailbox scope").
  if (found?.error === 'ErrorNoFreeBusyAccess') return { code: 'noFreeBusy', personId: person.id };
  if (!found || found.error || !found.workingHours) {
    return { code: 'noMailbox', personId: person.id };
  }
  return {
    id: person.id,
    ...(found.workingHours.timeZone ? { timeZone: found.workingHours.timeZone } : {}),
    workingHours: found.workingHours,
    entries: found.entries,
    ...(found.busy ? { busy: found.busy } : {}),
  };
}

/**
 * The whole series planned from both calendars over exactly the planner's window, and kept before
 * anything is created: a resumed run books the very same series. A plan already kept is kept.
 */
export const plan: BookingStepDef<PlanPorts> = {
  reaches: 'planned',
  async run(ports, run) {
    if (run.booking.plan) return ok({});
    const { programme } = run.subject;
    const { mentor, mentee } = await mailedPeople(run);
    const earliestStart = new Date(ports.now().getTime() + DAY).toISOString().slice(0, 10);
    const end = seriesWindowEnd(earliestStart, programme.durationMonths);
    const availability = await ports.calendar.availability(
      ports.organizer,
      [mentor.mail, mentee.mail],
      new Date(`${earliestStart}T00:00:00Z`),
      new Date(`${end}T00:00:00Z`),
    );
    const mentorInput = participant(availability, mentor);
    if ('code' in mentorInput) return refused(mentorInput);
    const menteeInput = participant(availability, mentee);
    if ('code' in menteeInput) return refused(menteeInput);
    const preferences = run.subject.preferences;
    const planned = planSeries({
      mentor: { ...mentorInput, ...(preferences && { preferences: preferences.mentor }) },
      mentee: { ...menteeInput, ...(preferences && { preferences: preferences.mentee }) },
      plan: {
        sessions: programme.plannedSessions,
        months: programme.durationMonths,
        sessionMinutes: programme.sessionMinutes,
        earliestStart,
      },
    });
    if (!planned.ok) return refused({ code: 'noSchedule', reason: planned.reason.code });
    const { weekly, recurrenceZone, score } = planned.series;
    return ok({
      plan: { weekly, recurrenceZone, score },
      sessions: planned.series.occurrences.map(
        (o): SessionRecord => ({
          index: o.index,
          occurrenceId: null,
          start: o.start,
          end: o.end,
          status: 'planned',
          clashes: o.clashes,
          outsidePreferences: o.outsidePreferences,
        }),
      ),
    });
  },
};
