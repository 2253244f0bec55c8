import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { graphDirectorySource } from '../../../functions/src/adapters/graph/directory-delta';
import { directoryTable } from '../../../functions/src/adapters/tables/directory-table';
import { createOrgSync, orgSyncTick, syncDirectory } from '../../../functions/src/jobs/org-sync';
import type { DirectorySnapshot } from '../../../functions/src/ports/directory';
import { ThrottledError } from '../../../functions/src/ports/throttled';
import { DELTA_EXPIRY_FORMS, DELTA_QUIRKS, type DeltaQuirk } from '../../sim/graph/tenant';
import { type StorageEmulator, startStorageEmulator } from '../../sim/storage/storage-emulator';
import { type SimTenantFixture, startSimTenant, treeOrganisation } from './sim-tenant';

const PEOPLE = 1_000;
let t: SimTenantFixture;
let storage: StorageEmulator;
let tableNumber = 0;

beforeAll(async () => {
  [t, storage] = await Promise.all([
    startSimTenant(treeOrganisation(PEOPLE)),
    startStorageEmulator(),
  ]);
});
afterAll(async () => {
  await t?.close();
  await storage?.stop();
});

function freshSnapshot(): DirectorySnapshot {
  return directoryTable(
    { kind: 'connectionString', connectionString: storage.connectionString },
    `directory${++tableNumber}`,
  );
}

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${t.graph.url}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

const now = () => t.graph.tenant.now();

test('the first sync is a full round in ⌈n/200⌉ requests; then only changes, in one', async () => {
  const snapshot = freshSnapshot();
  const source = graphDirectorySource(t.client);
  t.graph.resetStats();
  const first = await syncDirectory(source, snapshot, now);
  expect(first).toMatchObject({ full: true, people: PEOPLE, pages: Math.ceil(PEOPLE / 200) });
  expect(t.graph.stats().requests).toBe(Math.ceil(PEOPLE / 200));

  const people = treeOrganisation(PEOPLE);
  const stored = new Map((await snapshot.all()).map((p) => [p.id, p]));
  for (const person of people) {
    expect(stored.get(person.id)).toMatchObject({
      managerId: person.managerId,
      department: person.department,
      displayName: person.displayName,
      accountEnabled: true,
    });
  }

  const [moved, leaving, renamed] = [people[900]!, people[901]!, people[902]!];
  await control('PATCH', `/users/${moved.id}`, { managerId: people[3]!.id });
  await control('DELETE', `/users/${leaving.id}`);
  await control('PATCH', `/users/${renamed.id}`, { department: 'Legal', managerId: null });
  const newcomer = { ...people[10]!, id: '00000000-0000-4000-8000-999999999999' };
  await control('POST', '/users', {
    ...newcomer,
    mail: 'nueva@contoso.test',
    userPrincipalName: 'nueva@contoso.test',
    displayName: 'Nueva Persona',
  });

  t.graph.resetStats();
  const second = await syncDirectory(source, snapshot, now);
  expect(second).toMatchObject({ full: false, changes: 4, removed: 1, people: PEOPLE });
  expect(t.graph.stats().requests).toBe(1);
  expect((await snapshot.get(moved.id))?.managerId).toBe(people[3]!.id);
  expect(await snapshot.get(leaving.id)).toBeUndefined();
  expect(await snapshot.get(renamed.id)).toMatchObject({ department: 'Legal', managerId: null });
  expect(await snapshot.get(newcomer.id)).toMatchObject({
    displayName: 'Nueva Persona',
    managerId: people[10]!.managerId,
  });
  // Nothing else changed: another round reads no changes.
  expect(await syncDirectory(source, snapshot, now)).toMatchObject({ full: false, changes: 0 });
});

