import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { templateParameters } from '../../../appPackage/scripts/package';
import {
  chainIdFor,
  graphActivityFeed,
  teamsDeepLink,
} from '../../../functions/src/adapters/graph/activity-feed';
import { createGraphClient } from '../../../functions/src/adapters/graph/graph-client';
import { loadConfig } from '../../../functions/src/config';
import {
  ACTIVITY_PARAMETERS,
  type ActivityNotice,
  NoticeRefusedError,
  type NotificationPort,
} from '../../../functions/src/ports/notifications';
import { ThrottledError } from '../../../functions/src/ports/throttled';
import type { DeliveredActivity } from '../../sim/graph/teamwork/activity-feed';
import type { SimPerson } from '../../sim/graph/tenant';
import { DEMO_TEAMS_APP_ID, ORGANISER } from '../../sim/stack';
import { localStackForFile } from '../stack-for-file';

/**
 * The activity feed adapter against the Graph simulator over HTTPS, with Tandem's app as the
 * local stack registers it (TeamsActivity.Send.User by resource-specific consent on each
 * installation, the Teams app installed for everyone by the setup policy): what reaches the
 * simulator's feed, and what Graph refuses as the pages say (docs/notifications.md).
 */
const { stack } = localStackForFile();
let feed: NotificationPort;
let people: SimPerson[];

beforeAll(() => {
  feed = graphActivityFeed(createGraphClient(loadConfig(stack.env)), {
    teamsAppId: DEMO_TEAMS_APP_ID,
  });
  people = stack.graph.tenant
    .list()
    .filter((p) => p.accountEnabled && p.id !== ORGANISER.id)
    .slice(0, 160);
});

const DEFAULT_MODES = {
  notInstalled: 'notFound',
  rscAtInstall: 'granted',
  bulkNotInstalled: 'skip',
};
beforeEach(async () => {
  stack.graph.faults.clear();
  await control('DELETE', '/teamwork/activities');
  await control('PUT', '/teamwork/modes', DEFAULT_MODES);
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

async function delivered(userId?: string): Promise<DeliveredActivity[]> {
  const answer = await control(
    'GET',
    userId ? `/teamwork/activities/${userId}` : '/teamwork/activities',
  );
  return answer.value as DeliveredActivity[];
}

let keys = 0;
function pairedNotice(recipient: SimPerson): ActivityNotice<'paired'> {
  return {
    recipientId: recipient.id,
    activityType: 'paired',
    templateParameters: {
      partner: 'Elena Rivas',
      programme: 'Mentoring Contoso 2026',
      firstSession: 'martes, 12 de enero, 10:00',
    },
    target: { subEntityId: 'pairs/p-123', label: 'Mentoring Contoso 2026' },
    previewText: 'Elena Rivas y tú formáis pareja. Presentaos en vuestra primera sesión.',
    idempotencyKey: `outbox-${keys++}`,
  };
}

async function refusal(call: Promise<unknown>): Promise<NoticeRefusedError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NoticeRefusedError);
  return error as NoticeRefusedError;
}

describe('the activity types', () => {
  test('the port names exactly the manifest’s types, each with its template’s parameters', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('../../../appPackage/manifest.json', import.meta.url), 'utf8'),
    ) as { activities: { activityTypes: { type: string; templateText: string }[] } };
    const fromManifest = Object.fromEntries(
      manifest.activities.activityTypes.map((a) => [a.type, templateParameters(a.templateText)]),
    );
    const fromPort = Object.fromEntries(
      Object.entries(ACTIVITY_PARAMETERS).map(([type, names]) => [type, [...names].sort()]),
    );
    expect(fromPort).toEqual(fromManifest);
  });
});

describe('one notice', () => {
  test('reaches the recipient’s feed with its type, parameters, preview and deep link', async () => {
    const [person] = people;
    const notice = pairedNotice(person!);
    await feed.send(notice);
    const [entry, ...more] = await delivered(person!.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      recipientId: person!.id,
      activityType: 'paired',
      via: 'user',
      templateParameters: notice.templateParameters,
      previewText: notice.previewText,
      chainId: chainIdFor(notice.idempotencyKey),
      text: 'Tandem: you are paired with Elena Rivas in Mentoring Contoso 2026; first session martes, 12 de enero, 10:00',
    });
    expect(entry!.topic).toEqual({
      source: 'text',
      value: 'Mentoring Contoso 2026',
      webUrl: teamsDeepLink(DEMO_TEAMS_APP_ID, 'pairs/p-123'),
    });
    const link = new URL(entry!.topic.webUrl!);
    expect(link.host).toBe('teams.microsoft.com');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'pairs/p-123' });
  });

  test('an undeclared activity type is refused, and nothing is delivered', async () => {
    const notice = { ...pairedNotice(people[1]!), activityType: 'pairMatched' } as never;
    const error = await refusal(feed.send(notice));
    expect(error.reason).toBe('invalid');
    expect(error.message).toMatch(/activityType 'pairMatched' is not declared/);
    expect(await delivered()).toEqual([]);
  });

  test('a missing or unknown template parameter is refused, and nothing is delivered', async () => {
    const notice = pairedNotice(people[1]!);
    const { firstSession: _, ...withoutFirst } = notice.templateParameters;
    const missing = await refusal(
      feed.send({ ...notice, templateParameters: withoutFirst } as never),
    );
    expect(missing.reason).toBe('invalid');
    expect(missing.message).toMatch(/missing firstSession/);
    const unknown = await refusal(
      feed.send({
        ...notice,
        templateParameters: { ...notice.templateParameters, mentor: 'x' },
      } as never),
    );
    expect(unknown.message).toMatch(/unknown mentor/);
    expect(await delivered()).toEqual([]);
  });

  test('sent again after its answer was lost, it is still one notice in the feed', async () => {
    const person = people[2]!;
    const notice = pairedNotice(person);
    stack.graph.faults.set([
      {
        kind: 'lostResponse',
        method: 'POST',
        pathPrefix: `/users/${person.id}/teamwork/sendActivityNotification`,
        times: 1,
      },
    ]);
    await expect(feed.send(notice)).rejects.toThrow();
    expect(await delivered(person.id)).toHaveLength(1);
    await feed.send(notice); // the sender job's next attempt
    const entries = await delivered(person.id);
    expect(entries).toHaveLength(1);
    // Another outbox entry is another notice.
    await feed.send(pairedNotice(person));
    expect(await delivered(person.id)).toHaveLength(2);
  });

  test('a long 429 comes back as ThrottledError with Graph’s wait, and nothing is delivered', async () => {
    const person = people[3]!;
    stack.graph.faults.set([
      {
        kind: '429',
        pathPrefix: `/users/${person.id}/teamwork/`,
        retryAfterSeconds: 120,
        times: 1,
      },
    ]);
    const error = await feed.send(pairedNotice(person)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ThrottledError);
    expect((error as ThrottledError).retryAfterSeconds).toBe(120);
    expect(await delivered(person.id)).toEqual([]);
  });
});

