import { useTranslation } from 'react-i18next';
import { localeFor } from './format';
import type { Language } from './i18n';

/** The viewer's locale for dates and numbers, following the tab's language. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return localeFor(i18n.language as Language, navigator.language);
}
