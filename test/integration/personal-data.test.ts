import { describe, expect, it } from 'vitest';
import { HR, matchingProgramme, unrelatedPeople } from './matching-fixture';
import { localStackForFile } from './stack-for-file';

const { stack, api, as } = localStackForFile();

describe('a person’s own data', () => {
  it('exports what they gave Tandem, private notes included and nobody else’s; erases it once their programme is over', async () => {
    const [mentor, mentee] = unrelatedPeople(stack, 2).map((p) => p.id) as [string, string];
    const { programmeId } = await matchingProgramme(
      stack,
      api,
      { mentors: [mentor], mentees: [mentee] },
      { run: true },
    );
    const confirmed = await api(HR, 'POST', `/programmes/${programmeId}/matching/confirm`, {
      body: { proposals: 'all' },
    });
    const pairId = confirmed.body.confirmed[0].id as string;
    await as(mentee, 'POST', `/pairs/${pairId}/notes`, {
      body: { text: 'mi-nota-privada', visibility: 'private' },
    });
    await as(mentee, 'POST', `/pairs/${pairId}/goals`, {
      body: { horizon: 'short', title: 'mi-objetivo' },
    });
    await as(mentor, 'POST', `/pairs/${pairId}/notes`, {
      body: { text: 'nota-privada-del-mentor', visibility: 'private' },
    });
    await as(mentor, 'POST', `/pairs/${pairId}/notes`, {
      body: { text: 'nota-compartida-del-mentor', visibility: 'shared' },
    });

    const exported = await as(mentee, 'GET', '/me/data');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('tandem-my-data.json');
    expect(exported.body.person.id).toBe(mentee);
    expect(exported.body.applications).toEqual([
      expect.objectContaining({ programmeId, role: 'mentee', personId: mentee }),
    ]);
    expect(exported.body.pairs).toEqual([
      expect.objectContaining({
        pairId,
        role: 'mentee',
        with: expect.objectContaining({ id: mentor }),
      }),
    ]);
    const text = JSON.stringify(exported.body);
    expect(text).toContain('mi-nota-privada');
    expect(text).toContain('mi-objetivo');
    expect(text).not.toContain('nota-privada-del-mentor');
    expect(text).not.toContain('nota-compartida-del-mentor');

    // The programme is running and so is the pair: nothing is erased yet.
    const blocked = await as(mentee, 'DELETE', '/me/data');
    expect([blocked.status, blocked.body.code]).toEqual([409, 'erasureBlocked']);
    expect(blocked.body.blockers).toEqual([
      expect.objectContaining({ code: 'activePair', pairId }),
    ]);
    expect(JSON.stringify((await as(mentee, 'GET', '/me/data')).body)).toContain('mi-nota-privada');

    const programme = await api(HR, 'GET', `/programmes/${programmeId}`);
    const closed = await api(HR, 'PUT', `/programmes/${programmeId}/status`, {
      body: { status: 'closed' },
      headers: { 'if-match': programme.body.etag },
    });
    expect(closed.status).toBe(200);
    const erased = await as(mentee, 'DELETE', '/me/data');
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toEqual({ applications: 1, entries: 2 });

    const after = (await as(mentee, 'GET', '/me/data')).body;
    expect(after.applications).toEqual([]);
    expect(after.pairs[0].written).toEqual([]);
    // What the other person wrote stays theirs.
    const mentorsSpace = (await as(mentor, 'GET', `/pairs/${pairId}/space`)).body;
    expect(mentorsSpace.sharedNotes.map((n: { text: string }) => n.text)).toEqual([
      'nota-compartida-del-mentor',
    ]);
    expect(mentorsSpace.privateNotes).toHaveLength(1);
    expect(mentorsSpace.goals).toEqual([]);
  });

  it('is refused to app-only tokens and anyone signed out', async () => {
    expect((await api(null, 'GET', '/me/data')).status).toBe(401);
    const client = stack.issuer.registerClient({ [stack.env.TANDEM_CLIENT_ID!]: ['Tandem.Jobs'] });
    const response = await fetch(stack.issuer.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.secret,
        scope: `${stack.env.TANDEM_APP_ID_URI}/.default`,
      }),
    });
    const job = ((await response.json()) as { access_token: string }).access_token;
    expect((await api(null, 'DELETE', '/me/data', { token: job })).status).toBe(403);
    expect((await api(null, 'GET', '/me/data', { token: job })).status).toBe(403);
  });
});
