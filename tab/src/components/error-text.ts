import { ApiError } from '../api/client';
import type { TFunction } from '../i18n/translator';
import { reasonText } from '../pages/admin/reasons';

/** What a person reads for a failure: a title and one or more sentences, in their language. */
export interface ErrorText {
  title: string;
  lines: string[];
  /** A refusal (the API understood and said no) rather than a fault: retrying will not help. */
  refusal: boolean;
}

interface Coded {
  code: string;
  text?: string;
  params?: Record<string, unknown>;
  [detail: string]: unknown;
}

const isCoded = (value: unknown): value is Coded =>
  typeof value === 'object' && value !== null && typeof (value as Coded).code === 'string';

/**
 * The sentence for one refusal code the API sends (`code` in its problem+json), or undefined when
 * the tab has none: `errors.codes.*` first, then the matcher's reasons (the same codes HR reads on
 * the board, such as `reportingLine`). The details the API sent fill the sentence's blanks.
 */
function sentenceOf(t: TFunction, exists: (key: string) => boolean, coded: Coded) {
  const key = `errors.codes.${coded.code}`;
  if (exists(key)) return t(key, { ...coded, ...(coded.params ?? {}) } as Record<string, unknown>);
  if (exists(`reasons.${coded.code}`) || exists(`reasons.${coded.code}_other`)) {
    return reasonText(t, coded);
  }
  return undefined;
}

/** A failure in words: a refusal by its code (and what it names), any other by its status. */
export function errorText(
  t: TFunction,
  exists: (key: string) => boolean,
  error: unknown,
): ErrorText {
  if (!(error instanceof ApiError)) {
    return { title: t('errors.title'), lines: [t('errors.server')], refusal: false };
  }
  const problem = error.problem as (Coded & Record<string, unknown>) | undefined;
  const lines: string[] = [];
  if (isCoded(problem)) {
    // A pair refused for a reason the matcher knows (PRODUCT's reporting-line rule): the API sends
    // the reason's code as its own, with the reason and what it names beside it.
    const reason = isCoded(problem.reason) ? problem.reason : undefined;
    if (reason && !exists(`errors.codes.${problem.code}`)) {
      lines.push(t('errors.codes.refusedPair'));
      const why = sentenceOf(t, exists, reason);
      if (why !== undefined) lines.push(why);
    } else {
      const own = sentenceOf(t, exists, problem);
      if (own !== undefined) lines.push(own);
    }
    // What stands in the way, one sentence each (erasure: the applications and pairs still running).
    if (Array.isArray(problem.blockers)) {
      for (const blocker of problem.blockers) {
        const sentence = isCoded(blocker) ? sentenceOf(t, exists, blocker) : undefined;
        if (sentence !== undefined) lines.push(sentence);
      }
    }
  }
  if (lines.length > 0) return { title: t('errors.refusedTitle'), lines, refusal: true };
  const refusal = error.status >= 400 && error.status < 500 && error.status !== 401;
  return {
    title: refusal ? t('errors.refusedTitle') : t('errors.title'),
    lines: [t(statusKey(error.status))],
    refusal,
  };
}

function statusKey(status: number): string {
  switch (status) {
    case 0:
      return 'errors.network';
    case 400:
    case 422:
      return 'errors.invalid';
    case 401:
      return 'errors.unauthorized';
    case 403:
      return 'errors.forbidden';
    case 404:
      return 'errors.notFound';
    case 409:
    case 412:
      return 'errors.conflict';
    case 428:
      return 'errors.codes.preconditionRequired';
    case 413:
      return 'errors.tooLarge';
    default:
      return 'errors.server';
  }
}
