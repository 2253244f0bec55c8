import type { TFunction } from '../../i18n/translator';

/**
 * A reason from the matcher or the API (a stable code and its values) in the reader's language.
 * Codes the tab does not know yet fall back to the English text the API sent.
 */
export function reasonText(
  t: TFunction,
  reason: { code: string; text?: string; params?: Record<string, unknown> },
  language: string = pageLanguage(),
  vocabulary: readonly TopicLabels[] = [],
): string {
  const params = { ...(reason.params ?? {}) };
  // Languages travel as codes ("es, en"): the reader reads their names ("español, inglés").
  if (typeof params.languages === 'string')
    params.languages = languageNames(params.languages, language);
  // Topics travel as the vocabulary's ids (or the person's own words): named in the reader's language.
  if (typeof params.topics === 'string')
    params.topics = topicNames(params.topics, language, vocabulary);
  // Preferred times travel as `monday-morning`: "Monday morning", "lunes por la mañana".
  if (typeof params.times === 'string') params.times = slotNames(t, params.times);
  const count =
    typeof params.levels === 'number' ? params.levels : (params.eligible as number | undefined);
  return t(`reasons.${reason.code}`, {
    ...params,
    ...(count !== undefined ? { count } : {}),
    defaultValue: reason.text ?? reason.code,
  });
}

/** A topic of the programme's vocabulary as the tab receives it (GET /programmes/:id/topics). */
export interface TopicLabels {
  id: string;
  label: { es: string; en: string };
}

function topicNames(list: string, language: string, vocabulary: readonly TopicLabels[]): string {
  const lang = language.startsWith('es') ? 'es' : 'en';
  return list
    .split(', ')
    .map((item) => vocabulary.find((topic) => topic.id === item)?.label[lang] ?? item)
    .join(', ');
}

function slotNames(t: TFunction, list: string): string {
  return list
    .split(',')
    .map((slot) => slot.trim())
    .filter(Boolean)
    .map((slot) => {
      const [day, part] = slot.split('-');
      return t(`slots.${part}`, { day: t(`apply.days.${day}`), defaultValue: slot });
    })
    .join(', ');
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
