/** Contoso Ibérica's offices, their time zones, and the languages and hours people keep there. */

export type Office = 'Madrid' | 'Barcelona' | 'Las Palmas de Gran Canaria' | 'Ciudad de México';
export type PreferredLanguage = 'es-ES' | 'en-GB' | 'en-US' | 'es-MX';

export interface OfficeZone {
  /** The name a Windows-minded admin sets in Exchange. */
  windows: string;
  /** The name an admin who prefers IANA sets (Graph accepts both). */
  iana: string;
  usageLocation: 'ES' | 'MX';
  /**
   * Offset to Madrid's wall clock in minutes, in Spain's winter and summer: lines up shared slots
   * across offices for the whole of a series that crosses a DST change.
   */
  offsetToMadrid: { winter: number; summer: number };
}

/**
 * The Canary Islands keep Western European Time, which Windows names 'GMT Standard Time' (the same
 * rules as London); Mexico City dropped DST in 2022, so its gap to Madrid is 7 h in winter and 8 h
 * in summer.
 */
export const OFFICE_ZONES: Record<Office, OfficeZone> = {
  Madrid: {
    windows: 'Romance Standard Time',
    iana: 'Europe/Madrid',
    usageLocation: 'ES',
    offsetToMadrid: { winter: 0, summer: 0 },
  },
  Barcelona: {
    windows: 'Romance Standard Time',
    iana: 'Europe/Madrid',
    usageLocation: 'ES',
    offsetToMadrid: { winter: 0, summer: 0 },
  },
  'Las Palmas de Gran Canaria': {
    windows: 'GMT Standard Time',
    iana: 'Atlantic/Canary',
    usageLocation: 'ES',
    offsetToMadrid: { winter: -60, summer: -60 },
  },
  'Ciudad de México': {
    windows: 'Central Standard Time (Mexico)',
    iana: 'America/Mexico_City',
    usageLocation: 'MX',
    offsetToMadrid: { winter: -420, summer: -480 },
  },
};

export const OFFICES = Object.keys(OFFICE_ZONES) as Office[];

/** Where a new team settles: headquarters in Madrid, a Mexican subsidiary, two smaller sites. */
export const OFFICE_WEIGHTS: readonly (readonly [Office, number])[] = [
  ['Madrid', 45],
  ['Barcelona', 22],
  ['Las Palmas de Gran Canaria', 11],
  ['Ciudad de México', 22],
];

/** Exchange's `mailboxSettings.language` display names for the locales in use. */
export const LANGUAGE_DISPLAY_NAMES: Record<PreferredLanguage, string> = {
  'es-ES': 'español (España, alfabetización internacional)',
  'es-MX': 'español (México)',
  'en-GB': 'English (United Kingdom)',
  'en-US': 'English (United States)',
};

export function isInMexico(office: Office): boolean {
  return OFFICE_ZONES[office].usageLocation === 'MX';
}

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingDay {
  daysOfWeek: Weekday[];
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

/** Graph's working-hours time format: 'HH:MM:SS.0000000'. */
export function graphTimeOfDay(minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${h}:${m}:00.0000000`;
}
