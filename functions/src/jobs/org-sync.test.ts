import { describe, expect, it } from 'vitest';
import type {
  DirectoryChange,
  DirectoryPage,
  DirectoryPerson,
  DirectorySnapshot,
  DirectorySource,
  DirectoryState,
} from '../ports/directory';
import { ThrottledError } from '../ports/throttled';
import { syncDirectory } from './org-sync';

/** An in-memory snapshot with the table's merge semantics (fields present are set). */
function memorySnapshot(people: DirectoryPerson[], deltaLink: string | null): DirectorySnapshot {
  const rows = new Map(people.map((p) => [p.id, { ...p }]));
  const marks = new Map<string, string>();
  let state: DirectoryState = { deltaLink, syncedAt: null, people: people.length, position: null };
  return {
    all: async () => [...rows.values()],
    get: async (id) => rows.get(id),
    apply: async (changes: readonly DirectoryChange[], listedInRound?: string) => {
      for (const change of changes) {
        if (change.kind === 'remove') {
          rows.delete(change.id);
          marks.delete(change.id);
        } else {
          const before = rows.get(change.id) ?? blank(change.id);
          rows.set(change.id, { ...before, ...change.fields });
          if (listedInRound !== undefined) marks.set(change.id, listedInRound);
        }
      }
    },
    state: async () => state,
    existing: async (ids) => new Set(ids.filter((id) => rows.has(id))),
    census: async (round) => {
      const ids = [...rows.keys()];
      const unlisted = ids.filter((id) => marks.get(id) !== round);
      return { listed: ids.length - unlisted.length, unlisted };
    },
    savePosition: async (position) => {
      state = { ...state, position };
    },
    completeRound: async (link, syncedAt, count) => {
      state = { deltaLink: link, syncedAt, people: count, position: null };
    },
    clear: async () => rows.clear(),
  };
}

function blank(id: string): DirectoryPerson {
  return {
    id,
    displayName: id,
    mail: null,
    userPrincipalName: null,
    managerId: null,
    department: null,
    jobTitle: null,
    officeLocation: null,
    preferredLanguage: null,
    accountEnabled: true,
  };
}

function oneRound(changes: DirectoryChange[]): DirectorySource {
  return {
    async *readRound(): AsyncIterable<DirectoryPage> {
      yield { changes, deltaLink: 'next' };
    },
  };
}

const now = () => new Date('2026-03-02T10:00:00Z');

