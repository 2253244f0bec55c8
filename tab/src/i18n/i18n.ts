import { type Catalogue, createTranslator, type Translator } from './translator';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Teams gives locales like "es-es", "es-mx", "en-gb": Tandem speaks Spanish or English. */
export function languageOf(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'es' ? 'es' : 'en';
}

type Part = () => Promise<{ default: Catalogue }>;

// Each language is its own chunks: a page downloads only the one it speaks (Teams' locale is fixed
// for the life of the tab), and first only the sections the first screen reads (sections.ts); the
// rest comes with the code of the next screen opened (catalogueComplete).
const PARTS: Record<Language, { start: Part; rest: Part }> = {
  es: { start: () => import('./es.json?part=start'), rest: () => import('./es.json?part=rest') },
  en: { start: () => import('./en.json?part=start'), rest: () => import('./en.json?part=rest') },
};

/** Starts downloading a language's first part before the translator needs it (createI18n then finds it). */
export function preloadLanguage(language: Language): void {
  PARTS[language].start().catch(() => {});
}

let started: { translator: Translator; language: Language; rest?: Promise<void> } | undefined;

/**
 * The translator for the language, once the first screen's sections have arrived (translator.ts);
 * `whole` waits for every section (the Outlook pane, which has no "first screen" of the tab's).
 */
export async function createI18n(language: Language, whole = false): Promise<Translator> {
  const { default: catalogue } = await PARTS[language].start();
  const translator = createTranslator(language, catalogue);
  started = { translator, language };
  if (whole) await catalogueComplete();
  return translator;
}

/** The rest of the catalogue, added to the translator createI18n made: each screen past the first awaits it. */
export function catalogueComplete(): Promise<void> {
  if (!started) return Promise.resolve();
  const current = started;
  current.rest ??= PARTS[current.language].rest().then(
    ({ default: rest }) => current.translator.add(rest),
    (error: unknown) => {
      current.rest = undefined; // the next screen opened asks again
      throw error;
    },
  );
  return current.rest;
}
