import type { BookingStatus, Response } from '../booking/booking';
import type { PairStatus } from '../pair/pair';
import { LIST_SEPARATORS, type ListSeparator, USUAL_SEPARATOR } from './list-separator';
import type { RiskCode } from './progress';

/**
 * Every word the CSV exports put in a spreadsheet, in the reader's language. The API has no
 * i18next: this is the one place for the exports' headers and values (the tab's catalogues,
 * tab/src/i18n/*.json, hold the screens' words, and the same statuses read the same there).
 */

export const REPORT_LANGUAGES = ['es', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export interface ReportWords {
  /** Excel's list separator in the reader's regional settings (list-separator.ts). */
  separator: ListSeparator;
  /** The number locale: decimals as the reader's Excel reads them ("4,5" / "4.5"). */
  locale: string;
  /** File names: tandem-<file>-<programme>.csv. */
  files: { pairs: string; evaluation: string };
  pairs: {
    programme: string;
    mentee: string;
    mentor: string;
    pairStatus: string;
    bookingStatus: string;
    sessionsPlanned: string;
    sessionsHeld: string;
    sessionsMoved: string;
    sessionsCancelled: string;
    /** The header names the zone the times are in. */
    nextSession: (timeZone: string) => string;
    menteeAnswer: string;
    mentorAnswer: string;
    goals: string;
    goalsProgressed: string;
    goalsAchieved: string;
    averageGoalProgress: string;
    feedbackGiven: string;
    feedbackExpected: string;
    averageRating: string;
    atRisk: string;
  };
  pairStatus: Record<PairStatus, string>;
  bookingStatus: Record<BookingStatus | 'notQueued', string>;
  answer: Record<Response, string>;
  risk: Record<RiskCode, string>;
  /** Joins a pair's risks inside one cell. */
  listJoin: string;
  evaluation: {
    figure: string;
    value: string;
    programme: string;
    responses: string;
    expected: string;
    minimumRespondents: string;
    results: string;
    withheld: (minimum: number) => string;
    shown: string;
    menteeResponses: string;
    mentorResponses: string;
    menteeSatisfaction: string;
    mentorSatisfaction: string;
    menteeGoalsReached: string;
    mentorGoalsReached: string;
    satisfactionAnswers: (score: string) => string;
    netPromoterScore: string;
    suggestion: string;
  };
}

export const REPORT_WORDS: Record<ReportLanguage, ReportWords> = {
  es: {
    separator: LIST_SEPARATORS[USUAL_SEPARATOR.es],
    locale: 'es-ES',
    files: { pairs: 'informe', evaluation: 'evaluacion' },
    pairs: {
      programme: 'Programa',
      mentee: 'Mentorizado/a',
      mentor: 'Mentor/a',
      pairStatus: 'Estado de la pareja',
      bookingStatus: 'Estado de la reserva',
      sessionsPlanned: 'Sesiones previstas',
      sessionsHeld: 'Sesiones celebradas',
      sessionsMoved: 'Sesiones movidas',
      sessionsCancelled: 'Sesiones canceladas',
      nextSession: (zone) => `Próxima sesión (${zone})`,
      menteeAnswer: 'Respuesta del mentorizado/a',
      mentorAnswer: 'Respuesta del mentor/a',
      goals: 'Objetivos',
      goalsProgressed: 'Objetivos con avance',
      goalsAchieved: 'Objetivos alcanzados',
      averageGoalProgress: 'Avance medio de los objetivos (%)',
      feedbackGiven: 'Valoraciones dadas',
      feedbackExpected: 'Valoraciones esperadas',
      averageRating: 'Valoración media (1–5)',
      atRisk: 'Riesgos',
    },
    pairStatus: {
      confirmed: 'Confirmada',
      booking: 'Reservando sesiones',
      booked: 'Sesiones reservadas',
      bookingFailed: 'La reserva necesita a RR. HH.',
    },
    bookingStatus: {
      notQueued: 'Sin reservar aún',
      queued: 'En cola',
      booked: 'Reservada',
      refused: 'No se pudo reservar',
      failed: 'Reintentando',
      ended: 'Terminada',
    },
    answer: {
      none: 'Sin responder',
      accepted: 'Aceptada',
      tentativelyAccepted: 'Provisional',
      declined: 'Rechazada',
    },
    risk: {
      bookingRefused: 'Sin reservar',
      bookingFailed: 'Reintentando la reserva',
      declined: 'Invitación rechazada',
      unanswered: 'Invitación sin responder',
      noFeedback: 'Sin valoraciones en dos sesiones seguidas',
      noGoals: 'Sin objetivos tras la segunda sesión',
    },
    listJoin: ', ',
    evaluation: {
      figure: 'Dato',
      value: 'Valor',
      programme: 'Programa',
      responses: 'Respuestas',
      expected: 'Respuestas esperadas',
      minimumRespondents: 'Mínimo de respuestas para mostrar resultados',
      results: 'Resultados',
      withheld: (minimum) =>
        `Retenidos hasta que respondan ${minimum} personas, para que nadie sea identificable`,
      shown: 'Mostrados',
      menteeResponses: 'Respuestas de mentorizados',
      mentorResponses: 'Respuestas de mentores',
      menteeSatisfaction: 'Satisfacción media de mentorizados (1–5)',
      mentorSatisfaction: 'Satisfacción media de mentores (1–5)',
      menteeGoalsReached: 'Objetivos alcanzados, mentorizados (1–5)',
      mentorGoalsReached: 'Objetivos alcanzados, mentores (1–5)',
      satisfactionAnswers: (score) => `Respuestas con satisfacción ${score}`,
      netPromoterScore: 'Índice de recomendación neta (NPS, −100 a 100)',
      suggestion: 'Sugerencia (sin firma)',
    },
  },
  en: {
    separator: LIST_SEPARATORS[USUAL_SEPARATOR.en],
    locale: 'en-GB',
    files: { pairs: 'report', evaluation: 'evaluation' },
    pairs: {
      programme: 'Programme',
      mentee: 'Mentee',
      mentor: 'Mentor',
      pairStatus: 'Pair status',
      bookingStatus: 'Booking status',
      sessionsPlanned: 'Sessions planned',
      sessionsHeld: 'Sessions held',
      sessionsMoved: 'Sessions moved',
      sessionsCancelled: 'Sessions cancelled',
      nextSession: (zone) => `Next session (${zone})`,
      menteeAnswer: 'Mentee’s answer',
      mentorAnswer: 'Mentor’s answer',
      goals: 'Goals',
      goalsProgressed: 'Goals progressed',
      goalsAchieved: 'Goals achieved',
      averageGoalProgress: 'Average goal progress (%)',
      feedbackGiven: 'Feedback given',
      feedbackExpected: 'Feedback expected',
      averageRating: 'Average rating (1–5)',
      atRisk: 'Risks',
    },
    pairStatus: {
      confirmed: 'Confirmed',
      booking: 'Booking sessions',
      booked: 'Sessions booked',
      bookingFailed: 'Booking needs HR',
    },
    bookingStatus: {
      notQueued: 'Not booked yet',
      queued: 'Queued',
      booked: 'Booked',
      refused: 'Could not be booked',
      failed: 'Retrying',
      ended: 'Ended',
    },
    answer: {
      none: 'Not answered',
      accepted: 'Accepted',
      tentativelyAccepted: 'Tentative',
      declined: 'Declined',
    },
    risk: {
      bookingRefused: 'Not booked',
      bookingFailed: 'Booking being retried',
      declined: 'Invitation declined',
      unanswered: 'Invitation unanswered',
      noFeedback: 'No feedback for two sessions in a row',
      noGoals: 'No goal after the second session',
    },
    listJoin: ', ',
    evaluation: {
      figure: 'Figure',
      value: 'Value',
      programme: 'Programme',
      responses: 'Responses',
      expected: 'Responses expected',
      minimumRespondents: 'Minimum of responses before results show',
      results: 'Results',
      withheld: (minimum) =>
        `Withheld until ${minimum} people have answered, so nobody can be identified`,
      shown: 'Shown',
      menteeResponses: 'Mentees’ responses',
      mentorResponses: 'Mentors’ responses',
      menteeSatisfaction: 'Mentees’ average satisfaction (1–5)',
      mentorSatisfaction: 'Mentors’ average satisfaction (1–5)',
      menteeGoalsReached: 'Goals reached, mentees (1–5)',
      mentorGoalsReached: 'Goals reached, mentors (1–5)',
      satisfactionAnswers: (score) => `Responses with satisfaction ${score}`,
      netPromoterScore: 'Net promoter score (−100 to 100)',
      suggestion: 'Suggestion (unsigned)',
    },
  },
};
