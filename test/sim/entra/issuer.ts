import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  decodeJwt,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';

/** A person the local sign-in can act as (the demo organisation provides them). */
export interface SignInPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
  roles: string[];
  department?: string;
  jobTitle?: string;
  /** In a seeded demo: the programmes the person mentors or is mentored in (the sign-in says so). */
  participation?: { programme: string; role: 'mentor' | 'mentee' | 'applicant' }[];
}

/** An app registration known to the local issuer: client id, a generated secret, its resources. */
export interface LocalClient {
  clientId: string;
  /** Generated at start-up; never written to the repository. */
  secret: string;
  /** Application permissions granted to this client, by resource (audience) → roles. */
  appRoles: Record<string, string[]>;
}

export interface IssuerOptions {
  tenantId: string;
  /** The Tandem API's client id: audience of the tokens the tab and tests ask for. */
  apiClientId: string;
  apiAppIdUri: string;
  people: () => readonly SignInPerson[];
  clients?: LocalClient[];
  port?: number;
  /** Token lifetime in seconds (Entra: 60–90 minutes). */
  lifetimeSeconds?: number;
  /**
   * Also serve the same endpoints over HTTPS with this certificate: msal-node only accepts an
   * https authority. The browser's local sign-in stays on plain HTTP, which browsers trust.
   */
  tls?: { cert: string; key: string };
}

export interface LocalIssuer {
  url: string;
  tenantId: string;
  /** `iss` of v2 tokens, as the API must be configured to expect. */
  issuer: string;
  jwksUrl: string;
  tokenEndpoint: string;
  /** msal-node's `authority` (`https://127.0.0.1:port/{tenant}`), when started with `tls`. */
  authority?: string;
  /** Signs a user token for the Tandem API, as Teams SSO would hand the tab. */
  userToken(personId: string, overrides?: JWTPayload): Promise<string>;
  /** Signs any payload with the issuer's key (tests build bad tokens with it). */
  sign(payload: JWTPayload, options?: { key?: CryptoKey; kid?: string }): Promise<string>;
  /** Verifies a token this issuer signed (the Graph simulator uses it). */
  verify(token: string, audience: string | string[]): Promise<JWTPayload>;
  /** Registers an app (a new client id unless one is given) with a generated secret. */
  registerClient(appRoles: LocalClient['appRoles'], clientId?: string): LocalClient;
  /** An app-only token for a registered client, as the token endpoint would issue it. */
  clientToken(clientId: string, resource: string): Promise<string>;
  close(): Promise<void>;
}

const GRAPH = 'https://graph.microsoft.com';

/**
 * An Entra-like token issuer for local runs and tests: OpenID metadata, JWKS and a v2 token
 * endpoint (client credentials, on-behalf-of) signing RS256 tokens from a key generated at start-up,
 * plus a local-only sign-in ("choose a demo person") that stands in for Teams SSO outside Teams.
 */
