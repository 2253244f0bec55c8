import type {
  ApplicationFormInput,
  ApplicationView,
  CreateProgramme,
  Me,
  MyPairSummary,
  ProblemBody,
  ProgrammeView,
  ReviewApplicationView,
} from '../../../functions/src/http/contracts';
import {
  approveMentor,
  listApplications,
  listMyApplications,
  rejectApplication,
  submitApplication,
} from '../../../functions/src/http/lines/applications';
import { me } from '../../../functions/src/http/lines/core';
import { listMyPairs } from '../../../functions/src/http/lines/pairs';
import {
  changeProgrammeStatus,
  createProgramme,
  getProgramme,
  listProgrammes,
} from '../../../functions/src/http/lines/programmes';
import { type Call, createCall, createSend } from './call';

/** An API failure, with the HTTP status and the problem+json body when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem?: ProblemBody & { code?: string; [detail: string]: unknown },
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

export type { ApplicationView, MyPairSummary, ProgrammeView, ReviewApplicationView };

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
  /** A programme's applications as HR reviews them (with the directory's word on each). */
  listApplications(programmeId: string): Promise<ReviewApplicationView[]>;
  approve(a: ApplicationView, note?: string): Promise<ReviewApplicationView>;
  reject(a: ApplicationView, reason: string): Promise<ReviewApplicationView>;
  /** Any route by its name, typed from the route list (functions/src/http/endpoints.ts). */
  call: Call;
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
  const request = createSend(baseUrl, getToken, {
    signIn: (error) => (error instanceof ApiError ? error : new ApiError(0)),
    network: () => new ApiError(0),
    refused: async (response) => {
      const isProblem = response.headers.get('content-type')?.includes('problem+json');
      return new ApiError(response.status, isProblem ? await response.json() : undefined);
    },
  });
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
  const call = createCall(request, get);
  const inProgramme = (id: string) => ({ params: { programmeId: id } });
  const ofApplication = (a: ApplicationView) => ({
    params: { programmeId: a.programmeId, personId: a.personId },
    ifMatch: a.etag,
  });
  return {
    call,
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
    me: () => call(me, {}),
    listProgrammes: async () => (await call(listProgrammes, {})).value,
    getProgramme: (id) => call(getProgramme, inProgramme(id)),
    createProgramme: (body) => call(createProgramme, { body }),
    changeStatus: (id, status, etag) =>
      call(changeProgrammeStatus, { ...inProgramme(id), body: { status }, ifMatch: etag }),
    myPairs: async () => (await call(listMyPairs, {})).value,
    myApplications: async () => (await call(listMyApplications, {})).value,
    apply: (id, form) => call(submitApplication, { ...inProgramme(id), body: form }),
    listApplications: async (id) => (await call(listApplications, inProgramme(id))).value,
    approve: (a, note) =>
      call(approveMentor, { ...ofApplication(a), body: note ? { note } : undefined }),
    reject: (a, reason) => call(rejectApplication, { ...ofApplication(a), body: { reason } }),
  };
}
