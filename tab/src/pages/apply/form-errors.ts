import type { z } from 'zod';
import type { TFunction } from '../../i18n/translator';

/** The form's fields in the order a person reads them: the first with an error gets the focus. */
export const FIELD_ORDER = ['why', 'topics', 'languages', 'consent'] as const;
export type FormField = (typeof FIELD_ORDER)[number];

/** Which field of the form a contract path belongs to (wants and offers are the one topics box). */
function fieldOf(path: readonly PropertyKey[]): FormField | 'form' {
  const head = String(path[0] ?? '');
  if (head === 'wants' || head === 'offers') return 'topics';
  return (FIELD_ORDER as readonly string[]).includes(head) ? (head as FormField) : 'form';
}

/**
 * The contract's objections in the reader's language, one per field: never the validator's own
 * English ("Too small: expected string…"). The same schema the API parses with decides.
 */
export function formErrors(
  t: TFunction,
  issues: readonly z.core.$ZodIssue[],
  role: 'mentee' | 'mentor',
): Partial<Record<FormField | 'form', string>> {
  const out: Partial<Record<FormField | 'form', string>> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    out[field] ??= messageOf(t, issue, field, role);
  }
  return out;
}

function messageOf(
  t: TFunction,
  issue: z.core.$ZodIssue,
  field: FormField | 'form',
  role: 'mentee' | 'mentor',
): string {
  if (field === 'consent') return t('validation.consent');
  if (field === 'topics' && (issue.code === 'custom' || issue.code === 'too_small')) {
    return t(role === 'mentee' ? 'validation.wants' : 'validation.offers');
  }
  if (field === 'languages' && issue.code === 'too_small') return t('validation.languages');
  if (issue.code === 'too_small') return t('validation.required');
  if (issue.code === 'too_big') {
    const maximum = Number(issue.maximum);
    return issue.origin === 'array'
      ? t('validation.tooMany', { count: maximum })
      : t('validation.tooLong', { count: maximum });
  }
  return t('validation.invalid');
}