describe.each([
  ['notFound', 'notInstalled'],
  ['forbidden', 'notPermitted'],
] as const)('the app not installed for the recipient (mode %s)', (mode, reason) => {
  test(`is refused as ${reason}, and delivered once installed`, async () => {
    await control('PUT', '/teamwork/modes', { notInstalled: mode });
    const person = people[4]!;
    await control('DELETE', `/teamwork/installations/${person.id}`);
    try {
      const error = await refusal(feed.send(pairedNotice(person)));
      expect(error.reason).toBe(reason);
      expect(error.recipientId).toBe(person.id);
      expect(await delivered(person.id)).toEqual([]);
    } finally {
      await control('PUT', `/teamwork/installations/${person.id}`, { rscGranted: true });
    }
    await feed.send(pairedNotice(person));
    expect(await delivered(person.id)).toHaveLength(1);
  });
});

describe.each(['granted', 'notGranted'] as const)(
  'the setup policy’s install and the app’s consent (mode %s)',
  (mode) => {
    test(
      mode === 'granted'
        ? 'the consent comes with the install: delivered'
        : 'no consent on the install: refused as notPermitted',
      async () => {
        await control('PUT', '/teamwork/modes', { rscAtInstall: mode });
        const person = people[5]!;
        if (mode === 'granted') {
          await feed.send(pairedNotice(person));
          expect(await delivered(person.id)).toHaveLength(1);
        } else {
          const error = await refusal(feed.send(pairedNotice(person)));
          expect(error.reason).toBe('notPermitted');
          expect(error.message).toMatch(/TeamsActivity\.Send\.User/);
          expect(await delivered(person.id)).toEqual([]);
        }
      },
    );
  },
);

describe('a broadcast (a call opening)', () => {
  const callOpen = (recipientIds: readonly string[]) => ({
    recipientIds,
    activityType: 'callOpen' as const,
    templateParameters: { programme: 'Liderazgo femenino', deadline: '15 de enero' },
    target: { subEntityId: 'programmes/lf/apply', label: 'Liderazgo femenino' },
    previewText: 'Inscríbete desde Tandem.',
    idempotencyKey: `call-${keys++}`,
  });

  test('goes out in requests of at most 100 recipients, each person once', async () => {
    const ids = people.slice(0, 150).map((p) => p.id);
    stack.graph.resetStats();
    const result = await feed.broadcast(callOpen([...ids, ids[0]!]));
    expect(result.accepted.sort()).toEqual([...ids].sort());
    expect(result.refused).toEqual([]);
    expect(stack.graph.stats().byRoute['POST /teamwork/sendActivityNotificationToRecipients']).toBe(
      2,
    );
    const entries = await delivered();
    expect(entries).toHaveLength(150);
    expect(new Set(entries.map((e) => e.recipientId)).size).toBe(150);
    expect(entries.every((e) => e.via === 'recipients' && e.activityType === 'callOpen')).toBe(
      true,
    );
  });

  test.each(['skip', 'reject'] as const)(
    'one recipient without the app (mode %s): the others get it, that one is never a duplicate',
    async (mode) => {
      await control('PUT', '/teamwork/modes', { bulkNotInstalled: mode });
      const ids = people.slice(10, 15).map((p) => p.id);
      await control('DELETE', `/teamwork/installations/${ids[2]}`);
      try {
        const result = await feed.broadcast(callOpen(ids));
        const reached = (await delivered()).map((e) => e.recipientId).sort();
        expect(reached).toEqual(ids.filter((id) => id !== ids[2]).sort());
        if (mode === 'reject') {
          // Refused as a whole: sent one by one, so the one without the app is named.
          expect(result.refused).toEqual([{ recipientId: ids[2], reason: 'notInstalled' }]);
        } else {
          // 202: Graph took all five; Teams leaves out the one without the app.
          expect(result.accepted.sort()).toEqual([...ids].sort());
          const { undelivered } = await control('GET', '/teamwork/activities');
          expect(undelivered.map((u: { recipientId: string }) => u.recipientId)).toEqual([ids[2]]);
        }
      } finally {
        await control('PUT', `/teamwork/installations/${ids[2]}`, { rscGranted: true });
      }
    },
  );

  test('an undeclared type is refused before any request reaches a feed', async () => {
    const error = await refusal(
      feed.broadcast({ ...callOpen([people[0]!.id]), activityType: 'announcement' } as never),
    );
    expect(error.reason).toBe('invalid');
    expect(await delivered()).toEqual([]);
  });
});
