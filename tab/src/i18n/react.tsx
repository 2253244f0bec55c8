import { createContext, type ReactNode, useContext } from 'react';
import type { TFunction, Translator } from './translator';

const TranslatorContext = createContext<Translator | null>(null);

/** Gives the screens below it the tab's catalogue (one language for the life of the page). */
export function TranslationProvider({ i18n, children }: { i18n: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={i18n}>{children}</TranslatorContext.Provider>;
}

/** The catalogue's `t` and the translator itself (its `language`, `exists`), as react-i18next named them. */
export function useTranslation(): { t: TFunction; i18n: Translator } {
  const i18n = useContext(TranslatorContext);
  if (!i18n) throw new Error('useTranslation outside a TranslationProvider');
  return { t: i18n.t, i18n };
}
