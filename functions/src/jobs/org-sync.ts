import {
  type DirectoryChange,
  type DirectoryRefresh,
  type DirectorySnapshot,
  type DirectorySource,
  type DirectoryState,
  type OrgSyncResult,
  ResyncRequiredError,
} from '../ports/directory';
import { ThrottledError } from '../ports/throttled';

/**
 * Brings the directory snapshot up to date with one delta round: the first time (or after Graph
 * let the link expire) a full round, which also drops people the directory no longer has; then
 * only what changed. Hierarchy checks (PRODUCT rule 1) read this snapshot, so confirmation and
 * booking run a round first.
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
    if (!(error instanceof ResyncRequiredError) || state.deltaLink === null) throw error;
    return round(source, snapshot, { ...state, deltaLink: null }, now);
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
  const full = deltaLink === null;
  // Changes rounds keep the head count by checking who each page adds or removes; a full round
  // counts everyone it lists.
  let people = state.people;
  const seen = new Set<string>();
  let pages = 0;
  let changes = 0;
  let removed = 0;
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
    await snapshot.apply(batch);
  };
  // The next page is read from Graph while this one is written to storage.
  const pagesOf = source.readRound(deltaLink)[Symbol.asyncIterator]();
  let ahead = pagesOf.next();
  for (;;) {
    const step = await ahead;
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
    for (const change of page.changes) {
      if (change.kind === 'remove') seen.delete(change.id);
      else seen.add(change.id);
    }
    if (full) {
      // "The @removed object can be returned in the initial delta query response"
      // (https://learn.microsoft.com/en-us/graph/delta-query-overview): in a full round it only
      // means "not listed" — whoever the round does not list is dropped at its end — so it is
      // never written, and one for a person never seen changes nothing.
      const listed = page.changes.filter((c) => c.kind === 'upsert');
      pending.push(...(await withManagerRemovals(snapshot, listed, pendingManagers)));
      if (pending.length >= FULL_ROUND_BUFFER || page.deltaLink) await flush();
    } else await snapshot.apply(await withManagerRemovals(snapshot, page.changes));
    if (page.deltaLink) {
      if (full) {
        // A full round lists everyone present: whoever it did not list has left.
        const gone = (await snapshot.all()).filter((p) => !seen.has(p.id));
        await snapshot.apply(gone.map((p) => ({ kind: 'remove' as const, id: p.id })));
        removed += gone.length;
      }
      if (full) people = seen.size;
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
 * (ports/throttled.ts), the round just ends: nothing is recorded as done, so the next tick runs
 * it again from the last delta link (a changes round re-reads pages already written, which is
 * harmless: every write is idempotent), or the full round again from the start.
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
