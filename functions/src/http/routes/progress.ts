import { anonymousSuggestions, summarise } from '../../domain/evaluation/evaluation';
import type { Evaluation, Feedback } from '../../domain/pair-space/pair-space';
import { minimumRespondents } from '../../domain/programme/programme';
import { LIST_SEPARATORS } from '../../domain/progress/list-separator';
import { type PairProgress, pairProgress, programmeProgress } from '../../domain/progress/progress';
import {
  evaluationRows,
  type ReportReader,
  type ReportTable,
  reportFileName,
  reportRows,
} from '../../domain/progress/report';
import type { Services } from '../../ports/services';
import type { Principal } from '../auth';
import { APP_ROLES } from '../auth';
import type { EvaluationResultsView, ProgressView, ReportQuery } from '../contracts';
import { toCsv } from '../csv';
import { endpoint } from '../endpoints';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { loadProgramme } from './programmes';

/** Reads the programme's pairs, bookings and spaces, and keeps only figures (PRODUCT rule 8). */
async function figures(services: Services, programmeId: string, principal: Principal | null) {
  const programme = await loadProgramme(services, programmeId, principal);
  const [pairs, bookings] = await Promise.all([
    services.pairs.listByProgramme(programmeId),
    services.bookings.listByProgramme(programmeId),
  ]);
  const bookingOf = new Map(bookings.map((b) => [b.value.pairId, b.value]));
  const now = services.clock.now();
  const perPair: PairProgress[] = [];
  const feedback: Pick<Feedback, 'rating' | 'useful'>[] = [];
  const evaluations: Evaluation[] = [];
  // Each pair's space is its own partition: read a few at a time.
  for (let k = 0; k < pairs.length; k += 16) {
    const slice = pairs.slice(k, k + 16);
    const spaces = await Promise.all(slice.map((p) => services.pairSpace.list(p.value.id)));
    slice.forEach((p, i) => {
      const entries = spaces[i]!.map((e) => e.value);
      perPair.push(
        pairProgress(
          p.value,
          bookingOf.get(p.value.id),
          entries,
          programme.value.plannedSessions,
          now,
        ),
      );
      for (const e of entries) {
        if (e.type === 'feedback') feedback.push({ rating: e.rating, useful: e.useful });
        if (e.type === 'evaluation') evaluations.push(e);
      }
    });
  }
  return {
    programme: programme.value,
    perPair,
    evaluations,
    summary: programmeProgress(perPair, feedback, now),
  };
}

/** Who reads an export: language, time zone and, if they chose one, Excel's list separator. */
export function readerOf(query: ReportQuery): ReportReader {
  const separator = query.sep === undefined ? undefined : LIST_SEPARATORS[query.sep];
  return { language: query.lang, timeZone: query.tz, ...(separator && { separator }) };
}

/**
 * A CSV export as a download: safe in spreadsheets of either separator (formulas escaped, every
 * cell quoted that needs it; csv.ts), UTF-8 with the BOM Excel needs for accents.
 */
export function csvDownload(table: ReportTable, file: string): RouteResult {
  // The plain name for old clients (ASCII, accents dropped), the exact one in filename*
  // (RFC 6266 §4.3: https://www.rfc-editor.org/rfc/rfc6266#section-4.3).
  const ascii = file.normalize('NFD').replace(/[^\x20-\x7e]|"/g, '');
  return {
    text: toCsv(table.rows, table.separator),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`,
    },
  };
}

/**
 * Progress for HR and advisors (PRODUCT rule 8): aggregates and statuses, never note contents.
 * HR also sees each pair's figures and risks (to act on them); an advisor the programme level only.
 */
export const progressRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('programme-progress'),
    access: 'staff',
    handler: async ({ principal, services, params }) => {
      const { programme, perPair, summary } = await figures(
        services,
        params.programmeId,
        principal,
      );
      const isAdmin = principal!.roles.includes(APP_ROLES.admin);
      const view: ProgressView = {
        programmeId: programme.id,
        programmeName: programme.name,
        status: programme.status,
        ...summary,
        pairs: isAdmin
          ? { ...summary.pairs, list: perPair }
          : { total: summary.pairs.total, byStatus: summary.pairs.byStatus },
      };
      return { body: view };
    },
  }),
  defineRoute({
    ...endpoint('programme-evaluation'),
    access: 'staff',
    handler: async ({ principal, services, params }) => {
      const { programme, perPair, evaluations } = await figures(
        services,
        params.programmeId,
        principal,
      );
      const minimum = minimumRespondents(programme);
      const summary = summarise(evaluations, perPair.length, minimum);
      const view: EvaluationResultsView = {
        programmeId: programme.id,
        ...summary,
        // Written for the programme team: HR reads them, without names; advisors the scores.
        // Below the minimum of respondents they wait too: a lone suggestion has an author.
        ...(principal!.roles.includes(APP_ROLES.admin)
          ? { suggestions: summary.withheld ? [] : anonymousSuggestions(evaluations) }
          : {}),
      };
      return { body: view };
    },
  }),
  defineRoute({
    ...endpoint('programme-report'),
    access: 'admin',
    handler: async ({ principal, services, params, query }) => {
      const { programme, perPair } = await figures(services, params.programmeId, principal);
      const reader = readerOf(query);
      return csvDownload(
        reportRows(programme.name, perPair, reader),
        reportFileName('pairs', programme.name, query.lang),
      );
    },
  }),
  defineRoute({
    ...endpoint('programme-evaluation-report'),
    access: 'admin',
    handler: async ({ principal, services, params, query }) => {
      const { programme, perPair, evaluations } = await figures(
        services,
        params.programmeId,
        principal,
      );
      const summary = summarise(evaluations, perPair.length, minimumRespondents(programme));
      // The screen's rule (PRODUCT rule 8): below the minimum, the counts only, no suggestion.
      const suggestions = summary.withheld ? [] : anonymousSuggestions(evaluations);
      const reader = readerOf(query);
      return csvDownload(
        evaluationRows(programme.name, summary, suggestions, reader),
        reportFileName('evaluation', programme.name, query.lang),
      );
    },
  }),
];
