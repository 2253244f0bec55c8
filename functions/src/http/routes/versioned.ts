import { StaleVersionError, type Versioned } from '../../ports/versioned';
import { HttpProblem } from '../problems';
import type { RouteResult } from '../route';

/** An entity as the API returns it: its fields and the ETag to quote back on the next edit. */
export function withEtag<T extends object>({ value, etag }: Versioned<T>): T & { etag: string } {
  return { ...value, etag };
}

/** A stored entity as a response, with its ETag in the header too. */
export function savedResponse<T extends object>(result: Versioned<T>, status = 200): RouteResult {
  return { status, body: withEtag(result), headers: { etag: result.etag } };
}

/** Runs a conditional write; a stale ETag becomes the 412 the user can recover from. */
export async function conditionalWrite<T>(write: () => Promise<T>, what: string): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof StaleVersionError) {
      throw new HttpProblem(412, `${what} changed since you read it. Reload and try again.`);
    }
    throw error;
  }
}
