import { afterAll, beforeAll, expect, test } from 'vitest';
import { graphDirectorySource } from '../../../functions/src/adapters/graph/directory-delta';
import { directoryTable } from '../../../functions/src/adapters/tables/directory-table';
import { syncDirectory } from '../../../functions/src/jobs/org-sync';
import type { DirectorySnapshot } from '../../../functions/src/ports/directory';
import { DELTA_EXPIRY_FORMS } from '../../sim/graph/tenant';
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
