/**
 * A list read from Table Storage, kept in this process's memory for a short time and dropped the
 * moment this process writes to it.
 *
 * - Every store of the same table in one process shares one memo (`sharedMemo`), so a write
 *   through any of them (the API, a job, a test's fixture) is seen by all of them at once.
 * - A write invalidates when it has finished, whether it succeeded or not (a 412 says the memo may
 *   be behind). A read already in flight when the write lands is not kept: its answer goes to the
 *   callers that asked before the write finished, and the next caller reads again.
 * - Concurrent callers share one read: 200 requests arriving when the memo has expired make one
 *   query, not 200.
 * - Age is counted on the monotonic clock from when the read was sent (never the local demo clock,
 *   which jumps by days), so nothing is served more than `ttlMs` after storage answered it.
 * - The value is frozen: a caller that sorted or edited it in place would change it for everyone.
 */
export interface MemoList<T> {
  read(load: () => Promise<T[]>): Promise<readonly T[]>;
  /** Runs a write, then forgets the memo (also when the write failed). */
  writing<R>(write: () => Promise<R>): Promise<R>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const field of Object.values(value)) deepFreeze(field);
  }
  return value;
}

export function memoList<T>(
  ttlMs: number,
  now: () => number = () => performance.now(),
): MemoList<T> {
  let memo: { value: Promise<readonly T[]>; sentAt: number } | undefined;
  return {
    read(load) {
      const at = now();
      if (memo && at - memo.sentAt < ttlMs) return memo.value;
      const value = load().then((list) => deepFreeze(list) as readonly T[]);
      const entry = { value, sentAt: at };
      memo = entry;
      // A failed read is not remembered: the next caller tries again.
      value.catch(() => {
        if (memo === entry) memo = undefined;
      });
      return value;
    },
    async writing(write) {
      try {
        return await write();
      } finally {
        // A read sent before this point may predate the write: the next caller sends a new one.
        memo = undefined;
      }
    },
  };
}

const shared = new Map<string, MemoList<unknown>>();

/** The one memo of `key` (account and table) in this process. */
export function sharedMemo<T>(key: string, ttlMs: number): MemoList<T> {
  let memo = shared.get(key);
  if (!memo) {
    memo = memoList<unknown>(ttlMs);
    shared.set(key, memo);
  }
  return memo as MemoList<T>;
}
