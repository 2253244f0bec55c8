import { randomUUID } from 'node:crypto';
import { transactionIdFor } from '../../domain/booking/booking';
import { invitation, pairLanguage } from '../../domain/booking/invitation';
import { ok, refused } from '../../domain/result';
import type { BookedSeries, CalendarPort } from '../../ports/calendar';
import { type BookingStepDef, mailedPeople } from './step';

export interface CreatePorts {
  calendar: Pick<CalendarPort, 'getSeries' | 'findSeries' | 'createSeries' | 'cancel'>;
  organizer: string;
  /** Link from the invitation back to the pair in the tab. */
  pairUrl(pairId: string): string;
}

/**
 * The planned series in the organiser's calendar, exactly once. A series made by an earlier run is
 * used again: by its event id, else by our own key (docs/graph.md, "Creating a series once": a
 * series whose create answer was lost is found by the key stamped on it before creating, whatever
 * Graph does with a repeated transactionId). A series of ours cancelled in Outlook gets a new key.
 */
export const create: BookingStepDef<CreatePorts> = {
  reaches: 'created',
  async run(ports, run) {
    const { pair, programme } = run.subject;
    const { mentor, mentee } = await mailedPeople(run);
    const booking = run.booking;
    if (!booking.plan) throw new Error(`Pair ${pair.id}: no plan to create a series from`);
    const language = pairLanguage(mentor.preferredLanguage, mentee.preferredLanguage);

    let series: BookedSeries | undefined = booking.eventId
      ? await ports.calendar.getSeries(ports.organizer, booking.eventId)
      : undefined;
    if (!series || series.isCancelled) {
      let seriesKey = booking.seriesKey ?? booking.transactionId;
      if (series?.isCancelled || (booking.eventId && !series)) {
        // The series we made is gone (cancelled in Outlook): the next one gets a new key.
        seriesKey = `${transactionIdFor(pair.id, booking.planVersion)}-${randomUUID()}`;
        await run.save({ seriesKey, eventId: null });
      } else if (!booking.seriesKey) {
        await run.save({ seriesKey });
      }
      const text = invitation({
        language,
        programmeName: programme.name,
        mentorName: mentor.displayName,
        menteeName: mentee.displayName,
        sessions: programme.plannedSessions,
        sessionMinutes: programme.sessionMinutes,
        pairUrl: ports.pairUrl(pair.id),
      });
      series = await ports.calendar.findSeries(ports.organizer, seriesKey);
      if (!series) {
        try {
          series = await ports.calendar.createSeries({
            organizer: ports.organizer,
            subject: text.subject,
            bodyHtml: text.html,
            weekly: booking.plan.weekly,
            attendees: [
              { address: mentor.mail, name: mentor.displayName },
              { address: mentee.mail, name: mentee.displayName },
            ],
            seriesKey,
            categories: ['Tandem'],
          });
        } catch (error) {
          // A repeat refused (some tenants answer 4xx), or an answer lost: it may exist after all.
          series = await ports.calendar
            .findSeries(ports.organizer, seriesKey)
            .catch(() => undefined);
          if (!series) throw error;
        }
      }
    }
    const made = {
      eventId: series.eventId,
      iCalUId: series.iCalUId,
      joinUrl: series.joinUrl,
      attendees: { mentor: mentor.mail.toLowerCase(), mentee: mentee.mail.toLowerCase() },
    };
    if (!series.joinUrl) {
      // Graph answers 201 without a Teams link when the organiser cannot make one: a series
      // without a link is not what the pair was promised, so it is withdrawn and HR told. Kept
      // first, so a run after a crash here finds this series and withdraws it again.
      await run.save(made);
      await ports.calendar.cancel(
        ports.organizer,
        series.eventId,
        language === 'en'
          ? 'Cancelled: no Teams meeting could be added.'
          : 'Cancelada: no se pudo añadir la reunión de Teams.',
      );
      return refused({ code: 'noJoinUrl' });
    }
    return ok(made);
  },
};
