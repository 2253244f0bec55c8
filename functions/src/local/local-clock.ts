import { z } from 'zod';
import type { Clock } from '../ports/clock';

/**
 * The one clock of a local run (`npm start`, tests): the API, the jobs and the Graph simulator all
 * read it, and the demo moves it forward (+1 day, +1 week) to show sessions becoming held. It lives
 * only in the local host's process: Azure composes the backend with the system clock
 * (functions/src/index.ts) and has no way to move it.
 */
export interface LocalClock extends Clock {
  /** Sets the time; every reader sees it at once. */
  set(at: Date): Date;
  /** Moves the time forward by `ms`. */
  advance(ms: number): Date;
  /** Called after every move (the simulator follows; the timers run). */
  onChange(listener: (now: Date) => void): void;
}

export function createLocalClock(start?: Date): LocalClock {
  let offsetMs = start ? start.getTime() - Date.now() : 0;
  const listeners: ((now: Date) => void)[] = [];
  const now = () => new Date(Date.now() + offsetMs);
  const moved = () => {
    const at = now();
    for (const listener of listeners) listener(at);
    return at;
  };
  return {
    now,
    set(at) {
      offsetMs = at.getTime() - Date.now();
      return moved();
    },
    advance(ms) {
      offsetMs += ms;
      return moved();
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

const DAY_MS = 86_400_000;

/** What `POST /_local/clock` accepts: a step forward in days (1 = a day, 7 = a week). */
export const ClockMoveSchema = z.strictObject({ days: z.number().int().min(1).max(31) });

/** `GET` tells the time; `POST {days}` moves it forward. Never backwards: booked data stays true. */
export function clockControl(clock: LocalClock) {
  return (method: string, body: unknown): { status: number; body: unknown } => {
    if (method === 'GET') return { status: 200, body: { now: clock.now().toISOString() } };
    if (method !== 'POST') return { status: 405, body: { error: 'GET or POST' } };
    const parsed = ClockMoveSchema.safeParse(body);
    if (!parsed.success) {
      return { status: 400, body: { error: 'days must be a whole number from 1 to 31' } };
    }
    return { status: 200, body: { now: clock.advance(parsed.data.days * DAY_MS).toISOString() } };
  };
}
