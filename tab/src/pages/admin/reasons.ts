import type { TFunction } from 'i18next';

/**
 * A reason from the matcher or the API (a stable code and its values) in the reader's language.
 * Codes the tab does not know yet fall back to the English text the API sent.
 */
export function reasonText(
  t: TFunction,
  reason: { code: string; text?: string; params?: Record<string, unknown> },
): string {
  const params = reason.params ?? {};
  const count =
    typeof params.levels === 'number' ? params.levels : (params.eligible as number | undefined);
  return t(`reasons.${reason.code}`, {
    ...params,
    ...(count !== undefined ? { count } : {}),
    defaultValue: reason.text ?? reason.code,
  });
}
