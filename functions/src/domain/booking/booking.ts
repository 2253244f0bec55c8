import type { Clash, PlannedSeries } from '../schedule';

/**
 * Booking a pair's whole series (PRODUCT rule 5) and following it. A booking moves
 * `queued → booked` (→ `ended` when HR ends the pair early), or stops at `refused` (a rule says no: the hierarchy, no common hours, no
 * Teams) or `failed` (Graph kept failing; the job retries it). It remembers the series it created,
 * so a retried or resumed job never creates a second one.
 */
export type BookingStatus = 'queued' | 'booked' | 'refused' | 'failed' | 'ended';

/**
 * How far booking got, one name per step done, in order (`app/booking/book-pair.ts` runs the step
 * after the one stored, saving after each): `queued` (nothing done yet) → `checked` (rule 1 and both
 * mailboxes judged on the directory as it is now) → `planned` (the series planned and kept) →
 * `created` (the series exists in the organiser's calendar, with a Teams link) → `linked` (each
 * session knows its occurrence) → `booked` (the pair shows booked). A new side effect is one more
 * name here and one more step in that list, placed before `booked`.
 */
export const BOOKING_STEPS = [
  'queued',
  'checked',
  'planned',
  'created',
  'linked',
  'agendaSeeded',
  'notified',
  'booked',
] as const;
export type BookingStep = (typeof BOOKING_STEPS)[number];

/** True when `step` is `than` or a later one. */
export function stepReached(step: BookingStep, than: BookingStep): boolean {
  return BOOKING_STEPS.indexOf(step) >= BOOKING_STEPS.indexOf(than);
}

export type BookingRefusal =
  | { code: 'reportingLine'; line: string[] }
  | { code: 'notInDirectory'; personId: string }
  | { code: 'noMailbox'; personId: string }
  /** The organiser mailbox may not read this person's free/busy (Exchange sharing, RBAC scope). */
  | { code: 'noFreeBusy'; personId: string }
  | { code: 'noTeamsMeetings'; organizer: string }
  | { code: 'noJoinUrl' }
  | { code: 'noSchedule'; reason: string }
  | { code: 'ended' };

export type Response = 'none' | 'accepted' | 'tentativelyAccepted' | 'declined';

export interface SessionRecord {
  index: number;
  occurrenceId: string | null;
  /** UTC instants, ISO 8601. */
  start: string;
  end: string;
  status: 'planned' | 'moved' | 'cancelled';
  /** Why it clashed when it was planned (empty when free for both). */
  clashes: Clash[];
}

/** A session took place (or is taking place): it has started and was not cancelled. */
export function sessionHeld(session: Pick<SessionRecord, 'start' | 'status'>, now: Date): boolean {
  return session.status !== 'cancelled' && Date.parse(session.start) <= now.getTime();
}

/** A session still ahead: not started, not cancelled. */
export function sessionAhead(session: Pick<SessionRecord, 'start' | 'status'>, now: Date): boolean {
  return session.status !== 'cancelled' && Date.parse(session.start) > now.getTime();
}

/** When the next session ahead starts, or null when none is left. */
export function nextSessionStart(
  sessions: readonly Pick<SessionRecord, 'start' | 'status'>[],
  now: Date,
): string | null {
  const ahead = sessions.filter((s) => sessionAhead(s, now)).map((s) => s.start);
  return ahead.sort()[0] ?? null;
}

