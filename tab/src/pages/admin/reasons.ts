import type { TFunction } from '../../i18n/translator';

/**
 * A reason from the matcher or the API (a stable code and its values) in the reader's language.
 * Codes the tab does not know yet fall back to the English text the API sent.
 */
export function reasonText(
  t: TFunction,
  reason: { code: string; text?: string; params?: Record<string, unknown> },
  language: string = pageLanguage(),
): string {
  const params = { ...(reason.params ?? {}) };
  // Languages travel as codes ("es, en"): the reader reads their names ("español, inglés").
  if (typeof params.languages === 'string')
    params.languages = languageNames(params.languages, language);
  const count =
    typeof params.levels === 'number' ? params.levels : (params.eligible as number | undefined);
  return t(`reasons.${reason.code}`, {
    ...params,
    ...(count !== undefined ? { count } : {}),
    defaultValue: reason.text ?? reason.code,
  });
}

/** The language the page speaks (set on <html lang> at start-up), English outside a page. */
function pageLanguage(): string {
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'en';
}

/** "es, en" as the reader names them: "español, inglés" in Spanish, "Spanish, English" in English. */
function languageNames(codes: string, language: string): string {
  const names = new Intl.DisplayNames([language], { type: 'language' });
  return codes
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean)
    .map((code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}
