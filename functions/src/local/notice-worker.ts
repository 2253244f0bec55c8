import { setTimeout as sleep } from 'node:timers/promises';
import type { SendRound } from '../jobs/send-notices';

/**
 * The local host's stand-in for the `notices` timer (functions/src/index.ts, every minute there):
 * one sender round at a time, every `intervalMs` (a second by default, so a newcomer sees a notice
 * arrive in the local inbox right after the click that caused it). A round that fails is logged
 * and the next one tries again: the outbox keeps every entry until it is marked.
 */
export function startNoticeWorker(options: {
  send(): Promise<SendRound | undefined>;
  intervalMs?: number;
  log?: (message: string, error?: unknown) => void;
}) {
  let stopping = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopping) {
      try {
        await options.send();
      } catch (error) {
        options.log?.('a notices round failed; the next one tries again', error);
      }
      await Promise.race([
        sleep(options.intervalMs ?? 1000),
        new Promise<void>((resolve) => {
          wake = resolve;
        }),
      ]);
    }
  })();
  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}