export interface Booking {
  pairId: string;
  programmeId: string;
  /** Bumped when HR asks for a new series (the old one cancelled): a new transactionId. */
  planVersion: number;
  status: BookingStatus;
  /** The last booking step done (BOOKING_STEPS); bookings stored before steps get one on reading. */
  step: BookingStep;
  organizer: string;
  transactionId: string;
  /**
   * Our own id of the series being created, stamped on it as an extended property and looked up
   * before any create (docs/graph.md, "Creating a series once"). A new one for each new series;
   * absent on bookings stored before it existed (then the transactionId serves).
   */
  seriesKey?: string | null;
  eventId: string | null;
  iCalUId: string | null;
  joinUrl: string | null;
  plan: Pick<PlannedSeries, 'weekly' | 'recurrenceZone' | 'score'> | null;
  sessions: SessionRecord[];
  /** The addresses invited, to read each one's answer from the series. */
  attendees: { mentor: string | null; mentee: string | null };
  responses: { mentor: Response; mentee: Response; checkedAt: string | null };
  /** What HR should look at, from the last follow-up. */
  flags: FollowUpFlag[];
  refusal: BookingRefusal | null;
  /**
   * Set when HR ended the pair or closed its programme: the sessions ahead are to be cancelled.
   * Kept before anything is cancelled, so a crashed end job is resumed from the queue or the sweep
   * (`app/ending/end-pair.ts`). Absent on bookings stored before this field existed.
   */
  ending?: { reason: string; requestedAt: string } | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Stable per pair and plan: the same create, retried, is recognised by Graph as a repeat. */
export function transactionIdFor(pairId: string, planVersion: number): string {
  return `tandem-${pairId}-v${planVersion}`;
}

export function newBooking(
  pair: { id: string; programmeId: string },
  organizer: string,
  now: Date,
): Booking {
  return {
    pairId: pair.id,
    programmeId: pair.programmeId,
    planVersion: 1,
    status: 'queued',
    step: 'queued',
    organizer,
    transactionId: transactionIdFor(pair.id, 1),
    eventId: null,
    iCalUId: null,
    joinUrl: null,
    plan: null,
    sessions: [],
    attendees: { mentor: null, mentee: null },
    responses: { mentor: 'none', mentee: 'none', checkedAt: null },
    flags: [],
    refusal: null,
    ending: null,
    attempts: 0,
    lastError: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

function asResponse(value: string | undefined): Response {
  return value === 'accepted' || value === 'tentativelyAccepted' || value === 'declined'
    ? value
    : 'none';
}

/** What HR must look at for a booked pair. */
export type FollowUpFlag =
  | { code: 'declined'; who: 'mentor' | 'mentee' }
  | { code: 'unanswered'; who: 'mentor' | 'mentee'; days: number }
  | { code: 'sessionMoved'; index: number }
  | { code: 'sessionCancelled'; index: number }
  | { code: 'seriesCancelled' };

/** Invitations unanswered this long are flagged to HR. */
export const UNANSWERED_AFTER_DAYS = 3;

/**
 * Folds what Graph says now (responses, instances) into the booking and lists what HR should see:
 * declines, invitations unanswered after a few days, sessions moved or cancelled.
 */
export function followUp(
  booking: Booking,
  seen: {
    mentor: string | undefined;
    mentee: string | undefined;
    isCancelled: boolean;
    occurrences: { id: string; start: string; end: string; type: 'occurrence' | 'exception' }[];
  },
  now: Date,
): { booking: Booking; flags: FollowUpFlag[] } {
  const flags: FollowUpFlag[] = [];
  const responses = {
    mentor: asResponse(seen.mentor),
    mentee: asResponse(seen.mentee),
    checkedAt: now.toISOString(),
  };
  const days = Math.floor((now.getTime() - Date.parse(booking.createdAt)) / 86_400_000);
  for (const who of ['mentor', 'mentee'] as const) {
    if (responses[who] === 'declined') flags.push({ code: 'declined', who });
    else if (responses[who] === 'none' && days >= UNANSWERED_AFTER_DAYS) {
      flags.push({ code: 'unanswered', who, days });
    }
  }
  if (seen.isCancelled) flags.push({ code: 'seriesCancelled' });
  // Occurrences keep their place in the series: match them to planned sessions by order.
  const byStart = [...seen.occurrences].sort((a, b) => a.start.localeCompare(b.start));
  const present = new Set<number>();
  const sessions = booking.sessions.map((session) => {
    const planned = Date.parse(session.start);
    // An occurrence whose id we know, else the one planned at that instant.
    const match =
      byStart.find((o) => session.occurrenceId !== null && o.id === session.occurrenceId) ??
      byStart.find((o) => Date.parse(o.start) === planned);
    if (!match) {
      if (session.status !== 'cancelled')
        flags.push({ code: 'sessionCancelled', index: session.index });
      return { ...session, status: 'cancelled' as const };
    }
    present.add(session.index);
    const moved = match.type === 'exception' && Date.parse(match.start) !== planned;
    if (moved && session.status !== 'moved')
      flags.push({ code: 'sessionMoved', index: session.index });
    return {
      ...session,
      occurrenceId: match.id,
      start: match.start,
      end: match.end,
      status: moved || session.status === 'moved' ? ('moved' as const) : session.status,
    };
  });
  // Moves and cancellations stay flagged; answers are as they are now.
  const lasting = booking.flags.filter(
    (f) => f.code === 'sessionMoved' || f.code === 'sessionCancelled',
  );
  const current = [
    ...flags.filter((f) => f.code !== 'sessionMoved' && f.code !== 'sessionCancelled'),
    ...lasting,
    ...flags.filter((f) => f.code === 'sessionMoved' || f.code === 'sessionCancelled'),
  ];
  return {
    booking: { ...booking, responses, sessions, flags: current, updatedAt: now.toISOString() },
    flags,
  };
}
