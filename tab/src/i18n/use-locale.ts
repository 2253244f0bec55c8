import { localeFor } from './format';
import type { Language } from './i18n';
import { useTranslation } from './react';

/** The viewer's locale for dates and numbers, following the tab's language. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return localeFor(i18n.language as Language, navigator.language);
}
