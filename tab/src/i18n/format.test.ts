import { describe, expect, it } from 'vitest';
import { formatDate, formatSessionTime, localeFor } from './format';

describe('dates in the viewer’s zone and language', () => {
  const instant = '2026-03-31T08:00:00Z'; // after Madrid's DST change: 10:00 in Madrid

  it('shows a session at the viewer’s local time, not the server’s', () => {
    expect(formatSessionTime(instant, 'es-ES', 'Europe/Madrid')).toMatch(
      /martes.*31.*marzo.*10:00/,
    );
    expect(formatSessionTime(instant, 'en-GB', 'America/Mexico_City')).toMatch(
      /Tuesday.*31.*March.*02:00/,
    );
  });

  it('formats plain dates per locale', () => {
    expect(formatDate(instant, 'es-ES', 'Europe/Madrid')).toBe('31 mar 2026');
    expect(formatDate(instant, 'en-GB', 'Europe/London')).toBe('31 Mar 2026');
  });

  it('keeps the host’s regional variant when it matches the language', () => {
    expect(localeFor('es', 'es-MX')).toBe('es-MX');
    expect(localeFor('en', 'es-MX')).toBe('en-GB');
    expect(localeFor('es')).toBe('es-ES');
  });
});
