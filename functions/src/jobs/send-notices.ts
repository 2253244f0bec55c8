import { NoticeRefusedError, type NotificationPort } from '../ports/notifications';
import type { Outbox, OutboxEntry } from '../ports/outbox';
import { ThrottledError } from '../ports/throttled';
import { StaleVersionError, type Versioned } from '../ports/versioned';

export interface SendNoticesDeps {
  outbox: Outbox;
  notifications: Pick<NotificationPort, 'send'>;
  now(): Date;
}

/** How long a sender holds a claimed entry: a sender that dies lets it go after this. */
export const CLAIM_SECONDS = 300;
/** Entries one run takes. */
export const BATCH = 50;
/** After a failed try (Graph's retries spent, a cut connection): wait this long times the tries. */
const RETRY_SECONDS = 60;
const MAX_RETRY_SECONDS = 3600;

export interface SendRound {
  sent: number;
  refused: number;
  /** Left for later: throttled, or a failed try. */
  deferred: number;
  /** Taken by another sender first. */
  skipped: number;
  /** Graph asked to wait this long: the round stopped there. */
  throttledForSeconds?: number;
}

const later = (now: Date, seconds: number) =>
  new Date(now.getTime() + seconds * 1000).toISOString();

/**
 * One round of the sender (docs/notifications.md, "Exactly once"). For each due entry of the
 * outbox: claim it (an ETag-guarded write, so two senders never both take it), send it through the
 * port, mark it sent. What can go wrong and what then happens:
 *
 * - the process dies after the claim, before or after Graph answered: the claim runs out
 *   (CLAIM_SECONDS) and a later round sends again; the notice carries the same `chainId`, which
 *   "override[s] the previous notification", so the feed still shows one;
 * - Graph answers 429 with a wait longer than a request sleeps in place (ThrottledError): the
 *   entry goes back to pending, due after Retry-After, and the round stops (the app is throttled,
 *   not the person);
 * - Graph refuses the notice for good (NoticeRefusedError): marked refused with the reason;
 * - anything else (retries spent, a cut connection): back to pending, due a little later.
 *
 * A storage error is not caught: the round stops as a crash would, and loses nothing.
 */
export async function sendNotices(deps: SendNoticesDeps, limit = BATCH): Promise<SendRound> {
  const round: SendRound = { sent: 0, refused: 0, deferred: 0, skipped: 0 };
  for (const due of await deps.outbox.due(deps.now(), limit)) {
    const claimed = await claim(deps, due);
    if (!claimed) {
      round.skipped++;
      continue;
    }
    const outcome = await sendOne(deps, claimed);
    round[outcome.kind]++;
    if (outcome.throttledForSeconds !== undefined) {
      round.throttledForSeconds = outcome.throttledForSeconds;
      break;
    }
  }
  return round;
}

async function claim(
  deps: SendNoticesDeps,
  { value, etag }: Versioned<OutboxEntry>,
): Promise<Versioned<OutboxEntry> | undefined> {
  try {
    return await deps.outbox.replace(
      {
        ...value,
        state: 'sending',
        dueAt: later(deps.now(), CLAIM_SECONDS),
        attempts: value.attempts + 1,
      },
      etag,
    );
  } catch (error) {
    if (error instanceof StaleVersionError) return undefined;
    throw error;
  }
}

async function sendOne(
  deps: SendNoticesDeps,
  claimed: Versioned<OutboxEntry>,
): Promise<{ kind: 'sent' | 'refused' | 'deferred'; throttledForSeconds?: number }> {
  const entry = claimed.value;
  let change: Partial<OutboxEntry>;
  let kind: 'sent' | 'refused' | 'deferred';
  let throttledForSeconds: number | undefined;
  try {
    await deps.notifications.send(entry.notice);
    change = { state: 'sent', sentAt: deps.now().toISOString(), lastError: null };
    kind = 'sent';
  } catch (error) {
    if (error instanceof NoticeRefusedError) {
      change = { state: 'refused', refusal: error.reason, lastError: error.message };
      kind = 'refused';
    } else if (error instanceof ThrottledError) {
      throttledForSeconds = error.retryAfterSeconds;
      change = {
        state: 'pending',
        dueAt: later(deps.now(), error.retryAfterSeconds),
        lastError: error.message,
      };
      kind = 'deferred';
    } else {
      const wait = Math.min(MAX_RETRY_SECONDS, RETRY_SECONDS * entry.attempts);
      change = {
        state: 'pending',
        dueAt: later(deps.now(), wait),
        lastError: error instanceof Error ? error.message : String(error),
      };
      kind = 'deferred';
    }
  }
  try {
    await deps.outbox.replace({ ...entry, ...change }, claimed.etag);
  } catch (error) {
    // Our claim ran out and another sender took the entry: its outcome stands (and the feed
    // holds one notice either way, by chainId).
    if (!(error instanceof StaleVersionError)) throw error;
  }
  return { kind, throttledForSeconds };
}
