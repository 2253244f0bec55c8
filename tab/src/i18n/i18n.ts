import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Teams gives locales like "es-es", "es-mx", "en-gb": Tandem speaks Spanish or English. */
export function languageOf(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'es' ? 'es' : 'en';
}

// Each language is its own chunk: a page downloads only the one it speaks (Teams' locale is fixed
// for the life of the tab), fetched in parallel with the rest of start-up.
const RESOURCES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  es: () => import('./es.json'),
  en: () => import('./en.json'),
};

/** Starts downloading a language's chunk before i18next needs it (createI18n then finds it). */
export function preloadLanguage(language: Language): void {
  RESOURCES[language]().catch(() => {});
}

/** i18next with the language's resources; plural rules come from Intl.PluralRules. */
export async function createI18n(language: Language): Promise<i18n> {
  const { default: translation } = await RESOURCES[language]();
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    resources: { [language]: { translation } },
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => {
      console.error(`Missing translation: ${key}`);
    },
  });
  return instance;
}
