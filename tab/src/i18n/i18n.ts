import { type Catalogue, createTranslator, type Translator } from './translator';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Teams gives locales like "es-es", "es-mx", "en-gb": Tandem speaks Spanish or English. */
export function languageOf(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'es' ? 'es' : 'en';
}

// Each language is its own chunk: a page downloads only the one it speaks (Teams' locale is fixed
// for the life of the tab), fetched in parallel with the rest of start-up.
const RESOURCES: Record<Language, () => Promise<{ default: Catalogue }>> = {
  es: () => import('./es.json'),
  en: () => import('./en.json'),
};

/** Starts downloading a language's chunk before the translator needs it (createI18n then finds it). */
export function preloadLanguage(language: Language): void {
  RESOURCES[language]().catch(() => {});
}

/** The translator for the language, once its catalogue has arrived (translator.ts). */
export async function createI18n(language: Language): Promise<Translator> {
  const { default: catalogue } = await RESOURCES[language]();
  return createTranslator(language, catalogue);
}