// Each documented form of an expired token (concepts/delta-query-overview.md, "Token duration"
// and "Synchronization reset"): 410 with a Location, 400 syncStateNotFound, 400 resyncRequired.
test.each(DELTA_EXPIRY_FORMS)(
  'an expired delta link (%s) restarts with a full round that also drops the departed',
  async (form) => {
    const snapshot = freshSnapshot();
    const source = graphDirectorySource(t.client);
    await syncDirectory(source, snapshot, now);
    // Someone the snapshot holds but the directory no longer lists (left while links had expired).
    await snapshot.apply([
      { kind: 'upsert', id: 'ghost', fields: { displayName: 'Ghost', managerId: null } },
    ]);
    await control('PUT', '/delta-expiry', { form });
    await control('POST', '/clock', {
      now: new Date(Date.now() + 8 * 24 * 3600_000).toISOString(),
    });
    try {
      const result = await syncDirectory(source, snapshot, now);
      expect(result.full).toBe(true);
      expect(await snapshot.get('ghost')).toBeUndefined();
      expect(result.people).toBe(t.graph.tenant.size);
      // The new link works: the next round reads changes only.
      expect(await syncDirectory(source, snapshot, now)).toMatchObject({ full: false });
    } finally {
      await control('POST', '/clock', { now: new Date().toISOString() });
      await control('PUT', '/delta-expiry', { form: 'gone' });
    }
  },
);

test('a full round replaces the snapshot: a manager and an office removed meanwhile are gone', async () => {
  const snapshot = freshSnapshot();
  const source = graphDirectorySource(t.client);
  await syncDirectory(source, snapshot, now);
  const person = treeOrganisation(PEOPLE)[8]!;
  expect(await snapshot.get(person.id)).toMatchObject({ managerId: person.managerId });
  // While links are expired, the person loses their manager and office: delta then leaves both
  // out (user-delta.md: never-set properties and manager@delta are absent).
  await control('PATCH', `/users/${person.id}`, { managerId: null, officeLocation: null });
  await control('POST', '/clock', { now: new Date(Date.now() + 8 * 24 * 3600_000).toISOString() });
  try {
    const result = await syncDirectory(source, snapshot, now);
    expect(result.full).toBe(true);
    expect(await snapshot.get(person.id)).toMatchObject({
      managerId: null,
      officeLocation: null,
      jobTitle: person.jobTitle,
    });
  } finally {
    await control('POST', '/clock', { now: new Date().toISOString() });
    await control('PATCH', `/users/${person.id}`, {
      managerId: person.managerId,
      officeLocation: person.officeLocation,
    });
  }
});

test('throttling in the middle of a round is ridden out by the retry middleware', async () => {
  const snapshot = freshSnapshot();
  await control('PUT', '/faults', [
    { kind: '429', pathPrefix: '/users/delta', times: 3, retryAfterSeconds: 0.02 },
  ]);
  try {
    const result = await syncDirectory(graphDirectorySource(t.client), snapshot, now);
    expect(result.people).toBe(t.graph.tenant.size);
    expect(t.graph.faults.injected).toBeGreaterThanOrEqual(3);
  } finally {
    await control('DELETE', '/faults');
  }
});

// Graph asks for a wait longer than TANDEM_GRAPH_MAX_WAIT_SECONDS (30 s): the directory adapter
// says so at once as ThrottledError (https://learn.microsoft.com/graph/throttling), the timer's
// round ends with its position kept (the nextLink of the page after the last one stored), and the
// next tick goes on from that page: a nextLink's state token carries the round's snapshot
// (https://learn.microsoft.com/en-us/graph/delta-query-overview, "State tokens").
test('a long wait in the middle of a full round keeps its place; the next ticks go on from there', async () => {
  const snapshot = freshSnapshot();
  // Someone the snapshot holds and the directory does not: the resumed full round still drops them.
  await snapshot.apply([
    { kind: 'upsert', id: 'ghost', fields: { displayName: 'Ghost', managerId: null } },
  ]);
  const sync = createOrgSync(graphDirectorySource(t.client), snapshot, now);
  await control('PUT', '/faults', [
    { kind: '429', pathPrefix: '/users/delta', after: 2, times: 7, retryAfterSeconds: 600 },
  ]);
  try {
    const error = await syncDirectory(graphDirectorySource(t.client), snapshot, now).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterSeconds).toBe(600);
    const halfway = await snapshot.state();
    expect(halfway.deltaLink).toBeNull();
    expect(halfway.position).toMatchObject({ full: true, pages: 2 });
    // The two pages read are stored.
    expect((await snapshot.census(halfway.position!.round)).listed).toBe(400);
    await control('PUT', '/faults', [
      { kind: '429', pathPrefix: '/users/delta', after: 1, times: 7, retryAfterSeconds: 120 },
    ]);
    t.graph.resetStats();
    expect(await orgSyncTick(sync)).toEqual({ throttledForSeconds: 120 });
    // One page more (the third), then the wait: not the first two again.
    expect(t.graph.stats().requests).toBe(2);
    expect((await snapshot.state()).position).toMatchObject({ full: true, pages: 3 });
  } finally {
    await control('DELETE', '/faults');
  }
  t.graph.resetStats();
  const tick = await orgSyncTick(sync);
  expect(tick).toMatchObject({
    result: { full: true, pages: 5, people: t.graph.tenant.size, removed: 1 },
  });
  expect(t.graph.stats().requests).toBe(2);
  expect(await snapshot.get('ghost')).toBeUndefined();
  const done = await snapshot.state();
  expect(done.deltaLink).toEqual(expect.any(String));
  expect(done.position).toBeNull();
  expect((await snapshot.all()).length).toBe(t.graph.tenant.size);
});

