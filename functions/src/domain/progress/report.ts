import type { EvaluationSummary } from '../evaluation/evaluation';
import type { PairProgress } from './progress';
import { REPORT_WORDS, type ReportLanguage, type ReportWords } from './report-words';

/**
 * HR's CSV exports (PRODUCT rule 8), laid out for the reader: their language's headers and
 * values, their Excel's separator and decimal mark, times in their time zone. Statuses and
 * figures only, like the dashboard; the evaluation in aggregate only, like its screen.
 */

export interface ReportReader {
  language: ReportLanguage;
  /** An IANA zone ("Europe/Madrid"), already checked by the caller's contract. */
  timeZone: string;
  /**
   * The list separator the reader's Excel splits on, when they chose one; otherwise their
   * language's usual one (`;` Spanish, `,` English: ReportWords.separator).
   */
  separator?: ReportWords['separator'];
}

export interface ReportTable {
  rows: string[][];
  separator: ReportWords['separator'];
}

/**
 * "2027-03-28 10:00" in `timeZone`: the wall-clock time the reader lives in (daylight saving
 * included, from the zone's rules in Intl), in the one date form every Excel locale parses.
 */
export function localDateTime(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Numbers as the reader's Excel reads them: "4,5" in Spanish, "4.5" in English; "" for none. */
function numberIn(words: ReportWords) {
  const format = new Intl.NumberFormat(words.locale, {
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return (v: number | null) => {
    if (v === null) return '';
    // A leading "-" would be escaped as a formula start (csv.ts): a true minus sign reads right.
    const text = format.format(Math.abs(v));
    return v < 0 ? `\u2212${text}` : text;
  };
}

/** Safe in a file name: letters and digits, the rest one "-", lower case. */
const slug = (text: string) =>
  text
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** The export's file name in the reader's language: tandem-informe-mentoring-2027.csv. */
export function reportFileName(
  kind: keyof ReportWords['files'],
  programmeName: string,
  language: ReportLanguage,
): string {
  const name = slug(programmeName);
  return `tandem-${REPORT_WORDS[language].files[kind]}${name ? `-${name}` : ''}.csv`;
}

/**
 * One row per pair, the mentee first (as every screen shows a pair), sorted by the mentee's name
 * in the reader's alphabet.
 */
export function reportRows(
  programmeName: string,
  pairs: readonly PairProgress[],
  reader: ReportReader,
): ReportTable {
  const words = REPORT_WORDS[reader.language];
  const h = words.pairs;
  const n = numberIn(words);
  const collator = new Intl.Collator(words.locale);
  const header = [
    h.programme,
    h.mentee,
    h.mentor,
    h.pairStatus,
    h.bookingStatus,
    h.sessionsPlanned,
    h.sessionsHeld,
    h.sessionsMoved,
    h.sessionsCancelled,
    h.nextSession(reader.timeZone),
    h.menteeAnswer,
    h.mentorAnswer,
    h.goals,
    h.goalsProgressed,
    h.goalsAchieved,
    h.averageGoalProgress,
    h.feedbackGiven,
    h.feedbackExpected,
    h.averageRating,
    h.atRisk,
  ];
  const rows = [...pairs]
    .sort(
      (a, b) => collator.compare(a.mentee.name, b.mentee.name) || (a.pairId < b.pairId ? -1 : 1),
    )
    .map((p) => [
      programmeName,
      p.mentee.name,
      p.mentor.name,
      words.pairStatus[p.pairStatus],
      words.bookingStatus[p.bookingStatus],
      n(p.sessions.planned),
      n(p.sessions.held),
      n(p.sessions.moved),
      n(p.sessions.cancelled),
      p.nextSession === null ? '' : localDateTime(p.nextSession, reader.timeZone),
      words.answer[p.answers.mentee],
      words.answer[p.answers.mentor],
      n(p.goals.total),
      n(p.goals.progressed),
      n(p.goals.achieved),
      n(p.goals.averageProgress),
      n(p.feedback.given),
      n(p.feedback.expected),
      n(p.feedback.averageRating),
      p.risks.map((r) => words.risk[r]).join(words.listJoin),
    ]);
  return { rows: [header, ...rows], separator: reader.separator ?? words.separator };
}

/**
 * The end-of-programme evaluation as a two-column sheet (figure, value). While the summary is
 * withheld (fewer answers than the programme's minimum) it holds only the counts — how many
 * answered, of how many, and the minimum — and no suggestion: with two answers, an average or a
 * sentence names its author. Suggestions come as given by `anonymousSuggestions`: unsigned, in
 * alphabetical order, never by pair or time.
 */
export function evaluationRows(
  programmeName: string,
  summary: EvaluationSummary,
  suggestions: readonly string[],
  reader: ReportReader,
): ReportTable {
  const words = REPORT_WORDS[reader.language];
  const e = words.evaluation;
  const n = numberIn(words);
  const rows: string[][] = [
    [e.figure, e.value],
    [e.programme, programmeName],
    [e.responses, n(summary.responses)],
    [e.expected, n(summary.expected)],
    [e.minimumRespondents, n(summary.minimumRespondents)],
    [e.results, summary.withheld ? e.withheld(summary.minimumRespondents) : e.shown],
  ];
  if (!summary.withheld) {
    rows.push(
      [e.menteeResponses, n(summary.byRole.mentee.responses)],
      [e.mentorResponses, n(summary.byRole.mentor.responses)],
      [e.menteeSatisfaction, n(summary.byRole.mentee.satisfaction)],
      [e.mentorSatisfaction, n(summary.byRole.mentor.satisfaction)],
      [e.menteeGoalsReached, n(summary.byRole.mentee.goalsReached)],
      [e.mentorGoalsReached, n(summary.byRole.mentor.goalsReached)],
      ...(['1', '2', '3', '4', '5'] as const).map((score) => [
        e.satisfactionAnswers(score),
        n(summary.satisfaction[score]),
      ]),
      [e.netPromoterScore, n(summary.netPromoterScore)],
      ...suggestions.map((s) => [e.suggestion, s]),
    );
  }
  return { rows, separator: reader.separator ?? words.separator };
}
