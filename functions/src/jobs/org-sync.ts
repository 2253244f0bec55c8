import { randomUUID } from 'node:crypto';
import {
  type DirectoryChange,
  type DirectoryPage,
  type DirectoryRefresh,
  type DirectorySnapshot,
  type DirectorySource,
  type DirectoryState,
  type OrgSyncResult,
  ResyncRequiredError,
  type RoundPosition,
} from '../ports/directory';
import { ThrottledError } from '../ports/throttled';

/**
 * Brings the directory snapshot up to date with one delta round: the first time (or after Graph
 * let the link expire) a full round, which also drops people the directory no longer has; then
 * only what changed. A round that stopped halfway (throttled) goes on from where it stopped.
 * Hierarchy checks (PRODUCT rule 1) read this snapshot, so confirmation and booking run a round
 * first.
 */
export async function syncDirectory(
  source: DirectorySource,
  snapshot: DirectorySnapshot,
  now: () => Date,
): Promise<OrgSyncResult> {
  const state = await snapshot.state();
  try {
    return await round(source, snapshot, state, now);
  } catch (error) {
    if (!(error instanceof ResyncRequiredError)) throw error;
    if (state.deltaLink === null && state.position === null) throw error;
    // The delta link, or the saved nextLink of a round halfway, expired ("a 40X-series error",
    // https://learn.microsoft.com/en-us/graph/delta-query-overview, "Token duration"): a full
    // round from the start.
    if (state.position) await snapshot.savePosition(null);
    return round(source, snapshot, { ...state, deltaLink: null, position: null }, now);
  }
}

/**
 * Resolves each `manager@delta` removal against the manager stored (or set earlier in the page):
 * only the current manager's removal clears it, so a late or replayed removal of a former manager
 * never erases the new one (user-delta.md; replays: concepts/delta-query-overview.md, "Replays").
 */
async function withManagerRemovals(
  snapshot: DirectorySnapshot,
  changes: readonly DirectoryChange[],
  managerOf = new Map<string, string | null>(),
): Promise<DirectoryChange[]> {
  const out: DirectoryChange[] = [];
  for (const change of changes) {
    if (change.kind === 'remove') {
      managerOf.set(change.id, null);
      out.push(change);
      continue;
    }
    const { managerRemoved, ...rest } = change;
    if (managerRemoved !== undefined && rest.fields.managerId === undefined) {
      const stored = managerOf.has(change.id)
        ? managerOf.get(change.id)
        : ((await snapshot.get(change.id))?.managerId ?? null);
      if (stored === managerRemoved) rest.fields = { ...rest.fields, managerId: null };
    }
    if (rest.fields.managerId !== undefined) managerOf.set(change.id, rest.fields.managerId);
    out.push(rest);
  }
  return out;
}

/** Changes a full round gathers before writing: enough for full transactions in every partition. */
const FULL_ROUND_BUFFER = 12_800;

