import { describe, expect, it } from 'vitest';
import { seriesWindowEnd } from './plan-series';

describe('the window a series is planned in', () => {
  it('ends on the same day of the month, months later', () => {
    expect(seriesWindowEnd('2027-03-15', 6)).toBe('2027-09-15');
    expect(seriesWindowEnd('2026-12-03', 3)).toBe('2027-03-03');
  });

  it('clamps to the last day of a shorter month instead of running into the next', () => {
    // A plain setUTCMonth would give 3 March: three days the planner never plans in.
    expect(seriesWindowEnd('2027-01-31', 1)).toBe('2027-02-28');
    expect(seriesWindowEnd('2027-08-31', 6)).toBe('2028-02-29');
  });

  it('refuses what is not a calendar date', () => {
    expect(seriesWindowEnd('2027-02-30', 1)).toBeUndefined();
  });
});
