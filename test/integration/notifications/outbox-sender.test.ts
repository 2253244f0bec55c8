import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { graphActivityFeed } from '../../../functions/src/adapters/graph/activity-feed';
import { createGraphClient } from '../../../functions/src/adapters/graph/graph-client';
import { outboxTable } from '../../../functions/src/adapters/tables/outbox-table';
import { loadConfig } from '../../../functions/src/config';
import { noticeKey } from '../../../functions/src/domain/notifications/notices';
import { CLAIM_SECONDS, sendNotices } from '../../../functions/src/jobs/send-notices';
import type { ActivityNotice, NotificationPort } from '../../../functions/src/ports/notifications';
import type { NewOutboxEntry, Outbox, OutboxEntry } from '../../../functions/src/ports/outbox';
import type { DeliveredActivity } from '../../sim/graph/teamwork/activity-feed';
import type { SimPerson } from '../../sim/graph/tenant';
import { DEMO_TEAMS_APP_ID, ORGANISER } from '../../sim/stack';
import { localStackForFile } from '../stack-for-file';

/**
 * The outbox (real Azurite) and its sender job against the Graph simulator over HTTPS, with
 * faults injected: a lost answer, a long 429, a sender killed between Graph's answer and the mark,
 * two senders at once. Each notice must reach its person's feed exactly once.
 */
const { stack } = localStackForFile();
let outbox: Outbox;
let feed: NotificationPort;
let people: SimPerson[];
let now: Date;
const SEND_ROUTE = 'POST /users/{id}/teamwork/sendActivityNotification';

beforeAll(() => {
  outbox = outboxTable({
    kind: 'connectionString',
    connectionString: stack.storage.connectionString,
  });
  feed = graphActivityFeed(createGraphClient(loadConfig(stack.env)), {
    teamsAppId: DEMO_TEAMS_APP_ID,
  });
  people = stack.graph.tenant.list().filter((p) => p.accountEnabled && p.id !== ORGANISER.id);
});

