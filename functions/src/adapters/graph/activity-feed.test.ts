import { describe, expect, it } from 'vitest';
import { chainIdFor, teamsDeepLink } from './activity-feed';

describe('chainIdFor', () => {
  it('gives the same outbox key the same positive Int64, safe in JavaScript', () => {
    const key = 'paired:pair-7:user-3';
    expect(chainIdFor(key)).toBe(chainIdFor(key));
    expect(Number.isSafeInteger(chainIdFor(key))).toBe(true);
    expect(chainIdFor(key)).toBeGreaterThan(0);
  });

  it('gives different keys different chains (a reminder is a notice of its own)', () => {
    const ids = new Set(
      Array.from({ length: 1000 }, (_, i) => chainIdFor(`feedbackDue:pair-${i}:user:1`)),
    );
    expect(ids.size).toBe(1000);
    expect(chainIdFor('feedbackDue:s-1:u-1')).not.toBe(chainIdFor('feedbackDue:s-1:u-1:2'));
  });
});

describe('teamsDeepLink', () => {
  it('opens the personal tab at the sub-entity, on the Teams domain the topic needs', () => {
    const link = new URL(teamsDeepLink('3f2b1c9e-7a4d-4e2b-9c1f-5d6e7f8a9b0c', 'pairs/p-9'));
    expect(link.origin).toBe('https://teams.microsoft.com');
    expect(link.pathname).toBe('/l/entity/3f2b1c9e-7a4d-4e2b-9c1f-5d6e7f8a9b0c/home');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'pairs/p-9' });
  });
});
