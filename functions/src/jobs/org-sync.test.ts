import { describe, expect, it } from 'vitest';
import type {
  DirectoryChange,
  DirectoryPage,
  DirectoryPerson,
  DirectorySnapshot,
  DirectorySource,
  DirectoryState,
} from '../ports/directory';
import { syncDirectory } from './org-sync';

/** An in-memory snapshot with the table's merge semantics (fields present are set). */
function memorySnapshot(people: DirectoryPerson[], deltaLink: string | null): DirectorySnapshot {
  const rows = new Map(people.map((p) => [p.id, { ...p }]));
  let state: DirectoryState = { deltaLink, syncedAt: null, people: people.length };
  return {
    all: async () => [...rows.values()],
    get: async (id) => rows.get(id),
    apply: async (changes: readonly DirectoryChange[]) => {
      for (const change of changes) {
        if (change.kind === 'remove') rows.delete(change.id);
        else {
          const before = rows.get(change.id) ?? blank(change.id);
          rows.set(change.id, { ...before, ...change.fields });
        }
      }
    },
    state: async () => state,
    existing: async (ids) => new Set(ids.filter((id) => rows.has(id))),
    completeRound: async (link, syncedAt, count) => {
      state = { deltaLink: link, syncedAt, people: count };
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
});