let round = 0;
beforeEach(async () => {
  round++;
  stack.graph.faults.clear();
  await control('DELETE', '/teamwork/activities');
  await control('PUT', '/teamwork/modes', { notInstalled: 'notFound' });
  // Each test on its own people, and an hour after the last; each test leaves nothing due.
  now = new Date(Date.UTC(2030, 0, 1, round));
});

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${stack.graph.url}/_sim${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} /_sim${path}`).toBeLessThan(300);
  return response.status === 204 ? undefined : await response.json();
}

async function delivered(userId: string): Promise<DeliveredActivity[]> {
  return (
    (await control('GET', `/teamwork/activities/${userId}`)) as { value: DeliveredActivity[] }
  ).value;
}

const sends = () => stack.graph.stats().byRoute[SEND_ROUTE] ?? 0;
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
const deps = (over: Partial<Parameters<typeof sendNotices>[0]> = {}) => ({
  outbox,
  notifications: feed,
  now: () => now,
  ...over,
});

/** `count` people no earlier test used, each with one `paired` notice for pair `p-<round>`. */
function entries(count: number): NewOutboxEntry[] {
  const chosen = people.slice(round * 10, round * 10 + count);
  expect(chosen).toHaveLength(count);
  return chosen.map((person) => {
    const notice: ActivityNotice<'paired'> = {
      recipientId: person.id,
      activityType: 'paired',
      templateParameters: {
        partner: 'Elena Rivas',
        programme: 'Mentoring Contoso 2026',
        firstSession: 'martes, 12 de enero, 10:00',
      },
      target: { subEntityId: `pairs/p-${round}`, label: 'Mentoring Contoso 2026' },
      previewText: 'Elena Rivas y tú formáis pareja en «Mentoring Contoso 2026».',
      idempotencyKey: noticeKey('paired', `p-${round}`, person.id),
    };
    return { programmeId: 'prog-1', notice };
  });
}

async function stored(entry: NewOutboxEntry): Promise<OutboxEntry> {
  const [found] = (await outbox.listFor(entry.notice.recipientId)).filter(
    (e) => e.key === entry.notice.idempotencyKey,
  );
  expect(found).toBeDefined();
  return found!;
}

async function expectOnceEach(batch: NewOutboxEntry[]) {
  for (const entry of batch) {
    const feedOf = await delivered(entry.notice.recipientId);
    expect(
      feedOf.filter((a) => a.topic.webUrl?.includes(encodeURIComponent(`pairs/p-${round}`))),
    ).toHaveLength(1);
    expect((await stored(entry)).state).toBe('sent');
  }
}

describe('the outbox', () => {
  test('stores a notice once however often its step runs', async () => {
    const batch = entries(2);
    await outbox.add(batch, now);
    later(5);
    await outbox.add(batch, now);
    for (const entry of batch) {
      const mine = (await outbox.listFor(entry.notice.recipientId)).filter(
        (e) => e.key === entry.notice.idempotencyKey,
      );
      expect(mine).toHaveLength(1);
      expect(mine[0]!.state).toBe('pending');
    }
    expect((await sendNotices(deps())).sent).toBe(2);
    await expectOnceEach(batch);
  });
});

describe('the sender', () => {
  test('sends each due notice and marks it; a second round sends nothing', async () => {
    const batch = entries(3);
    await outbox.add(batch, now);
    const before = sends();
    expect(await sendNotices(deps())).toMatchObject({ sent: 3, deferred: 0, refused: 0 });
    expect(sends() - before).toBe(3);
    expect(await sendNotices(deps())).toMatchObject({ sent: 0, deferred: 0 });
    await expectOnceEach(batch);
    const [first] = await delivered(batch[0]!.notice.recipientId);
    expect(first).toMatchObject({
      activityType: 'paired',
      previewText: batch[0]!.notice.previewText,
    });
  });

  test('a lost answer: sent again later, and the feed still holds one notice', async () => {
    const batch = entries(1);
    const id = batch[0]!.notice.recipientId;
    await outbox.add(batch, now);
    stack.graph.faults.set([
      {
        kind: 'lostResponse',
        pathPrefix: `/users/${id}/teamwork/sendActivityNotification`,
        times: 1,
      },
    ]);
    const before = sends();
    expect(await sendNotices(deps())).toMatchObject({ sent: 0, deferred: 1 });
    expect(await delivered(id)).toHaveLength(1); // Graph did it; the answer never came
    expect((await stored(batch[0]!)).state).toBe('pending');
    expect(await sendNotices(deps())).toMatchObject({ sent: 0, deferred: 0 }); // not due yet
    later(61);
    expect(await sendNotices(deps())).toMatchObject({ sent: 1 });
    expect(sends() - before).toBe(2);
    await expectOnceEach(batch);
  });

  test('a 429 longer than a request waits: pending until Retry-After, then sent once', async () => {
    const batch = entries(2);
    await outbox.add(batch, now);
    stack.graph.faults.set([
      {
        kind: '429',
        pathPrefix: '/users/',
        retryAfterSeconds: 600,
        times: 1,
      },
    ]);
    const first = await sendNotices(deps());
    // The round stops at the throttled one: Graph throttles the app, not the person.
    expect(first).toMatchObject({ sent: 0, deferred: 1, throttledForSeconds: 600 });
    later(300);
    expect((await sendNotices(deps())).sent).toBe(1); // the one never tried
    expect((await sendNotices(deps())).sent).toBe(0);
    later(301);
    expect((await sendNotices(deps())).sent).toBe(1);
    await expectOnceEach(batch);
  });

  test('a sender killed between the answer and the mark: the next one resends, one notice each', async () => {
    const batch = entries(4);
    await outbox.add(batch, now);
    let marks = 0;
    // Storage that dies on the third "sent" mark, as a process killed mid-batch would.
    const dying: Outbox = {
      ...outbox,
      async replace(entry, etag) {
        if (entry.state === 'sent' && ++marks === 3) throw new Error('killed');
        return outbox.replace(entry, etag);
      },
    };
    const before = sends();
    await expect(sendNotices(deps({ outbox: dying }))).rejects.toThrow('killed');
    expect(sends() - before).toBe(3);
    // Claimed: no other sender takes it before the claim runs out…
    expect((await sendNotices(deps())).sent).toBe(1); // the fourth, never reached
    later(CLAIM_SECONDS + 1);
    expect((await sendNotices(deps())).sent).toBe(1); // …then it is sent again
    expect(sends() - before).toBe(5);
    await expectOnceEach(batch);
  });

  test('two senders at once: every notice claimed by one of them only', async () => {
    const batch = entries(6);
    await outbox.add(batch, now);
    const before = sends();
    const [a, b] = await Promise.all([sendNotices(deps()), sendNotices(deps())]);
    expect(a.sent + b.sent).toBe(6);
    expect(sends() - before).toBe(6);
    await expectOnceEach(batch);
  });

  for (const mode of ['notFound', 'forbidden'] as const) {
    test(`a person without the app (simulator mode ${mode}): refused for good, never retried`, async () => {
      await control('PUT', '/teamwork/modes', { notInstalled: mode });
      const batch = entries(1);
      const id = batch[0]!.notice.recipientId;
      await control('DELETE', `/teamwork/installations/${id}`);
      try {
        await outbox.add(batch, now);
        expect(await sendNotices(deps())).toMatchObject({ refused: 1, sent: 0 });
        const entry = await stored(batch[0]!);
        expect(entry.state).toBe('refused');
        expect(entry.refusal).toBe(mode === 'notFound' ? 'notInstalled' : 'notPermitted');
        later(3600);
        const before = sends();
        await sendNotices(deps());
        expect(sends()).toBe(before);
        expect(await delivered(id)).toEqual([]);
      } finally {
        await control('PUT', `/teamwork/installations/${id}`, { rscGranted: true });
      }
    });
  }
});