test('a long wait in the middle of a changes round: the next tick reads on from the page it stopped at', async () => {
  const snapshot = freshSnapshot();
  const source = graphDirectorySource(t.client);
  await syncDirectory(source, snapshot, now);
  const { deltaLink } = await snapshot.state();
  const people = treeOrganisation(PEOPLE).slice(600, 850);
  for (const person of people) t.graph.tenant.update(person.id, { officeLocation: 'Sevilla' });
  await control('PUT', '/faults', [
    { kind: '429', pathPrefix: '/users/delta', after: 1, times: 7, retryAfterSeconds: 300 },
  ]);
  try {
    const sync = createOrgSync(source, snapshot, now);
    expect(await orgSyncTick(sync)).toEqual({ throttledForSeconds: 300 });
    // The first page was written, the round is not recorded as done but its place is kept.
    expect((await snapshot.get(people[0]!.id))?.officeLocation).toBe('Sevilla');
    expect((await snapshot.get(people.at(-1)!.id))?.officeLocation).not.toBe('Sevilla');
    const halfway = await snapshot.state();
    expect(halfway.deltaLink).toBe(deltaLink);
    expect(halfway.position).toMatchObject({ full: false, pages: 1, changes: 200 });
    await control('DELETE', '/faults');
    t.graph.resetStats();
    const tick = await orgSyncTick(sync);
    expect(tick).toMatchObject({ result: { full: false, pages: 2, changes: 250, people: PEOPLE } });
    // Only the page after the one stored.
    expect(t.graph.stats().requests).toBe(1);
    for (const person of people) {
      expect((await snapshot.get(person.id))?.officeLocation).toBe('Sevilla');
    }
    expect((await snapshot.state()).position).toBeNull();
  } finally {
    await control('DELETE', '/faults');
    for (const person of people) {
      t.graph.tenant.update(person.id, { officeLocation: person.officeLocation });
    }
  }
});

// A kept nextLink can expire like a delta link (seven days; "a 40X-series error",
// https://learn.microsoft.com/en-us/graph/delta-query-overview, "Token duration"): the round
// then starts again from the beginning, in each form the simulator serves.
test.each(DELTA_EXPIRY_FORMS)(
  'a kept nextLink refused as expired (%s) starts the full round again',
  async (form) => {
    const snapshot = freshSnapshot();
    const source = graphDirectorySource(t.client);
    await control('PUT', '/faults', [
      { kind: '429', pathPrefix: '/users/delta', after: 2, times: 1, retryAfterSeconds: 600 },
    ]);
    try {
      await expect(syncDirectory(source, snapshot, now)).rejects.toBeInstanceOf(ThrottledError);
    } finally {
      await control('DELETE', '/faults');
    }
    expect((await snapshot.state()).position).toMatchObject({ full: true, pages: 2 });
    await control('PUT', '/delta-expiry', { form });
    await control('POST', '/clock', {
      now: new Date(Date.now() + 8 * 24 * 3600_000).toISOString(),
    });
    try {
      t.graph.resetStats();
      const result = await syncDirectory(source, snapshot, now);
      // The refused link, then the whole round from its first page.
      expect(t.graph.stats().requests).toBe(1 + Math.ceil(PEOPLE / 200));
      expect(result).toMatchObject({ full: true, pages: 5, people: t.graph.tenant.size });
      expect((await snapshot.state()).position).toBeNull();
    } finally {
      await control('POST', '/clock', { now: new Date().toISOString() });
      await control('PUT', '/delta-expiry', { form: 'gone' });
    }
  },
);