export async function startIssuer(options: IssuerOptions): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = { keys: [{ ...publicJwk, kid, use: 'sig', alg: 'RS256' }] };
  const verifyKey = await importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256');
  const lifetime = options.lifetimeSeconds ?? 3600;
  const tid = options.tenantId;
  const clients = new Map<string, LocalClient>();
  for (const c of options.clients ?? []) clients.set(c.clientId, c);

  let base = '';
  const issuerV2 = () => `${base}/${tid}/v2.0`;

  async function sign(
    payload: JWTPayload,
    opts: { key?: CryptoKey; kid?: string } = {},
  ): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: opts.kid ?? kid })
      .sign(opts.key ?? privateKey);
  }

  function timeClaims(): JWTPayload {
    const now = Math.floor(Date.now() / 1000);
    return { iat: now, nbf: now, exp: now + lifetime };
  }

  function personOf(id: string): SignInPerson | undefined {
    return options.people().find((p) => p.id === id);
  }

  async function userToken(personId: string, overrides: JWTPayload = {}): Promise<string> {
    const person = personOf(personId);
    if (!person) throw new Error(`No demo person ${personId}`);
    return sign({
      aud: options.apiClientId,
      iss: issuerV2(),
      ...timeClaims(),
      azp: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web client, as with real SSO
      azpacr: '0',
      name: person.displayName,
      oid: person.id,
      preferred_username: person.userPrincipalName,
      rh: randomBytes(8).toString('base64url'),
      scp: 'access_as_user',
      sub: createHash('sha256').update(`${person.id}:${options.apiClientId}`).digest('base64url'),
      tid,
      uti: randomBytes(12).toString('base64url'),
      ver: '2.0',
      ...(person.roles.length > 0 ? { roles: person.roles } : {}),
      ...overrides,
    });
  }

  /** Graph accepts v1-shaped tokens: `aud` is the resource URI, `iss` is sts. */
  async function appToken(client: LocalClient, resource: string): Promise<string> {
    const isGraph = resource === GRAPH;
    return sign({
      aud: resource,
      iss: isGraph ? `${base}/sts/${tid}/` : issuerV2(),
      ...timeClaims(),
      azp: client.clientId,
      appid: client.clientId,
      azpacr: '1',
      idtyp: 'app',
      oid: servicePrincipalId(client.clientId),
      roles: client.appRoles[resource] ?? [],
      sub: servicePrincipalId(client.clientId),
      tid,
      uti: randomBytes(12).toString('base64url'),
      ver: isGraph ? '1.0' : '2.0',
    });
  }

  async function oboToken(client: LocalClient, assertion: string, resource: string) {
    const { payload } = await jwtVerify(assertion, verifyKey, {
      issuer: issuerV2(),
      audience: [options.apiClientId, options.apiAppIdUri],
    });
    if (payload.aud !== client.clientId && payload.aud !== options.apiAppIdUri) {
      throw new Error('The assertion was not issued to this client.');
    }
    return sign({
      aud: resource,
      iss: resource === GRAPH ? `${base}/sts/${tid}/` : issuerV2(),
      ...timeClaims(),
      appid: client.clientId,
      name: payload.name,
      oid: payload.oid,
      preferred_username: payload.preferred_username,
      scp: 'User.Read Calendars.ReadWrite',
      sub: payload.sub,
      tid,
      ver: '1.0',
    });
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    res
      .writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'content-type',
      })
      .end(JSON.stringify(body));
  }

  function oauthError(res: ServerResponse, status: number, error: string, description: string) {
    send(res, status, {
      error,
      error_description: description,
      error_codes: [status === 401 ? 7000215 : 900144],
      timestamp: new Date().toISOString(),
      trace_id: randomUUID(),
      correlation_id: randomUUID(),
    });
  }

  async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
    let text = '';
    for await (const chunk of req) {
      text += String(chunk);
      if (text.length > 64 * 1024) break;
    }
    const type = req.headers['content-type'] ?? '';
    if (type.includes('application/json')) {
      const json = JSON.parse(text || '{}') as Record<string, string>;
      return new URLSearchParams(json);
    }
    return new URLSearchParams(text);
  }

  function resourceOf(scope: string | null): string | undefined {
    const first = scope?.split(' ').find((s) => s.endsWith('/.default'));
    return first?.slice(0, -'/.default'.length);
  }

  async function onToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const grant = form.get('grant_type');
    const client = clients.get(form.get('client_id') ?? '');
    if (!client || form.get('client_secret') !== client.secret) {
      return oauthError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret.');
    }
    const resource = resourceOf(form.get('scope'));
    if (!resource) {
      return oauthError(res, 400, 'invalid_scope', 'AADSTS70011: The scope must end in /.default.');
    }
    const normalized = resource === options.apiAppIdUri ? options.apiClientId : resource;
    let token: string;
    if (grant === 'client_credentials') {
      token = await appToken(client, normalized);
    } else if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      try {
        token = await oboToken(client, form.get('assertion') ?? '', normalized);
      } catch (error) {
        return oauthError(res, 400, 'invalid_grant', `AADSTS50013: ${(error as Error).message}`);
      }
    } else {
      return oauthError(res, 400, 'unsupported_grant_type', `AADSTS70003: ${grant}`);
    }
    const claims = decodeJwt(token);
    send(res, 200, {
      token_type: 'Bearer',
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: token,
      ...(claims.scp ? { scope: claims.scp } : {}),
    });
  }

  const handle = (origin: () => string) => async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const at = origin();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (req.method === 'OPTIONS') return send(res, 204, {});
      if (path === `/${tid}/v2.0/.well-known/openid-configuration`) {
        return send(res, 200, {
          // msal-node accepts metadata only when its issuer has the authority's origin.
          issuer: `${at}/${tid}/v2.0`,
          authorization_endpoint: `${at}/${tid}/oauth2/v2.0/authorize`,
          token_endpoint: `${at}/${tid}/oauth2/v2.0/token`,
          jwks_uri: `${at}/${tid}/discovery/v2.0/keys`,
          response_types_supported: ['code', 'id_token', 'token'],
          subject_types_supported: ['pairwise'],
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
          tenant_region_scope: 'EU',
          cloud_instance_name: 'microsoftonline.com',
        });
      }
      if (path === `/${tid}/discovery/v2.0/keys` || path === '/common/discovery/v2.0/keys') {
        return send(res, 200, jwks);
      }
      if (path === `/${tid}/oauth2/v2.0/token` && req.method === 'POST') {
        return await onToken(req, res);
      }
      // Local-only sign-in: the people one may act as, and a token for one of them.
      if (path === `/${tid}/local/people` && req.method === 'GET') {
        const q = (url.searchParams.get('search') ?? '').toLocaleLowerCase();
        const top = Math.min(Number(url.searchParams.get('top') ?? 50) || 50, 200);
        const found = options
          .people()
          .filter(
            (p) =>
              !q ||
              p.displayName.toLocaleLowerCase().includes(q) ||
              p.userPrincipalName.toLocaleLowerCase().includes(q),
          )
          .slice(0, top);
        return send(res, 200, { value: found });
      }
      if (path === `/${tid}/local/sign-in` && req.method === 'POST') {
        const form = await readForm(req);
        const id = form.get('personId') ?? '';
        if (!personOf(id)) return oauthError(res, 400, 'invalid_request', 'Unknown person.');
        const token = await userToken(id);
        return send(res, 200, { token_type: 'Bearer', expires_in: lifetime, access_token: token });
      }
      send(res, 404, { error: 'not_found', error_description: `No endpoint ${path}` });
    } catch (error) {
      send(res, 500, { error: 'server_error', error_description: String(error) });
    }
  };
  const server: Server = createServer(handle(() => base));
  await new Promise<void>((r, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => r());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let secureBase: string | undefined;
  const secure = options.tls
    ? createHttpsServer(
        { cert: options.tls.cert, key: options.tls.key },
        handle(() => secureBase!),
      )
    : undefined;
  if (secure) {
    await new Promise<void>((r, reject) => {
      secure.once('error', reject);
      secure.listen(0, '127.0.0.1', () => r());
    });
    secureBase = `https://localhost:${(secure.address() as AddressInfo).port}`;
  }

  return {
    url: base,
    tenantId: tid,
    issuer: issuerV2(),
    jwksUrl: `${base}/${tid}/discovery/v2.0/keys`,
    tokenEndpoint: `${base}/${tid}/oauth2/v2.0/token`,
    ...(secureBase ? { authority: `${secureBase}/${tid}` } : {}),
    userToken,
    sign,
    verify: async (token, audience) =>
      (
        await jwtVerify(token, verifyKey, {
          audience,
          issuer: [issuerV2(), `${base}/sts/${tid}/`],
        })
      ).payload,
    clientToken: async (clientId, resource) => {
      const client = clients.get(clientId);
      if (!client) throw new Error(`No client ${clientId}`);
      return appToken(client, resource);
    },
    registerClient(appRoles, clientId) {
      const client: LocalClient = {
        clientId: clientId ?? randomUUID(),
        secret: randomBytes(24).toString('base64url'),
        appRoles,
      };
      clients.set(client.clientId, client);
      return client;
    },
    close: async () => {
      await Promise.all(
        [server, secure].map(
          (s) =>
            new Promise<void>((r) => {
              if (!s) return r();
              s.closeAllConnections();
              s.close(() => r());
            }),
        ),
      );
    },
  };
}

/** Stable service-principal object id for a client id (the simulator needs one per app). */
export function servicePrincipalId(clientId: string): string {
  const h = createHash('sha256').update(`sp:${clientId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
