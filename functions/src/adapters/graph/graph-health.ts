import { type Client, GraphError, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { GraphHealth } from '../../ports/health';

/** A probe answers within this, or counts as unreachable. */
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Graph answers the app for the organiser mailbox: `GET /users/{organiser}/calendar?$select=id`,
 * a call Tandem already makes (infra/graph-permissions.json, Calendars.ReadWrite through Exchange
 * RBAC for Applications: https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac).
 * It checks the token, Graph and the mailbox scope at once: while the role assignment has not
 * propagated (30 minutes to 2 hours, same page, "Limitations"), Graph answers 403 and health says
 * `refused`. No retries: 429/503 answer `unreachable` at once
 * (https://learn.microsoft.com/graph/api/calendar-get, https://learn.microsoft.com/graph/errors).
 */
export function graphHealth(
  client: Client,
  organiser: string | undefined,
): () => Promise<GraphHealth> {
  return async () => {
    if (!organiser) return 'notConfigured';
    const call = client
      .api(`/users/${encodeURIComponent(organiser)}/calendar`)
      .select('id')
      .middlewareOptions([new RetryHandlerOptions(0, 0)])
      .get();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), PROBE_TIMEOUT_MS);
    });
    try {
      const answer = await Promise.race([call, timeout]);
      return answer === 'timeout' ? 'unreachable' : 'ok';
    } catch (error) {
      return graphHealthOf(error);
    } finally {
      clearTimeout(timer);
      call.catch(() => {});
    }
  };
}

/** 401/403 and a token Entra refused are `refused`; a mailbox Graph does not know is `notConfigured`. */
export function graphHealthOf(error: unknown): GraphHealth {
  if (!(error instanceof GraphError)) return 'unreachable';
  if (error.statusCode === 401 || error.statusCode === 403) return 'refused';
  if (error.statusCode === 404) return 'notConfigured';
  // msal-node's ServerError: Entra answered and refused the app's credentials.
  if (error.statusCode === -1 && error.code === 'ServerError') return 'refused';
  return 'unreachable';
}