test('delta with Prefer return=minimal carries only the changed properties', async () => {
  const first = await t.client
    .api('/users/delta')
    .select('displayName,department,jobTitle,manager')
    .get();
  let page = first;
  while (page['@odata.nextLink']) page = await t.client.api(page['@odata.nextLink']).get();
  const link = page['@odata.deltaLink'] as string;
  const person = treeOrganisation(PEOPLE)[500]!;
  await control('PATCH', `/users/${person.id}`, { jobTitle: 'Jefa de equipo' });
  const changes = await t.client.api(link).header('Prefer', 'return=minimal').get();
  expect(changes.value).toEqual([{ id: person.id, jobTitle: 'Jefa de equipo' }]);
  expect(changes['@odata.deltaLink']).toEqual(expect.any(String));
});

// Delta's quirks, each a simulator mode (test/sim/graph/tenant.ts, DELTA_QUIRKS, with the doc
// page of each): entries replayed (stale manager removals after a newer manager), changes one
// round late, `@removed` in the first round for people never seen, page sizes that vary.
const QUIRK_MODES: { name: string; quirks: DeltaQuirk[] }[] = [
  { name: 'plain', quirks: [] },
  ...DELTA_QUIRKS.map((quirk) => ({ name: quirk, quirks: [quirk] })),
  { name: 'all at once', quirks: [...DELTA_QUIRKS] },
];
/** Rounds after the last change by which the snapshot must equal the directory (lag: one late). */
const SETTLING_ROUNDS = 3;

