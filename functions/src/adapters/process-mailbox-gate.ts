import { MAILBOX_CONCURRENCY, type MailboxGate } from '../ports/mailbox-gate';

/** At most `limit` requests in flight per mailbox from this process only. */
export function processMailboxGate(limit: number = MAILBOX_CONCURRENCY): MailboxGate {
  const queues = new Map<string, { running: number; waiting: (() => void)[] }>();
  return {
    async run<T>(mailbox: string, work: () => Promise<T>): Promise<T> {
      const key = mailbox.toLowerCase();
      const q = queues.get(key) ?? { running: 0, waiting: [] };
      queues.set(key, q);
      if (q.running >= limit) await new Promise<void>((resolve) => q.waiting.push(resolve));
      q.running++;
      try {
        return await work();
      } finally {
        q.running--;
        q.waiting.shift()?.();
        if (q.running === 0 && q.waiting.length === 0) queues.delete(key);
      }
    },
  };
}
