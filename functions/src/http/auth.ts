import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { BackendConfig } from '../config';

/** App roles defined on the Tandem Entra app. Everyone signed in without a role is an employee. */
export const APP_ROLES = {
  admin: 'Tandem.Admin',
  advisor: 'Tandem.Advisor',
  /** Application permission for automation (app-only tokens), e.g. scheduled exports. */
  jobs: 'Tandem.Jobs',
} as const;

/** The delegated scope Teams SSO asks for (`api://<host>/<clientId>/access_as_user`). */
export const USER_SCOPE = 'access_as_user';

export type Principal =
  | {
      kind: 'user';
      id: string;
      tenantId: string;
      name: string;
      username: string;
      roles: string[];
    }
  | { kind: 'app'; id: string; tenantId: string; appId: string; roles: string[] };

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: string };

export type TokenValidator = (authorization: string | undefined) => Promise<AuthResult>;

/**
 * Builds the bearer-token check used by every host: signature against the issuer's JWKS, issuer,
 * audience, tenant, expiry and not-before, then scope (users) or roles (apps). Every refusal says why.
 */
export function createTokenValidator(
  config: Pick<BackendConfig, 'issuer' | 'audiences' | 'tenantId' | 'jwksUrl'>,
  now: () => Date = () => new Date(),
): TokenValidator {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl), { cacheMaxAge: 10 * 60_000 });
  const verified = new Map<string, { payload: JWTPayload; until: number }>();
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
    if (!match?.[1]) return { ok: false, reason: 'A bearer token is required.' };
    const token = match[1];
    const nowSeconds = now().getTime() / 1000;
    const cached = verified.get(token);
    if (cached && cached.until > nowSeconds) return principalOf(cached.payload);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        audience: config.audiences,
        algorithms: ['RS256'],
        clockTolerance: 60,
        currentDate: now(),
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      // A key set we cannot reach is our outage, not the caller's fault: let it surface as a 503.
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout) throw error;
      return { ok: false, reason: describeJoseError(error) };
    }
    // The signature check dominates a request's cost; a token that passed it is remembered until it
    // expires (at most a few minutes, so a key Entra withdraws stops being trusted soon after).
    if (verified.size >= VERIFIED_CACHE_SIZE) verified.delete(verified.keys().next().value!);
    verified.set(token, {
      payload,
      until: Math.min(Number(payload.exp) + 60, nowSeconds + VERIFIED_CACHE_SECONDS),
    });
    return principalOf(payload);
  };

  function principalOf(payload: JWTPayload): AuthResult {
    // Entra's `tid` and `oid` are GUID strings (https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference);
    // any other shape is refused before either is used as an id or a storage key.
    const { tid, oid } = payload;
    if (typeof tid !== 'string' || !GUID.test(tid)) {
      return { ok: false, reason: 'The token has no valid tid claim.' };
    }
    if (typeof oid !== 'string' || !GUID.test(oid)) {
      return { ok: false, reason: 'The token has no valid oid claim.' };
    }
    if (tid !== config.tenantId) return { ok: false, reason: 'The token is from another tenant.' };
    const roles = Array.isArray(payload.roles) ? payload.roles.map(String) : [];
    if (typeof payload.scp === 'string') {
      const scopes = payload.scp.split(' ');
      if (!scopes.includes(USER_SCOPE)) {
        return { ok: false, reason: `The token lacks the ${USER_SCOPE} scope.` };
      }
      return {
        ok: true,
        principal: {
          kind: 'user',
          id: oid,
          tenantId: tid,
          name: typeof payload.name === 'string' ? payload.name : '',
          username:
            typeof payload.preferred_username === 'string' ? payload.preferred_username : '',
          roles,
        },
      };
    }
    // No delegated scope: an app-only token, which must carry one of our application roles.
    if (!roles.includes(APP_ROLES.jobs)) {
      return { ok: false, reason: 'An app-only token needs the Tandem.Jobs role.' };
    }
    const appId = typeof payload.azp === 'string' ? payload.azp : String(payload.appid ?? '');
    return { ok: true, principal: { kind: 'app', id: oid, tenantId: tid, appId, roles } };
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERIFIED_CACHE_SIZE = 10_000;
const VERIFIED_CACHE_SECONDS = 300;

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'aud':
        return 'The token is for another audience.';
      case 'iss':
        return 'The token is from an unexpected issuer.';
      case 'nbf':
        return 'The token is not valid yet.';
      default:
        return `The token's ${error.claim} claim is invalid (${error.reason}).`;
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The token signature is invalid.';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token was signed by an unknown key.';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token uses a refused algorithm.';
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) {
    return 'The token is malformed.';
  }
  return 'The token could not be verified.';
}
