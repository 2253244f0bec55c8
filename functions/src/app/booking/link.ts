import { ok } from '../../domain/result';
import type { CalendarPort } from '../../ports/calendar';
import type { BookingStepDef } from './step';

export interface LinkPorts {
  calendar: Pick<CalendarPort, 'instances'>;
  organizer: string;
  now(): Date;
}

const DAY = 86_400_000;

/** Each planned session learns its occurrence in the series (matched by start). Reads only. */
export const link: BookingStepDef<LinkPorts> = {
  reaches: 'linked',
  async run(ports, run) {
    const { sessions, eventId } = run.booking;
    if (!eventId) throw new Error(`Pair ${run.booking.pairId}: no series to link`);
    const nowIso = ports.now().toISOString();
    const from = new Date(Date.parse(sessions[0]?.start ?? nowIso) - DAY);
    const to = new Date(Date.parse(sessions.at(-1)?.end ?? nowIso) + DAY);
    const occurrences = await ports.calendar.instances(ports.organizer, eventId, from, to);
    return ok({
      sessions: sessions.map((session) => {
        const match = occurrences.find((o) => Date.parse(o.start) === Date.parse(session.start));
        return match ? { ...session, occurrenceId: match.id } : session;
      }),
    });
  },
};
