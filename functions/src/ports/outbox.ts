import type { ActivityNotice, NoticeRefusedError } from './notifications';
import type { Versioned } from './versioned';

/**
 * The notifications outbox (docs/notifications.md, "Exactly once"): each notice a use case decides
 * on is stored here first, keyed by its idempotency key, and the sender job delivers it later.
 *
 * - `pending`: to send from `dueAt` on (a 429's Retry-After or a failed try pushes it later);
 * - `sending`: claimed by a sender until `dueAt`; a sender that died leaves it to be claimed again
 *   after that, and the resend is harmless (the same `chainId` replaces the notice in the feed);
 * - `sent`, or `refused` for good with Graph's reason (not installed, not permitted, invalid).
 */
export type OutboxState = 'pending' | 'sending' | 'sent' | 'refused';

export interface OutboxEntry {
  /** The idempotency key (domain/notifications noticeKey), also the notice's own key. */
  key: string;
  programmeId: string;
  notice: ActivityNotice;
  state: OutboxState;
  /** ISO time: a pending entry is due from then; a claimed one is free again from then. */
  dueAt: string;
  /** Sends tried (a claim counts one). */
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  refusal: NoticeRefusedError['reason'] | null;
  /** The last failure, for whoever reads the outbox (a 429, a cut connection). */
  lastError: string | null;
}

export type NewOutboxEntry = Pick<OutboxEntry, 'programmeId' | 'notice'>;

export interface Outbox {
  /**
   * Stores each notice unless one with its key is stored already: a use case's step that runs
   * again (after a crash, a retry) adds nothing, and what was sent stays sent.
   */
  add(entries: readonly NewOutboxEntry[], now: Date): Promise<void>;
  /** Up to `limit` entries due at `now`: pending ones, and claims whose time ran out. */
  due(now: Date, limit: number): Promise<Versioned<OutboxEntry>[]>;
  /** Replaces an entry if still at `etag` (StaleVersionError otherwise): claims and marks. */
  replace(entry: OutboxEntry, etag: string): Promise<Versioned<OutboxEntry>>;
  /** One person's notices, newest first (the local inbox; HR's view of who was not reached). */
  listFor(recipientId: string): Promise<OutboxEntry[]>;
}
