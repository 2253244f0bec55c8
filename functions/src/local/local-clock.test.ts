import { describe, expect, it } from 'vitest';
import { clockControl, createLocalClock } from './local-clock';

describe('the local clock', () => {
  it('moves forward for every reader and tells its listeners', () => {
    const clock = createLocalClock(new Date('2026-03-02T09:00:00Z'));
    const seen: string[] = [];
    clock.onChange((now) => seen.push(now.toISOString().slice(0, 10)));
    const control = clockControl(clock);
    const moved = control('POST', { days: 7 });
    expect(moved.status).toBe(200);
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-03-09');
    expect(seen).toEqual(['2026-03-09']);
    expect((control('GET', undefined).body as { now: string }).now.slice(0, 10)).toBe('2026-03-09');
  });

  it('refuses anything but a whole number of days from 1 to 31, and moves nothing then', () => {
    const clock = createLocalClock(new Date('2026-03-02T09:00:00Z'));
    const control = clockControl(clock);
    for (const body of [{ days: 0 }, { days: -1 }, { days: 1.5 }, { days: 32 }, {}, null, 'x']) {
      expect(control('POST', body).status).toBe(400);
    }
    expect(control('POST', { days: 1, extra: true }).status).toBe(400);
    expect(control('DELETE', undefined).status).toBe(405);
    expect(clock.now().toISOString().slice(0, 10)).toBe('2026-03-02');
  });
});
