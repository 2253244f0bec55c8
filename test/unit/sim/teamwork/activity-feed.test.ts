import { describe, expect, it } from 'vitest';
import tandemManifest from '../../../../appPackage/manifest.json';
import { type GraphCaller, GraphError, type GraphRequest } from '../../../sim/graph/router';
import { simActivityFeed, teamsAppFromManifest } from '../../../sim/graph/teamwork/activity-feed';
import { ANA, LUIS, NURIA, testTenant } from '../calendar/test-tenant';

/**
 * The simulator's activity feed rules, one by one, as docs/notifications.md reads the pages:
 * topic, recipients, the 100 limit, the token's 45 minutes, systemDefault, permissions.
 */
const ROOT = 'https://graph.test/v1.0';
const TANDEM_APP = 'tandem-entra-app';

function setUp() {
  const tenant = testTenant();
  const sim = simActivityFeed(tenant, () => ROOT);
  sim.publishApp(
    teamsAppFromManifest(tandemManifest, {
      id: 'catalog-tandem',
      displayName: 'Tandem',
      azureAdAppId: TANDEM_APP,
    }),
  );
  const route = (pattern: string) => sim.routes.find((r) => r.pattern === pattern)!;
  const caller = (over: Partial<GraphCaller> = {}): GraphCaller => ({
    appId: TANDEM_APP,
    roles: [],
    scopes: [],
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
    ...over,
  });
  const request = (body: unknown, who = caller()): GraphRequest => ({
    method: 'POST',
    path: '',
    query: new URLSearchParams(),
    headers: {},
    body,
    caller: who,
    requestId: 'r',
  });
  const toUser = (userId: string, body: unknown, who?: GraphCaller) =>
    route('/users/{id}/teamwork/sendActivityNotification').handler(request(body, who), {
      id: userId,
    });
  const toMany = (body: unknown, who?: GraphCaller) =>
    route('/teamwork/sendActivityNotificationToRecipients').handler(request(body, who), {});
  return { sim, toUser, toMany, caller };
}

const notice = (over: Record<string, unknown> = {}) => ({
  topic: {
    source: 'text',
    value: 'Mentoring 2026',
    webUrl: 'https://teams.microsoft.com/l/entity/app/home',
  },
  activityType: 'evaluationOpen',
  previewText: { content: 'Cuéntanos qué tal.' },
  templateParameters: [{ name: 'programme', value: 'Mentoring 2026' }],
  ...over,
});

async function refused(run: () => unknown): Promise<GraphError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
}

describe('sendActivityNotification (one person)', () => {
  it('delivers with the template filled and {actor} the app’s name', async () => {
    const { sim, toUser } = setUp();
    expect(await toUser(ANA.id, notice())).toEqual({ status: 204 });
    expect(sim.feed).toHaveLength(1);
    expect(sim.feed[0]).toMatchObject({
      recipientId: ANA.id,
      text: 'Tandem: the evaluation of Mentoring 2026 is open',
    });
  });

  it('needs a webUrl on the Teams domain for a text topic', async () => {
    const { toUser } = setUp();
    for (const webUrl of [
      undefined,
      'https://contoso.example/tab',
      'http://teams.microsoft.com/x',
    ]) {
      const error = await refused(() =>
        toUser(ANA.id, notice({ topic: { source: 'text', value: 'x', webUrl } })),
      );
      expect([error.status, error.message]).toEqual([400, expect.stringMatching(/webUrl/)]);
    }
  });

  it('takes an entityUrl of the installation or the catalog app, nothing else', async () => {
    const { toUser } = setUp();
    const entity = (value: string) => notice({ topic: { source: 'entityUrl', value } });
    await toUser(ANA.id, entity(`${ROOT}/users/${ANA.id}/teamwork/installedApps/i-1`));
    await toUser(ANA.id, entity(`${ROOT}/appCatalogs/teamsApps/catalog-tandem`));
    const error = await refused(() => toUser(ANA.id, entity(`${ROOT}/teams/t-1`)));
    expect(error.message).toMatch(/not a resource supported/);
  });

  it('takes the reserved systemDefault with its free text, never an undeclared type', async () => {
    const { sim, toUser } = setUp();
    await toUser(
      ANA.id,
      notice({
        activityType: 'systemDefault',
        templateParameters: [{ name: 'systemDefaultText', value: 'Hola' }],
      }),
    );
    expect(sim.feed[0]!.text).toBe('Hola');
    const error = await refused(() => toUser(ANA.id, notice({ activityType: 'taskCreated' })));
    expect([error.status, error.message]).toEqual([400, expect.stringMatching(/not declared/)]);
  });

  it('refuses an app the tenant’s catalog does not hold as not installed', async () => {
    const { toUser, caller } = setUp();
    const error = await refused(() =>
      toUser(ANA.id, notice(), caller({ appId: 'other-app', roles: ['TeamsActivity.Send'] })),
    );
    expect(error.status).toBe(400); // its types are unknown: refused before the recipient
  });

  it('sends with TeamsActivity.Send alone, without the installation’s consent', async () => {
    const { sim, toUser, caller } = setUp();
    sim.modes.rscAtInstall = 'notGranted';
    const error = await refused(() => toUser(ANA.id, notice()));
    expect(error.status).toBe(403);
    await toUser(ANA.id, notice(), caller({ roles: ['TeamsActivity.Send'] }));
    expect(sim.feed).toHaveLength(1);
  });
});

