import type { z } from 'zod';
import type { TFunction } from '../../i18n/translator';

/**
 * Where a contract path lands on the settings form: `description.es`, `questions.2`, or the
 * setting itself (`plannedSessions`; `eligibility` for any of its parts).
 */
export function settingsFieldOf(path: readonly PropertyKey[]): string {
  const [head, next] = path.map(String);
  if (head === 'description' && next) return `description.${next}`;
  if (head === 'questions' && next !== undefined) return `questions.${next}`;
  return head ?? 'form';
}

/**
 * The contract's objections to HR's settings in the reader's language, one per field (never
 * the validator's English); the API parses with the same schema.
 */
export function settingsErrors(
  t: TFunction,
  issues: readonly z.core.$ZodIssue[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = settingsFieldOf(issue.path);
    out[field] ??= messageOf(t, issue);
  }
  return out;
}

function messageOf(t: TFunction, issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_format') return t('validation.day');
  if (issue.code === 'too_small') {
    if (issue.origin === 'number') return t('validation.atLeast', { count: Number(issue.minimum) });
    if (issue.origin === 'array') return t('validation.chooseSomeone');
    return t('validation.required');
  }
  if (issue.code === 'too_big') {
    const maximum = Number(issue.maximum);
    if (issue.origin === 'number') return t('validation.atMost', { count: maximum });
    return issue.origin === 'array'
      ? t('validation.tooMany', { count: maximum })
      : t('validation.tooLong', { count: maximum });
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number') return t('validation.number');
  return t('validation.invalid');
}
