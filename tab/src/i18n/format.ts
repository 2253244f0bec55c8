import type { Language } from './i18n';

/** BCP-47 locale for dates and numbers: Spain's Spanish or British English, unless the host said more. */
export function localeFor(language: Language, hostLocale?: string): string {
  if (hostLocale?.toLowerCase().startsWith(language)) return hostLocale;
  return language === 'es' ? 'es-ES' : 'en-GB';
}

/** The viewer's time zone, as the browser (or Teams' web view) reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** A session's date and time as the viewer reads it: "martes, 3 de marzo de 2026, 10:00". */
export function formatSessionTime(
  instant: string | Date,
  locale: string,
  timeZone = viewerTimeZone(),
): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** A date without time: "3 mar 2026" / "3 Mar 2026". */
export function formatDate(instant: string | Date, locale: string, timeZone = viewerTimeZone()) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}