describe('org sync and manager@delta removals (user-delta.md; delta-query-overview.md "Replays")', () => {
  it('clears the manager when the removal names the stored one', async () => {
    const snapshot = memorySnapshot([{ ...blank('ana'), managerId: 'boss' }], 'link');
    await syncDirectory(
      oneRound([{ kind: 'upsert', id: 'ana', fields: {}, managerRemoved: 'boss' }]),
      snapshot,
      now,
    );
    expect((await snapshot.get('ana'))?.managerId).toBeNull();
  });

  it('keeps the new manager when a late or replayed removal names a former one', async () => {
    const snapshot = memorySnapshot([{ ...blank('ana'), managerId: 'new-boss' }], 'link');
    await syncDirectory(
      oneRound([{ kind: 'upsert', id: 'ana', fields: {}, managerRemoved: 'old-boss' }]),
      snapshot,
      now,
    );
    expect((await snapshot.get('ana'))?.managerId).toBe('new-boss');
  });

  it('judges a removal against a manager set earlier in the same page', async () => {
    const snapshot = memorySnapshot([{ ...blank('ana'), managerId: 'old-boss' }], 'link');
    await syncDirectory(
      oneRound([
        { kind: 'upsert', id: 'ana', fields: { managerId: 'new-boss' } },
        // The removal of the old manager, arriving after the new one: ignored.
        { kind: 'upsert', id: 'ana', fields: {}, managerRemoved: 'old-boss' },
      ]),
      snapshot,
      now,
    );
    expect((await snapshot.get('ana'))?.managerId).toBe('new-boss');
  });

  it('takes an @removed in the first, full round: the person is simply not there', async () => {
    const snapshot = memorySnapshot([], null);
    const result = await syncDirectory(
      oneRound([
        { kind: 'upsert', id: 'ana', fields: { displayName: 'Ana', managerId: null } },
        { kind: 'remove', id: 'gone' },
      ]),
      snapshot,
      now,
    );
    expect(result).toMatchObject({ full: true, people: 1 });
    expect(await snapshot.get('gone')).toBeUndefined();
    expect((await snapshot.all()).map((p) => p.id)).toEqual(['ana']);
  });

  it('ignores an @removed for someone never seen and counts a replayed removal once', async () => {
    const snapshot = memorySnapshot([blank('ana'), blank('luis')], 'link');
    const result = await syncDirectory(
      oneRound([
        { kind: 'remove', id: 'never-seen' },
        { kind: 'remove', id: 'luis' },
        { kind: 'remove', id: 'luis' },
      ]),
      snapshot,
      now,
    );
    expect(result).toMatchObject({ full: false, removed: 1, people: 1 });
    expect((await snapshot.all()).map((p) => p.id)).toEqual(['ana']);
  });

  /**
   * A round of pages, each read by its link; a link in `throttled` is refused once with a long
   * wait. `reads` records every link asked for.
   */
  function pagedRound(pages: DirectoryChange[][], throttled: Set<string>) {
    const reads: string[] = [];
    const source: DirectorySource = {
      async *readRound(_deltaLink, resume) {
        let at = resume ? Number(resume.nextLink.slice('page-'.length)) : 0;
        for (;;) {
          const link = `page-${at}`;
          reads.push(link);
          if (throttled.delete(link)) throw new ThrottledError(600);
          const last = at === pages.length - 1;
          yield {
            changes: pages[at]!,
            ...(last ? { deltaLink: 'next' } : { nextLink: `page-${at + 1}` }),
          };
          if (last) return;
          at++;
        }
      },
    };
    return { source, reads };
  }
  const listed = (id: string): DirectoryChange => ({
    kind: 'upsert',
    id,
    fields: { displayName: id, managerId: null },
  });

  it('goes on with a throttled full round from the page after the last one stored', async () => {
    // `old` was stored before and is no longer in the directory; `luis` is listed on the first
    // page and removed on the third, after the wait.
    const snapshot = memorySnapshot([blank('old')], null);
    const { source, reads } = pagedRound(
      [[listed('ana'), listed('luis')], [listed('eva')], [{ kind: 'remove', id: 'luis' }]],
      new Set(['page-2']),
    );
    await expect(syncDirectory(source, snapshot, now)).rejects.toBeInstanceOf(ThrottledError);
    expect((await snapshot.state()).position).toMatchObject({
      nextLink: 'page-2',
      full: true,
      pages: 2,
      changes: 3,
    });
    expect(await snapshot.get('eva')).toBeDefined();

    const result = await syncDirectory(source, snapshot, now);
    expect(reads).toEqual(['page-0', 'page-1', 'page-2', 'page-2']);
    expect(result).toEqual({ full: true, pages: 3, changes: 4, removed: 2, people: 2 });
    expect((await snapshot.all()).map((p) => p.id).sort()).toEqual(['ana', 'eva']);
    expect(await snapshot.state()).toMatchObject({ deltaLink: 'next', position: null, people: 2 });
  });

  it('goes on with a throttled changes round, keeping its head count', async () => {
    const snapshot = memorySnapshot([blank('ana'), blank('luis')], 'link');
    const { source, reads } = pagedRound(
      [[listed('eva')], [{ kind: 'remove', id: 'luis' }]],
      new Set(['page-1']),
    );
    await expect(syncDirectory(source, snapshot, now)).rejects.toBeInstanceOf(ThrottledError);
    expect((await snapshot.state()).position).toMatchObject({ full: false, people: 3 });
    const result = await syncDirectory(source, snapshot, now);
    expect(reads).toEqual(['page-0', 'page-1', 'page-1']);
    expect(result).toEqual({ full: false, pages: 2, changes: 2, removed: 1, people: 2 });
  });
});