async function round(
  source: DirectorySource,
  snapshot: DirectorySnapshot,
  state: DirectoryState,
  now: () => Date,
): Promise<OrgSyncResult> {
  const { deltaLink } = state;
  const resumed = state.position;
  const full = resumed ? resumed.full : deltaLink === null;
  // Everyone a full round lists is stored with its mark, so the round's end knows who was not
  // listed even when the round ran over several ticks.
  const mark = resumed?.round ?? randomUUID();
  // Changes rounds keep the head count by checking who each page adds or removes; a full round
  // counts everyone it marked.
  let people = resumed ? resumed.people : state.people;
  // Who this tick's part of a full round listed, to tell a removal of someone just listed.
  const seen = new Set<string>();
  let pages = resumed?.pages ?? 0;
  let changes = resumed?.changes ?? 0;
  let removed = resumed?.removed ?? 0;
  /** Where the page after the last one stored is read. */
  let nextLink = resumed?.nextLink;
  // A full round writes many pages at once: Graph pages hold 200 people, spread over the
  // snapshot's partitions they would make transactions of a few rows each, while an entity group
  // transaction holds up to 100 (learn.microsoft.com/rest/api/storageservices/performing-entity-group-transactions).
  // Nothing is final before completeRound records the delta link, so buffering changes no outcome.
  let pending: DirectoryChange[] = [];
  let pendingManagers = new Map<string, string | null>();
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    pendingManagers = new Map();
    await snapshot.apply(batch, full ? mark : undefined);
  };
  /**
   * Graph stopped the round halfway (a long throttling wait, a failed request): what was read is
   * stored and the round's position kept, so the next tick reads on from the page after it.
   */
  const keepPosition = async () => {
    if (nextLink === undefined) return;
    try {
      await flush();
      const position: RoundPosition = {
        nextLink,
        full,
        round: mark,
        pages,
        changes,
        removed,
        people,
      };
      await snapshot.savePosition(position);
    } catch {
      // Storage failed too: nothing is kept, and the next tick runs the round from its start,
      // which is always safe (every write is idempotent).
    }
  };
  // The next page is read from Graph while this one is written to storage.
  const pagesOf = source
    .readRound(deltaLink, resumed ? { nextLink: resumed.nextLink, full } : undefined)
    [Symbol.asyncIterator]();
  let ahead = pagesOf.next();
  for (;;) {
    let step: IteratorResult<DirectoryPage>;
    try {
      step = await ahead;
    } catch (error) {
      // An expired link is no position to keep: the round starts over (syncDirectory).
      if (!(error instanceof ResyncRequiredError)) await keepPosition();
      throw error;
    }
    if (step.done) break;
    const page = step.value;
    ahead = page.deltaLink ? Promise.resolve({ done: true, value: undefined }) : pagesOf.next();
    // Should writing fail, the read already in flight must not become an unhandled rejection.
    ahead.catch(() => {});
    pages++;
    changes += page.changes.length;
    if (!full && page.changes.length > 0) {
      // Graph may send an entry twice (replays) or name someone never seen (`@removed` for an
      // object created and deleted in between): only who is there before and after counts.
      const present = await snapshot.existing(page.changes.map((c) => c.id));
      const after = new Map<string, boolean>();
      for (const change of page.changes) after.set(change.id, change.kind === 'upsert');
      for (const [id, isThere] of after) {
        if (isThere && !present.has(id)) people++;
        if (!isThere && present.has(id)) {
          people--;
          removed++;
        }
      }
    }
    if (full) {
      // "The @removed object can be returned in the initial delta query response"
      // (https://learn.microsoft.com/en-us/graph/delta-query-overview): in a full round it only
      // means "not listed" — whoever the round does not list is dropped at its end — so one for a
      // person never seen changes nothing. Someone listed earlier in the round and removed now is
      // removed at once (in a round that resumed, the earlier listing may be in storage only).
      const unseen = page.changes.filter((c) => c.kind === 'remove' && !seen.has(c.id));
      const stored =
        resumed && unseen.length > 0
          ? await snapshot.existing(unseen.map((c) => c.id))
          : new Set<string>();
      const writes: DirectoryChange[] = [];
      for (const change of page.changes) {
        if (change.kind === 'upsert') {
          seen.add(change.id);
          writes.push(change);
        } else if (seen.has(change.id) || stored.has(change.id)) {
          seen.delete(change.id);
          stored.delete(change.id);
          writes.push(change);
          removed++;
        }
      }
      pending.push(...(await withManagerRemovals(snapshot, writes, pendingManagers)));
      if (pending.length >= FULL_ROUND_BUFFER || page.deltaLink) await flush();
    } else await snapshot.apply(await withManagerRemovals(snapshot, page.changes));
    if (page.nextLink) nextLink = page.nextLink;
    if (page.deltaLink) {
      if (full) {
        // A full round lists everyone present: whoever it did not list has left.
        const { listed, unlisted } = await snapshot.census(mark);
        await snapshot.apply(unlisted.map((id) => ({ kind: 'remove' as const, id })));
        removed += unlisted.length;
        people = listed;
      }
      await snapshot.completeRound(page.deltaLink, now().toISOString(), people);
      return { full, pages, changes, removed, people };
    }
  }
  throw new Error('The directory round ended without a delta link');
}

/**
 * One org sync at a time per process: concurrent callers (a timer and a confirmation) share the
 * round in progress instead of reading the directory twice.
 */
export function createOrgSync(
  source: DirectorySource,
  snapshot: DirectorySnapshot,
  now: () => Date,
): DirectoryRefresh {
  let running: Promise<OrgSyncResult> | undefined;
  return {
    refresh(): Promise<OrgSyncResult> {
      running ??= syncDirectory(source, snapshot, now).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

/**
 * The org-sync timer's round. When Graph asks to wait longer than a request sleeps
 * (ports/throttled.ts), the round just ends, its position kept: the next tick goes on from the
 * page after the last one stored, a full round as much as a changes round.
 */
export async function orgSyncTick(
  sync: DirectoryRefresh,
): Promise<{ result: OrgSyncResult } | { throttledForSeconds: number }> {
  try {
    return { result: await sync.refresh() };
  } catch (error) {
    if (!(error instanceof ThrottledError)) throw error;
    return { throttledForSeconds: error.retryAfterSeconds };
  }
}
