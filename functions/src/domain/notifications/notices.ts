/**
 * What Tandem tells people in Teams' activity feed (docs/notifications.md): the moments, whether a
 * programme sends each one (HR's switches), the key that makes each notice exactly one, the
 * recipient's language, and the words Tandem fills in — template values and the preview line —
 * in that language. Teams words the template itself from the manifest's localization files.
 */

import { MOMENTS, type Moment } from './moments';

export { MOMENTS, type Moment } from './moments';

/** HR's switches: each moment on or off for one programme. */
export type NotificationSwitches = Readonly<Record<Moment, boolean>>;

/**
 * Every moment is on unless HR switched it off. A programme stored before the switches existed
 * (or before a moment was added) has none stored for it: on.
 */
export function notificationSwitches(stored: Partial<Record<Moment, boolean>> | undefined) {
  return Object.fromEntries(MOMENTS.map((m) => [m, stored?.[m] ?? true])) as NotificationSwitches;
}

export function momentOn(
  programme: { notifications?: Partial<Record<Moment, boolean>> },
  moment: Moment,
): boolean {
  return notificationSwitches(programme.notifications)[moment];
}

/**
 * The outbox key of one notice: what caused it, to whom. The same cause always gives the same
 * key, so a replayed step stores nothing new and the sender's `chainId` (derived from it) replaces
 * rather than adds. `n` numbers a second notice of the same cause (the feedback reminder).
 */
export function noticeKey(moment: Moment, subjectId: string, recipientId: string, n?: number) {
  return [moment, subjectId, recipientId, ...(n === undefined ? [] : [String(n)])].join(':');
}

export type NoticeLanguage = 'es' | 'en';

/**
 * The recipient's language: the directory's `preferredLanguage` (`es-ES`, `en-GB`…) when Tandem
 * speaks it, else the programme's language, else Spanish (the seeds' organisations are Spanish).
 */
export function noticeLanguage(
  preferred: string | null | undefined,
  programmeLanguage: NoticeLanguage | undefined,
): NoticeLanguage {
  const primary = preferred?.toLowerCase().split(/[-_]/)[0];
  if (primary === 'es' || primary === 'en') return primary;
  return programmeLanguage ?? 'es';
}

/** Madrid unless told otherwise: the seeds' organisations and the series planner's default. */
export const NOTICE_TIME_ZONE = 'Europe/Madrid';

/** A date and time as the recipient reads it: "martes, 12 de enero, 10:00" / "Tuesday, 12 January, 10:00". */
export function noticeDate(
  iso: string,
  language: NoticeLanguage,
  timeZone: string = NOTICE_TIME_ZONE,
): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** The facts a notice's words are made from, by moment (names as the directory has them). */
export interface NoticeFacts {
  applicationReceived: { programme: string };
  applicationApproved: { programme: string };
  applicationNotSelected: { programme: string };
  paired: { programme: string; partner: string; firstSession: string | null };
  notPaired: { programme: string };
  waitingList: { programme: string };
  seriesBooked: { partner: string; sessions: number };
  sessionMoved: { person: string; date: string; newDate: string };
  sessionCancelled: { person: string; date: string };
  feedbackDue: { partner: string; date: string };
  evaluationOpen: { programme: string };
  callOpen: { programme: string; deadline: string };
  pairDeclined: { person: string; programme: string };
  bookingFailed: { programme: string; reason: BookingFailureReason };
  pairsAtRisk: { programme: string; count: number };
}

/** Why booking did not book a pair, as HR's notice says it. */
export type BookingFailureReason =
  | 'reportingLine'
  | 'notInDirectory'
  | 'noMailbox'
  | 'noFreeBusy'
  | 'noTeamsMeetings'
  | 'noJoinUrl'
  | 'noSchedule'
  | 'ended'
  | 'failed';

const REASONS: Record<NoticeLanguage, Record<BookingFailureReason, string>> = {
  es: {
    reportingLine: 'hay una línea jerárquica entre los dos',
    notInDirectory: 'una persona ya no está en el directorio',
    noMailbox: 'una persona no tiene buzón',
    noFreeBusy: 'no se puede leer la disponibilidad de una persona',
    noTeamsMeetings: 'el buzón organizador no puede crear reuniones de Teams',
    noJoinUrl: 'la reunión no tiene enlace de Teams',
    noSchedule: 'no hay huecos libres para la serie',
    ended: 'la pareja ha terminado',
    failed: 'Microsoft Graph no respondió tras varios intentos',
  },
  en: {
    reportingLine: 'there is a reporting line between the two',
    notInDirectory: 'a person is no longer in the directory',
    noMailbox: 'a person has no mailbox',
    noFreeBusy: "a person's free/busy cannot be read",
    noTeamsMeetings: 'the organiser mailbox cannot create Teams meetings',
    noJoinUrl: 'the meeting has no Teams link',
    noSchedule: 'there are no free slots for the series',
    ended: 'the pair has ended',
    failed: 'Microsoft Graph did not answer after several tries',
  },
};

type Words = {
  /** The template's `{parameters}`, as strings in the recipient's language. */
  parameters: Record<string, string>;
  /** The line under the title (Teams shows its first 150 characters). */
  preview: string;
};

type Wording = { [M in Moment]: (facts: NoticeFacts[M], l: NoticeLanguage) => Words };

const es = (l: NoticeLanguage) => l === 'es';