describe.each(QUIRK_MODES)('delta quirks: $name', ({ quirks }) => {
  const SIZE = 400;
  let q: SimTenantFixture;
  beforeAll(async () => {
    q = await startSimTenant(treeOrganisation(SIZE));
    q.graph.tenant.deltaQuirks = new Set(quirks);
  });
  afterAll(async () => {
    await q?.close();
  });

  const truth = () =>
    q.graph.tenant
      .list()
      .map((p) => ({
        id: p.id,
        displayName: p.displayName,
        mail: p.mail ?? null,
        userPrincipalName: p.userPrincipalName ?? null,
        department: p.department ?? null,
        jobTitle: p.jobTitle ?? null,
        officeLocation: p.officeLocation ?? null,
        preferredLanguage: p.preferredLanguage ?? null,
        accountEnabled: p.accountEnabled !== false,
        managerId: p.managerId ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
  const stored = async (snapshot: DirectorySnapshot) =>
    (await snapshot.all()).map((p) => ({ ...p })).sort((a, b) => a.id.localeCompare(b.id));
  async function settle(snapshot: DirectorySnapshot, source = graphDirectorySource(q.client)) {
    let last: Awaited<ReturnType<typeof syncDirectory>> | undefined;
    for (let i = 0; i < SETTLING_ROUNDS; i++) {
      last = await syncDirectory(source, snapshot, () => q.graph.tenant.now());
    }
    expect(await stored(snapshot)).toEqual(truth());
    expect(last?.people).toBe(q.graph.tenant.size);
  }

  test('the snapshot equals the directory after a full round and after changes, removals included', async () => {
    const tenant = q.graph.tenant;
    const people = treeOrganisation(SIZE);
    const id = (i: number) => people[i]!.id;
    // Left before Tandem's first sync (the first round may still name them as @removed).
    tenant.remove(id(390));
    tenant.remove(id(391), true);
    const snapshot = directoryTable(
      { kind: 'connectionString', connectionString: storage.connectionString },
      `quirks${++tableNumber}`,
    );
    const source = graphDirectorySource(q.client);
    const first = await syncDirectory(source, snapshot, () => tenant.now());
    expect(first).toMatchObject({ full: true, people: SIZE - 2, removed: 0 });
    expect(await stored(snapshot)).toEqual(truth());

    // A round of changes; the last one (a manager removed) is what a replay sends again.
    tenant.update(id(100), { department: 'Legal' });
    tenant.update(id(101), { managerId: id(2) });
    tenant.remove(id(102));
    tenant.add({
      ...people[10]!,
      id: '00000000-0000-4000-8000-999999999999',
      mail: 'nueva@contoso.test',
      userPrincipalName: 'nueva@contoso.test',
      displayName: 'Nueva Persona',
    });
    tenant.update(id(103), { officeLocation: null });
    tenant.update(id(104), { managerId: null });
    await syncDirectory(source, snapshot, () => tenant.now());

    // Then the person whose manager was removed gets a new one: a replayed removal of the old
    // manager must not clear it; others change again.
    tenant.update(id(104), { managerId: id(5) });
    tenant.update(id(100), { department: 'Finanzas', jobTitle: 'Directora' });
    tenant.update(id(105), { managerId: null });
    tenant.remove('00000000-0000-4000-8000-999999999999', true);
    await settle(snapshot, source);
    expect((await snapshot.get(id(104)))?.managerId).toBe(id(5));
    expect((await snapshot.get(id(105)))?.managerId).toBeNull();
  });

  test('rounds throttled halfway go on from their place and still reach the directory', async () => {
    const tenant = q.graph.tenant;
    const people = treeOrganisation(SIZE);
    const snapshot = directoryTable(
      { kind: 'connectionString', connectionString: storage.connectionString },
      `quirks${++tableNumber}`,
    );
    const source = graphDirectorySource(q.client);
    const sync = createOrgSync(source, snapshot, () => tenant.now());
    // Each tick gets one request through and the next refused with a long wait: a round of more
    // than one page runs over several ticks.
    const throttleEverySecond = () =>
      q.graph.faults.set([
        { kind: '429', pathPrefix: '/users/delta', after: 1, times: 1, retryAfterSeconds: 600 },
      ]);
    const tickUntilDone = async () => {
      for (let i = 0; i < 20; i++) {
        throttleEverySecond();
        const tick = await orgSyncTick(sync);
        if ('result' in tick) return tick.result;
      }
      throw new Error('the round never finished');
    };
    try {
      const first = await tickUntilDone();
      expect(first).toMatchObject({ full: true, people: tenant.size });
      expect(await stored(snapshot)).toEqual(truth());
      tenant.update(people[50]!.id, { department: 'Legal' });
      tenant.update(people[51]!.id, { managerId: null });
      tenant.remove(people[52]!.id);
      // More changes than one page holds (the tenant is shared: only people still there).
      for (const person of people.slice(106, 389).filter((p) => tenant.findUser(p.id))) {
        tenant.update(person.id, { officeLocation: 'Sevilla' });
      }
      await tickUntilDone();
    } finally {
      q.graph.faults.clear();
    }
    await settle(snapshot, source);
    expect((await snapshot.state()).position).toBeNull();
  });

  test('an expired link resyncs to the directory with the quirk on', async () => {
    const tenant = q.graph.tenant;
    const people = treeOrganisation(SIZE);
    const snapshot = directoryTable(
      { kind: 'connectionString', connectionString: storage.connectionString },
      `quirks${++tableNumber}`,
    );
    const source = graphDirectorySource(q.client);
    await settle(snapshot, source);
    tenant.update(people[200]!.id, { managerId: null, jobTitle: null });
    tenant.remove(people[201]!.id);
    tenant.setNow(new Date(Date.now() + 8 * 24 * 3600_000));
    try {
      const result = await syncDirectory(source, snapshot, () => tenant.now());
      expect(result.full).toBe(true);
      await settle(snapshot, source);
    } finally {
      tenant.setNow(new Date());
    }
  });
});