describe('sendActivityNotificationToRecipients (many)', () => {
  const recipients = (ids: string[]) =>
    ids.map((userId) => ({
      '@odata.type': 'microsoft.graph.aadUserNotificationRecipient',
      userId,
    }));

  it('delivers to each and answers 202', async () => {
    const { sim, toMany } = setUp();
    expect(await toMany(notice({ recipients: recipients([ANA.id, LUIS.id, NURIA.id]) }))).toEqual({
      status: 202,
    });
    expect(sim.feed.map((f) => f.recipientId)).toEqual([ANA.id, LUIS.id, NURIA.id]);
  });

  it('takes at most 100 recipients, all aadUserNotificationRecipient', async () => {
    const { toMany } = setUp();
    const many = await refused(() =>
      toMany(notice({ recipients: recipients(Array.from({ length: 101 }, () => ANA.id)) })),
    );
    expect(many.message).toMatch(/upper limit of 100/);
    const team = await refused(() =>
      toMany(
        notice({
          recipients: [{ '@odata.type': 'microsoft.graph.teamMembersNotificationRecipient' }],
        }),
      ),
    );
    expect(team.message).toMatch(/aadUserNotificationRecipient/);
  });

  it('answers 412 to a token less than 45 minutes from expiry', async () => {
    const { toMany, caller } = setUp();
    const soon = caller({ expiresAt: Math.floor(Date.now() / 1000) + 44 * 60 });
    const error = await refused(() => toMany(notice({ recipients: recipients([ANA.id]) }), soon));
    expect(error.status).toBe(412);
  });

  it('takes an entityUrl of the catalog app only', async () => {
    const { toMany } = setUp();
    const error = await refused(() =>
      toMany(
        notice({
          recipients: recipients([ANA.id]),
          topic: {
            source: 'entityUrl',
            value: `${ROOT}/users/${ANA.id}/teamwork/installedApps/i-1`,
          },
        }),
      ),
    );
    expect(error.message).toMatch(/not a resource supported/);
  });

  it('replaces a recipient’s notice sent again with the same chainId', async () => {
    const { sim, toMany, toUser } = setUp();
    await toMany(notice({ chainId: 7, recipients: recipients([ANA.id, LUIS.id]) }));
    await toUser(ANA.id, notice({ chainId: 7 }));
    await toUser(ANA.id, notice({ chainId: 8 }));
    expect(sim.feed.map((f) => [f.recipientId, f.chainId])).toEqual([
      [ANA.id, 7],
      [LUIS.id, 7],
      [ANA.id, 8],
    ]);
  });
});
