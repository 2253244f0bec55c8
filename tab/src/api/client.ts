import type { Me, ProblemBody } from '../../../functions/src/http/contracts';

/** An API failure, with the HTTP status and the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: ProblemBody,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export interface ApiClient {
  me(): Promise<Me>;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Typed client for the Tandem API; every call carries the host's token. */
export function createApiClient(baseUrl: string, getToken: () => Promise<string>): ApiClient {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      const token = await getToken();
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(0);
    }
    if (!response.ok) {
      const isProblem = response.headers.get('content-type')?.includes('problem+json');
      throw new ApiError(
        response.status,
        isProblem ? ((await response.json()) as ProblemBody) : undefined,
      );
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  return { request, me: () => request<Me>('GET', '/me') };
}

/** The i18n key of the sentence a person reads for an API failure. */
export function errorMessageKey(error: unknown): string {
  if (!(error instanceof ApiError)) return 'errors.server';
  switch (error.status) {
    case 0:
      return 'errors.network';
    case 400:
    case 422:
      return 'errors.invalid';
    case 401:
      return 'errors.unauthorized';
    case 403:
      return 'errors.forbidden';
    case 404:
      return 'errors.notFound';
    case 409:
    case 412:
      return 'errors.conflict';
    case 413:
      return 'errors.tooLarge';
    default:
      return 'errors.server';
  }
}
