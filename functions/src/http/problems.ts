/** RFC 9457 problem details: the one shape every error leaves the API in. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An error a handler throws to answer with a problem; anything else becomes a 500. */
export class HttpProblem extends Error {
  readonly problem: Problem;
  constructor(status: number, detail?: string, extra: Partial<Problem> = {}) {
    super(detail ?? TITLES[status] ?? `HTTP ${status}`);
    this.problem = {
      type: 'about:blank',
      title: TITLES[status] ?? `HTTP ${status}`,
      status,
      ...(detail ? { detail } : {}),
      ...extra,
    };
  }
}

export function problem(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  return new HttpProblem(status, detail, extra).problem;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
