import { describe, expect, it } from 'vitest';
import { MAX_SCORE_MILLIS, SCORE_SHARES_OF_100, SCORE_WEIGHTS, scoreOutOf100 } from './score';

describe('the score as HR reads it, out of 100', () => {
  it('the best pair the weights allow is 100, no common ground is 0', () => {
    expect(scoreOutOf100(MAX_SCORE_MILLIS / 1000)).toBe(100);
    expect(scoreOutOf100(0)).toBe(0);
  });

  it('all topics offered and nothing else is the topics share', () => {
    expect(scoreOutOf100(SCORE_WEIGHTS.topics / 1000)).toBe(Math.round(SCORE_SHARES_OF_100.topics));
  });

  it('stays within 0–100 whatever the stored points', () => {
    expect(scoreOutOf100(99)).toBe(100);
    expect(scoreOutOf100(-1)).toBe(0);
  });

  it('the shares the explanation lists add up to 100', () => {
    const total = Object.values(SCORE_SHARES_OF_100).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(100, 10);
  });
});
