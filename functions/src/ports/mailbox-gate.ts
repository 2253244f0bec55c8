/**
 * Admission to one mailbox's Graph requests. Outlook serves 4 concurrent requests per app per
 * mailbox and 10,000 per 10 minutes (docs `concepts/throttling-limits.md`, "Outlook service limits",
 * https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits). An adapter decides how
 * wide "per app" is: one process, or every instance through shared storage.
 */
export interface MailboxGate {
  /** Runs `work` while holding one of the mailbox's slots; waits while all are taken. */
  run<T>(mailbox: string, work: () => Promise<T>): Promise<T>;
}

/** Outlook's concurrent-request limit per app and mailbox (throttling-limits.md). */
export const MAILBOX_CONCURRENCY = 4;
