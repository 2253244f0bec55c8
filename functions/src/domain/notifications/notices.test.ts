import { describe, expect, test } from 'vitest';
import {
  MOMENTS,
  momentOn,
  noticeDate,
  noticeKey,
  noticeLanguage,
  noticeWords,
  notificationSwitches,
} from './notices';

describe('the recipient’s language', () => {
  test('the directory’s preferred language when Tandem speaks it', () => {
    expect(noticeLanguage('en-GB', 'es')).toBe('en');
    expect(noticeLanguage('es-ES', 'en')).toBe('es');
    expect(noticeLanguage('EN_us', undefined)).toBe('en');
  });
  test('else the programme’s, else Spanish', () => {
    expect(noticeLanguage('fr-FR', 'en')).toBe('en');
    expect(noticeLanguage(null, 'en')).toBe('en');
    expect(noticeLanguage(null, undefined)).toBe('es');
  });
});

test('a notice’s key names its moment, subject and recipient, and the reminder’s number', () => {
  expect(noticeKey('paired', 'p-1', 'u-1')).toBe('paired:p-1:u-1');
  expect(noticeKey('feedbackDue', 'p-1/3', 'u-1', 2)).toBe('feedbackDue:p-1/3:u-1:2');
  expect(noticeKey('paired', 'p-1', 'u-1')).not.toBe(noticeKey('paired', 'p-1', 'u-2'));
});

describe('HR’s switches', () => {
  test('every moment on for a programme stored before the switches', () => {
    const all = notificationSwitches(undefined);
    expect(MOMENTS.every((m) => all[m])).toBe(true);
  });
  test('a switched-off moment is off, the others stay on', () => {
    const programme = { notifications: { paired: false } };
    expect(momentOn(programme, 'paired')).toBe(false);
    expect(momentOn(programme, 'seriesBooked')).toBe(true);
  });
});

describe('the words', () => {
  test('dates in the recipient’s language and time zone', () => {
    const iso = '2027-01-12T09:00:00Z';
    expect(noticeDate(iso, 'es')).toBe('martes, 12 de enero, 10:00');
    // English joins date and time with "at" or ", " depending on the ICU version.
    expect(noticeDate(iso, 'en')).toMatch(/^Tuesday,? 12 January(,| at) 10:00$/);
  });
  test('the paired notice introduces the partner and the first session, in each language', () => {
    const facts = {
      programme: 'Mentoring Contoso 2026',
      partner: 'Elena Rivas',
      firstSession: '2027-01-12T09:00:00Z',
    };
    const es = noticeWords('paired', facts, 'es');
    const en = noticeWords('paired', facts, 'en');
    expect(es.parameters).toEqual({
      programme: 'Mentoring Contoso 2026',
      partner: 'Elena Rivas',
      firstSession: 'martes, 12 de enero, 10:00',
    });
    expect(es.preview).toContain('Elena Rivas y tú formáis pareja');
    expect(en.preview).toContain('You and Elena Rivas are a pair');
    expect(en.parameters.firstSession).not.toBe(es.parameters.firstSession);
  });
  test('HR reads why a booking failed in their language', () => {
    const facts = { programme: 'P', reason: 'noSchedule' as const };
    expect(noticeWords('bookingFailed', facts, 'es').parameters.reason).toBe(
      'no hay huecos libres para la serie',
    );
    expect(noticeWords('bookingFailed', facts, 'en').parameters.reason).toBe(
      'there are no free slots for the series',
    );
  });
  test('every preview fits the 150 characters Teams shows, with long names', () => {
    const long = 'Programa de mentoring inverso para la dirección digital';
    const name = 'María del Carmen Fernández-Villanueva';
    const date = '2027-09-30T16:30:00Z';
    const facts = {
      programme: long,
      partner: name,
      person: name,
      firstSession: date,
      date,
      newDate: date,
      deadline: date,
      sessions: 10,
      count: 12,
      reason: 'noTeamsMeetings',
    };
    for (const moment of MOMENTS) {
      for (const l of ['es', 'en'] as const) {
        const words = noticeWords(moment, facts as never, l);
        expect([...words.preview].length, `${moment} ${l}`).toBeLessThanOrEqual(150);
        expect(words.preview).toMatch(/[.…]$/);
      }
    }
  });
});