const WORDING: Wording = {
  applicationReceived: ({ programme }, l) => ({
    parameters: { programme },
    preview: es(l)
      ? `Hemos recibido tu solicitud para «${programme}». Te diremos cómo sigue.`
      : `We have your application to "${programme}". We will tell you how it goes.`,
  }),
  applicationApproved: ({ programme }, l) => ({
    parameters: { programme },
    preview: es(l)
      ? `RR. HH. ha aprobado tu solicitud como mentor en «${programme}».`
      : `HR approved your application as a mentor in "${programme}".`,
  }),
  applicationNotSelected: ({ programme }, l) => ({
    parameters: { programme },
    preview: es(l)
      ? `Esta vez tu solicitud para «${programme}» no ha sido seleccionada.`
      : `Your application to "${programme}" was not selected this time.`,
  }),
  paired: ({ programme, partner, firstSession }, l) => {
    const first = firstSession ? noticeDate(firstSession, l) : es(l) ? 'por fijar' : 'to be set';
    return {
      parameters: { programme, partner, firstSession: first },
      // The introduction the issue wanted in a chat (docs/notifications.md: no chat app-only).
      preview: es(l)
        ? `${partner} y tú formáis pareja. En la primera sesión (${first}) presentaos y acordad vuestro plan.`
        : `You and ${partner} are a pair. At your first session (${first}) introduce yourselves and agree your plan.`,
    };
  },
  notPaired: ({ programme }, l) => ({
    parameters: { programme },
    preview: es(l)
      ? `Esta vez no te hemos encontrado pareja en «${programme}».`
      : `We could not find you a pair in "${programme}" this time.`,
  }),
  waitingList: ({ programme }, l) => ({
    parameters: { programme },
    preview: es(l)
      ? `Estás en la lista de espera de «${programme}».`
      : `You are on the waiting list of "${programme}".`,
  }),
  seriesBooked: ({ partner, sessions }, l) => ({
    parameters: { partner, sessions: String(sessions) },
    preview: es(l)
      ? `Tus ${sessions} sesiones con ${partner} están en tu calendario. Acepta la serie completa.`
      : `Your ${sessions} sessions with ${partner} are in your calendar. Please accept the whole series.`,
  }),
  sessionMoved: ({ person, date, newDate }, l) => {
    const [from, to] = [noticeDate(date, l), noticeDate(newDate, l)];
    return {
      parameters: { person, date: from, newDate: to },
      preview: es(l)
        ? `${person} ha movido la sesión del ${from} al ${to}.`
        : `${person} moved the session of ${from} to ${to}.`,
    };
  },
  sessionCancelled: ({ person, date }, l) => {
    const when = noticeDate(date, l);
    return {
      parameters: { person, date: when },
      preview: es(l)
        ? `${person} ha cancelado la sesión del ${when}.`
        : `${person} cancelled the session of ${when}.`,
    };
  },
  feedbackDue: ({ partner, date }, l) => {
    const when = noticeDate(date, l);
    return {
      parameters: { partner, date: when },
      preview: es(l)
        ? `¿Qué tal la sesión del ${when} con ${partner}? Cuéntanoslo en dos minutos.`
        : `How was the session of ${when} with ${partner}? Tell us in two minutes.`,
    };
  },
  evaluationOpen: ({ programme }, l) => ({
    parameters: { programme },
    preview: es(l)
      ? `La evaluación de «${programme}» está abierta.`
      : `The evaluation of "${programme}" is open.`,
  }),
  callOpen: ({ programme, deadline }, l) => {
    const until = noticeDate(deadline, l);
    return {
      parameters: { programme, deadline: until },
      preview: es(l)
        ? `Ya puedes solicitar plaza en «${programme}», hasta el ${until}.`
        : `You can apply to "${programme}" until ${until}.`,
    };
  },
  pairDeclined: ({ person, programme }, l) => ({
    parameters: { person, programme },
    preview: es(l)
      ? `${person} ha rechazado las sesiones de «${programme}».`
      : `${person} declined the sessions of "${programme}".`,
  }),
  bookingFailed: ({ programme, reason }, l) => {
    const why = REASONS[l][reason];
    return {
      parameters: { programme, reason: why },
      preview: es(l)
        ? `Una pareja de «${programme}» no se ha podido reservar: ${why}.`
        : `A pair in "${programme}" could not be booked: ${why}.`,
    };
  },
  pairsAtRisk: ({ programme, count }, l) => ({
    parameters: { programme, count: String(count) },
    preview: es(l)
      ? `${count} parejas de «${programme}» necesitan atención.`
      : `${count} pairs in "${programme}" need attention.`,
  }),
};

/** A notice's words in the recipient's language. */
export function noticeWords<M extends Moment>(
  moment: M,
  facts: NoticeFacts[M],
  language: NoticeLanguage,
): Words {
  const words = (WORDING[moment] as (f: NoticeFacts[M], l: NoticeLanguage) => Words)(
    facts,
    language,
  );
  return { ...words, preview: clip(words.preview) };
}

/** "Teams will only show first 150 characters": a longer preview ends in an ellipsis there. */
export const PREVIEW_LIMIT = 150;
function clip(text: string): string {
  const chars = [...text];
  return chars.length <= PREVIEW_LIMIT ? text : `${chars.slice(0, PREVIEW_LIMIT - 1).join('')}…`;
}
