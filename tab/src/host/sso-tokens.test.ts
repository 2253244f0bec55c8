import { describe, expect, it } from 'vitest';
import { ssoTokens } from './host';

/** A host whose getAuthToken answers in order, each when told to. */
function fakeTeams() {
  const asked: { resolve: (t: string) => void; reject: (e: unknown) => void }[] = [];
  const getAuthToken = () =>
    new Promise<string>((resolve, reject) => asked.push({ resolve, reject }));
  const teams = { authentication: { getAuthToken } } as unknown as Parameters<
    typeof ssoTokens
  >[0]['teams'];
  return { teams, asked, getAuthToken };
}

describe('ssoTokens', () => {
  it('hands the first request, sent at start-up, to every caller while it is in flight', async () => {
    const host = fakeTeams();
    const firstToken = host.getAuthToken();
    const getToken = ssoTokens({ teams: host.teams, firstToken });
    const calls = [getToken(), getToken(), getToken(), getToken()];
    expect(host.asked).toHaveLength(1);
    host.asked[0]!.resolve('first');
    expect(await Promise.all(calls)).toEqual(['first', 'first', 'first', 'first']);
  });

  it('asks the host again once the first answer is in (the host keeps the cache, not the tab)', async () => {
    const host = fakeTeams();
    const firstToken = host.getAuthToken();
    const getToken = ssoTokens({ teams: host.teams, firstToken });
    host.asked[0]!.resolve('first');
    await getToken();
    await Promise.resolve();
    const later = getToken();
    expect(host.asked).toHaveLength(2);
    host.asked[1]!.resolve('second');
    expect(await later).toBe('second');
  });

  it('asks again when the first request failed', async () => {
    const host = fakeTeams();
    const firstToken = host.getAuthToken();
    firstToken.catch(() => {});
    const getToken = ssoTokens({ teams: host.teams, firstToken });
    const waiting = getToken();
    host.asked[0]!.reject(new Error('consent required'));
    await new Promise((r) => setTimeout(r, 0));
    expect(host.asked).toHaveLength(2);
    host.asked[1]!.resolve('after consent');
    expect(await waiting).toBe('after consent');
  });
});
