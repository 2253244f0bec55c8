import type { Composition } from '../compose';
import type { LocalClock } from './local-clock';

/**
 * The local host's stand-in for the Functions timers (functions/src/index.ts): the booking follow-up
 * (hourly there) and the booking sweep (every 10 minutes), on real time; and both at once whenever
 * the local clock is moved, so a jump of a day shows what a day of timers would have done.
 * Functions reads `0 5 * * * *` as NCRONTAB ({second} {minute} {hour} …: minute 5 of every hour) and
 * runs one instance of a timer function at a time; the ticks here do the same (one run at a time)
 * — https://learn.microsoft.com/en-us/azure/azure-functions/functions-bindings-timer
 */
export function startLocalTimers(options: {
  jobs: Composition['jobs'];
  clock: LocalClock;
  log?: (message: string, error?: unknown) => void;
}) {
  const { jobs, log } = options;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const runAll = async () => {
    try {
      await jobs.followUpAll();
    } catch (error) {
      log?.('the booking follow-up failed; it runs again at the next tick', error);
    }
    try {
      await jobs.requeueBookings();
    } catch (error) {
      log?.('the booking sweep failed; it runs again at the next tick', error);
    }
  };
  /** One run at a time; a tick during a run asks for one more after it. */
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = runAll().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void tick();
      }
    });
    return running;
  };
  const followUp = setInterval(() => void tick(), 3_600_000);
  const sweep = setInterval(
    () => void jobs.requeueBookings().catch((e) => log?.('sweep', e)),
    600_000,
  );
  followUp.unref();
  sweep.unref();
  options.clock.onChange(() => void tick());
  return {
    /** Runs the timers now (and waits for them): the demo seed uses it after moving the clock. */
    tick,
    async stop() {
      stopped = true;
      clearInterval(followUp);
      clearInterval(sweep);
      await running;
    },
  };
}
