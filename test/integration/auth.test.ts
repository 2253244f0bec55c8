import { generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenValidator } from '../../functions/src/http/auth';
import { localStackForFile } from './stack-for-file';

const marta = () => stack.people.find((p) => p.displayName === 'Marta Gil')!;
const lucia = () => stack.people.find((p) => p.roles.includes('Tandem.Admin'))!;

const { stack } = localStackForFile();

async function me(token?: string) {
  return fetch(`${stack.url}/api/me`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
}

async function expectUnauthorized(response: Response, reason: RegExp) {
  expect(response.status).toBe(401);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
  const body = (await response.json()) as { status: number; title: string; detail: string };
  expect(body).toMatchObject({ status: 401, title: 'Unauthorized' });
  expect(body.detail).toMatch(reason);
}

describe('GET /api/me', () => {
  it('answers with the signed-in person and their roles', async () => {
    const response = await me(await stack.issuer.userToken(marta().id));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: marta().id,
      tenantId: stack.issuer.tenantId,
      name: 'Marta Gil',
      username: marta().userPrincipalName,
      roles: [],
      isAdmin: false,
      isAdvisor: false,
    });
  });

  it('carries the app roles of an HR programme manager', async () => {
    const response = await me(await stack.issuer.userToken(lucia().id));
    expect(await response.json()).toMatchObject({ roles: ['Tandem.Admin'], isAdmin: true });
  });

  it('refuses a request without a token', async () => {
    await expectUnauthorized(await me(), /bearer token is required/);
  });

  it('refuses a token signed by another key', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const good = await stack.issuer.userToken(marta().id);
    const [header] = good.split('.');
    const kid = JSON.parse(Buffer.from(header!, 'base64url').toString()).kid as string;
    const payload = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString());
    const forged = await stack.issuer.sign(payload, { key: privateKey, kid });
    await expectUnauthorized(await me(forged), /signature is invalid/);
  });

  it('refuses a token whose signature was tampered with', async () => {
    const good = await stack.issuer.userToken(marta().id);
    const [h, p, s] = good.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    claims.roles = ['Tandem.Admin'];
    const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    await expectUnauthorized(await me(tampered), /signature is invalid/);
  });

  it('refuses a token for another audience', async () => {
    const token = await stack.issuer.userToken(marta().id, { aud: 'api://someone-else' });
    await expectUnauthorized(await me(token), /another audience/);
  });

  it('refuses a token from another tenant', async () => {
    const token = await stack.issuer.userToken(marta().id, {
      tid: '00000000-1111-4222-8333-444444444444',
    });
    await expectUnauthorized(await me(token), /another tenant/);
  });

  it('refuses a token from an unexpected issuer', async () => {
    const token = await stack.issuer.userToken(marta().id, {
      iss: 'https://login.microsoftonline.com/00000000-1111-4222-8333-444444444444/v2.0',
    });
    await expectUnauthorized(await me(token), /unexpected issuer/);
  });

  it('refuses an expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const token = await stack.issuer.userToken(marta().id, {
      iat: past,
      nbf: past,
      exp: past + 3600,
    });
    await expectUnauthorized(await me(token), /expired/);
  });

  it('refuses a token that is not valid yet', async () => {
    const future = Math.floor(Date.now() / 1000) + 7200;
    const token = await stack.issuer.userToken(marta().id, { nbf: future, exp: future + 3600 });
    await expectUnauthorized(await me(token), /not valid yet/);
  });

  it('refuses a user token without the access_as_user scope', async () => {
    const token = await stack.issuer.userToken(marta().id, { scp: 'User.Read' });
    await expectUnauthorized(await me(token), /access_as_user/);
  });

  it('refuses an unsigned (alg none) token', async () => {
    const good = await stack.issuer.userToken(marta().id);
    const [, p] = good.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect((await me(none)).status).toBe(401);
  });

  it('refuses an app-only token on a person route (403), and one without our role (401)', async () => {
    const client = stack.issuer.registerClient({ [stack.env.TANDEM_CLIENT_ID!]: ['Tandem.Jobs'] });
    const tokenFor = async (c: { clientId: string; secret: string }) => {
      const response = await fetch(stack.issuer.tokenEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: c.clientId,
          client_secret: c.secret,
          scope: `${stack.env.TANDEM_APP_ID_URI}/.default`,
        }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const forbidden = await me(await tokenFor(client));
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('content-type')).toBe('application/problem+json');
    const roleless = stack.issuer.registerClient({});
    await expectUnauthorized(await me(await tokenFor(roleless)), /Tandem\.Jobs/);
  });
});

describe('the token validator', () => {
  it('stops accepting a token it has already verified once that token expires', async () => {
    let now = new Date();
    const validate = createTokenValidator(
      {
        issuer: stack.issuer.issuer,
        audiences: [stack.env.TANDEM_CLIENT_ID!],
        tenantId: stack.issuer.tenantId,
        jwksUrl: stack.issuer.jwksUrl,
      },
      () => now,
    );
    const issued = Math.floor(now.getTime() / 1000);
    const token = await stack.issuer.userToken(marta().id, { exp: issued + 600 });
    expect(await validate(`Bearer ${token}`)).toMatchObject({ ok: true });
    now = new Date((issued + 200) * 1000);
    expect(await validate(`Bearer ${token}`)).toMatchObject({ ok: true });
    now = new Date((issued + 600 + 61) * 1000);
    expect(await validate(`Bearer ${token}`)).toEqual({
      ok: false,
      reason: 'The token has expired.',
    });
  });
});

describe('the local host', () => {
  it('serves /api/health anonymously', async () => {
    const response = await fetch(`${stack.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('answers unknown API paths with a 404 problem and wrong methods with 405', async () => {
    const missing = await fetch(`${stack.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    const wrong = await fetch(`${stack.url}/api/me`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
  });
});
