import { expect, test } from 'vitest';
import { localStackForFile } from './stack-for-file';

const HR = 'Lucía Fernández';

const { stack, api } = localStackForFile();

test('the stack starts with the directory snapshot in step with the simulated directory', async () => {
  const status = await api(HR, 'GET', '/directory');
  expect(status.status).toBe(200);
  expect(status.body.people).toBe(stack.graph.tenant.size);
  expect(Date.parse(status.body.syncedAt)).not.toBeNaN();
});

test('HR syncs now: only the changes are read, and they reach the snapshot', async () => {
  const [first, second] = stack.graph.tenant.list();
  stack.graph.tenant.update(second!.id, { managerId: first!.id, department: 'Legal' });
  stack.graph.resetStats();
  const synced = await api(HR, 'POST', '/directory/sync');
  expect(synced.status).toBe(200);
  expect(synced.body.lastRound).toMatchObject({ full: false, changes: 1, pages: 1 });
  expect(stack.graph.stats().requests).toBe(1);
});

test('when Graph keeps failing, sync answers 503 with a code and keeps the last snapshot', async () => {
  const before = (await api(HR, 'GET', '/directory')).body;
  // Every connection to delta drops (no answer, so no wait to pass on: not throttling).
  stack.graph.faults.set([{ kind: 'drop', pathPrefix: '/users/delta' }]);
  try {
    const failed = await api(HR, 'POST', '/directory/sync');
    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('directoryUnavailable');
  } finally {
    stack.graph.faults.clear();
  }
  expect((await api(HR, 'GET', '/directory')).body).toEqual(before);
});

test('when Graph asks for a longer wait than a request may hold, sync answers 503 graphBusy with its Retry-After', async () => {
  const before = (await api(HR, 'GET', '/directory')).body;
  stack.graph.faults.set([
    { kind: '429', pathPrefix: '/users/delta', times: 1, retryAfterSeconds: 120 },
  ]);
  try {
    const busy = await api(HR, 'POST', '/directory/sync');
    expect(busy.status).toBe(503);
    expect(busy.body.code).toBe('graphBusy');
    expect(busy.headers.get('retry-after')).toBe('120');
  } finally {
    stack.graph.faults.clear();
  }
  expect((await api(HR, 'GET', '/directory')).body).toEqual(before);
});
