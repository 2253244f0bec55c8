import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clientStateMatches,
  eventIdOf,
  expiryFrom,
  MAX_SUBSCRIPTION_MINUTES,
  RENEW_WHEN_LEFT_MS,
  type StoredSubscription,
  subscriptionAction,
} from './subscription';

const NOW = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const wanted = {
  organizer: 'tandem@contoso.example',
  notificationUrl: 'https://func.example/api/calendar/notifications',
};
const stored = (leftMs: number, over: Partial<StoredSubscription> = {}): StoredSubscription => ({
  id: 'sub-1',
  organizer: wanted.organizer,
  resource: `/users/${wanted.organizer}/events`,
  notificationUrl: wanted.notificationUrl,
  expirationDateTime: new Date(NOW.getTime() + leftMs).toISOString(),
  clientState: 'secret',
  ...over,
});

describe('the subscription timer', () => {
  it('asks for an expiry inside the 10,080 minutes Outlook events allow', () => {
    const asked = Date.parse(expiryFrom(NOW)) - NOW.getTime();
    expect(asked).toBeLessThan(MAX_SUBSCRIPTION_MINUTES * 60_000);
    // Long enough that renewing with a day left is not a renewal at every tick.
    expect(asked).toBeGreaterThan(RENEW_WHEN_LEFT_MS * 6);
  });

  it('creates when none is stored, or one is expired, for another mailbox or another URL', () => {
    expect(subscriptionAction(undefined, wanted, NOW)).toBe('create');
    expect(subscriptionAction(stored(-1), wanted, NOW)).toBe('create');
    expect(subscriptionAction(stored(0), wanted, NOW)).toBe('create');
    expect(
      subscriptionAction(stored(48 * HOUR, { organizer: 'x@contoso.example' }), wanted, NOW),
    ).toBe('create');
    expect(
      subscriptionAction(
        stored(48 * HOUR, { notificationUrl: 'https://old.example/n' }),
        wanted,
        NOW,
      ),
    ).toBe('create');
  });

  it('renews with less than a day left, before expiry, and keeps it otherwise', () => {
    expect(subscriptionAction(stored(23 * HOUR), wanted, NOW)).toBe('renew');
    expect(subscriptionAction(stored(60_000), wanted, NOW)).toBe('renew');
    expect(subscriptionAction(stored(25 * HOUR), wanted, NOW)).toBe('keep');
    // The mailbox compares without case, as Exchange addresses do.
    expect(
      subscriptionAction(stored(25 * HOUR, { organizer: 'Tandem@Contoso.example' }), wanted, NOW),
    ).toBe('keep');
  });

  it('never keeps one that a 30-minute timer would let expire', () => {
    fc.assert(
      fc.property(fc.integer({ min: -HOUR, max: 8 * 24 * HOUR }), (left) => {
        const action = subscriptionAction(stored(left), wanted, NOW);
        if (left <= 30 * 60_000) expect(action).not.toBe('keep');
        if (left > RENEW_WHEN_LEFT_MS) expect(action).toBe('keep');
      }),
    );
  });
});

describe('clientState', () => {
  it('matches only the very secret', () => {
    expect(clientStateMatches('s3cret', 's3cret')).toBe(true);
    expect(clientStateMatches('s3cret', 's3creT')).toBe(false);
    expect(clientStateMatches('s3cret', 's3cre')).toBe(false);
    expect(clientStateMatches('s3cret', '')).toBe(false);
    expect(clientStateMatches('s3cret', undefined)).toBe(false);
    expect(clientStateMatches('s3cret', null)).toBe(false);
  });

  it('matches a string exactly when it is equal', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 128 }), fc.string({ maxLength: 128 }), (a, b) => {
        expect(clientStateMatches(a, b)).toBe(a === b);
      }),
    );
  });
});

describe('the event a notification names', () => {
  it('reads resourceData.id, else the resource path in either form', () => {
    expect(eventIdOf({ resource: 'Users/u/Events/AAMk1', resourceData: { id: 'AAMk2' } })).toBe(
      'AAMk2',
    );
    expect(eventIdOf({ resource: 'Users/u/Events/AAMk1' })).toBe('AAMk1');
    expect(eventIdOf({ resource: "Users('u')/Events('AAMk%3D1')" })).toBe('AAMk=1');
    expect(eventIdOf({ resource: 'Users/u/Messages/AAMk1' })).toBeUndefined();
    expect(eventIdOf({})).toBeUndefined();
  });
});
