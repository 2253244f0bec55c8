import { describe, expect, it } from 'vitest';
import { occurrenceBounds } from './occurrence-bounds';

// Wednesdays 10:00 in Madrid, across the end of summer time (26 October 2031).
const sessions = [
  { index: 0, start: '2031-10-15T08:00:00Z' },
  { index: 1, start: '2031-10-22T08:00:00Z' },
  { index: 2, start: '2031-10-29T09:00:00Z' },
];

describe('where a session may move (event-update: ErrorOccurrenceCrossingBoundary)', () => {
  it('from the start of the day after the previous one to the start of the next one’s day, in the series zone', () => {
    expect(occurrenceBounds(sessions, 1, 'Europe/Madrid')).toEqual({
      // Madrid midnight: 16 Oct at +02:00; 29 Oct at +01:00 (after the change).
      notBefore: '2031-10-15T22:00:00.000Z',
      notAfter: '2031-10-28T23:00:00.000Z',
    });
  });

  it('leaves the first session’s start and the last one’s end open', () => {
    expect(occurrenceBounds(sessions, 0, 'Europe/Madrid')).toEqual({
      notAfter: '2031-10-21T22:00:00.000Z',
    });
    expect(occurrenceBounds(sessions, 2, 'Europe/Madrid')).toEqual({
      notBefore: '2031-10-22T22:00:00.000Z',
    });
  });

  it('counts days in the series’ zone, not UTC', () => {
    // 23:30 UTC on the 15th is already the 16th in Madrid: the move may start on the 17th.
    const late = [{ index: 0, start: '2031-10-15T23:30:00Z' }, sessions[1]!];
    expect(occurrenceBounds(late, 1, 'Europe/Madrid').notBefore).toBe('2031-10-16T22:00:00.000Z');
    expect(occurrenceBounds(late, 1, 'UTC').notBefore).toBe('2031-10-16T00:00:00.000Z');
  });

  it('uses neighbours by index, whatever order they come in, and knows no unknown session', () => {
    expect(occurrenceBounds([...sessions].reverse(), 1, 'Europe/Madrid')).toEqual(
      occurrenceBounds(sessions, 1, 'Europe/Madrid'),
    );
    expect(occurrenceBounds(sessions, 7, 'Europe/Madrid')).toEqual({});
  });
});
