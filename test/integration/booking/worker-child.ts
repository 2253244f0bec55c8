import { composeBackend } from '../../../functions/src/compose';
import { loadConfig } from '../../../functions/src/config';
import { startBookingWorker } from '../../../functions/src/local/booking-worker';

/**
 * A booking worker in its own process, configured like the local stack (argv[2]: its environment
 * as JSON), so a test can kill it mid-run and start another, or run two at once.
 */
const env = JSON.parse(process.argv[2]!) as Record<string, string>;
const { jobs } = composeBackend(loadConfig(env));
startBookingWorker({
  connection: { kind: 'connectionString', connectionString: env.TANDEM_STORAGE_CONNECTION! },
  // WORKER_HANDBACK=1: as the Functions queue trigger does, a pair Graph asks to wait for goes
  // back to the queue for the wait (bookFromQueue) instead of failing this try.
  book: (pairId) =>
    env.WORKER_HANDBACK === '1' ? jobs.bookFromQueue(pairId) : jobs.bookPair(pairId),
  concurrency: 4,
  visibilitySeconds: Number(env.WORKER_VISIBILITY_SECONDS ?? 5),
  idleMs: 100,
});
process.stdout.write('ready\n');
