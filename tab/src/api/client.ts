import type {
  ApplicationFormInput,
  ApplicationStandingView,
  CreateProgramme,
  Me,
  MyPairSummary,
  ProblemBody,
  ProgrammeView,
} from '../../../functions/src/http/contracts';

/** An API failure, with the HTTP status and the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: ProblemBody & { code?: string; [detail: string]: unknown },
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export type ApplicationView = ApplicationFormInput &
  ApplicationStandingView & {
    programmeId: string;
    personId: string;
    personName: string;
    status: 'submitted' | 'approved' | 'rejected' | 'withdrawn';
    /** HR's reason for a rejection: only when the programme lets applicants read it. */
    rejectionReason?: string;
    createdAt: string;
    updatedAt: string;
    etag: string;
  };

export type { MyPairSummary, ProgrammeView };

export interface ApiClient {
  me(): Promise<Me>;
  listProgrammes(): Promise<ProgrammeView[]>;
  getProgramme(id: string): Promise<ProgrammeView>;
  createProgramme(body: CreateProgramme): Promise<ProgrammeView>;
  changeStatus(id: string, status: ProgrammeView['status'], etag: string): Promise<ProgrammeView>;
  /** The caller's pairs, with the next session and both answers to the invitation. */
  myPairs(): Promise<MyPairSummary[]>;
  /** The caller's own applications, to every programme. */
  myApplications(): Promise<ApplicationView[]>;
  apply(programmeId: string, form: ApplicationFormInput): Promise<ApplicationView>;
  listApplications(programmeId: string): Promise<ApplicationView[]>;
  approve(a: ApplicationView): Promise<ApplicationView>;
  reject(a: ApplicationView, reason: string): Promise<ApplicationView>;
  request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** A file the API serves (a CSV report, a data export), with the name it suggests. */
  download(path: string): Promise<{ blob: Blob; fileName: string }>;
  /**
   * Starts GETs now, before the screens that need them have rendered; the next GET of each path
   * takes the answer (once), so start-up does not wait for one request before sending the next.
   */
  prefetch(paths: readonly string[]): void;
  /**
   * The prefetched answers to `paths` if every one has already arrived (handed over once), so a
   * screen can render them straight away instead of a spinner; undefined otherwise.
   */
  arrived(paths: readonly string[]): unknown[] | undefined;
}

const PREFETCH_LIFETIME_MS = 10_000;

/** Typed client for the Tandem API; every call carries the host's token. */
export function createApiClient(baseUrl: string, getToken: () => Promise<string>): ApiClient {
  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let response: Response;
    try {
      const token = await getToken();
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(0);
    }
    if (!response.ok) {
      const isProblem = response.headers.get('content-type')?.includes('problem+json');
      throw new ApiError(response.status, isProblem ? await response.json() : undefined);
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  interface Early {
    answer: Promise<unknown>;
    at: number;
    value?: { ok: unknown };
  }
  const early = new Map<string, Early>();
  // An answer fetched for start-up serves start-up only, never a screen opened much later.
  const fresh = (e: Early | undefined): e is Early =>
    e !== undefined && performance.now() - e.at <= PREFETCH_LIFETIME_MS;
  function get<T>(path: string): Promise<T> {
    const started = early.get(path);
    early.delete(path);
    return fresh(started) ? (started.answer as Promise<T>) : request<T>('GET', path);
  }
  const base = (id: string) => `/programmes/${encodeURIComponent(id)}`;
  return {
    request,
    download: async (path) => {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}${path}`, {
          headers: { authorization: `Bearer ${await getToken()}` },
        });
      } catch {
        throw new ApiError(0);
      }
      if (!response.ok) throw new ApiError(response.status);
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'tandem';
      return { blob: await response.blob(), fileName };
    },
    prefetch: (paths) => {
      for (const path of paths) {
        const entry: Early = { answer: request('GET', path), at: performance.now() };
        // A failure belongs to the screen that asks for it: it gets the same rejected promise.
        entry.answer.then(
          (ok) => {
            entry.value = { ok };
          },
          () => {},
        );
        early.set(path, entry);
      }
    },
    arrived: (paths) => {
      const entries = paths.map((path) => early.get(path));
      if (!entries.every((e) => fresh(e) && e.value)) return undefined;
      for (const path of paths) early.delete(path);
      return entries.map((e) => e?.value?.ok);
    },
    me: () => get<Me>('/me'),
    listProgrammes: async () => (await get<{ value: ProgrammeView[] }>('/programmes')).value,
    getProgramme: (id) => get(base(id)),
    createProgramme: (body) => request('POST', '/programmes', body),
    changeStatus: (id, status, etag) =>
      request('PUT', `${base(id)}/status`, { status }, { 'if-match': etag }),
    myPairs: async () => (await get<{ value: MyPairSummary[] }>('/pairs/me')).value,
    myApplications: async () => (await get<{ value: ApplicationView[] }>('/applications/me')).value,
    apply: (id, form) => request('POST', `${base(id)}/applications`, form),
    listApplications: async (id) =>
      (await get<{ value: ApplicationView[] }>(`${base(id)}/applications`)).value,
    approve: (a) =>
      request(
        'POST',
        `${base(a.programmeId)}/applications/${encodeURIComponent(a.personId)}/approve`,
        undefined,
        {
          'if-match': a.etag,
        },
      ),
    reject: (a, reason) =>
      request(
        'POST',
        `${base(a.programmeId)}/applications/${encodeURIComponent(a.personId)}/reject`,
        { reason },
        {
          'if-match': a.etag,
        },
      ),
  };
}
