import type { NoteView, PairSpaceView } from '../../../functions/src/http/contracts';

/** A failed call: the HTTP status (0 when the API could not be reached, 401 when sign-in failed). */
export class PaneApiError extends Error {
  constructor(
    readonly status: number,
    detail = `HTTP ${status}`,
  ) {
    super(detail);
  }
}

/** Office SSO fails with a numbered error (13001 not signed in, 13002 consent refused…). */
function signInDetail(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return `sign-in ${typeof code === 'number' || typeof code === 'string' ? code : (error as Error)?.message}`;
}

/** The pane's three calls to the pair's space (`functions/src/http/routes/pair-space.ts`). */
export interface PaneApi {
  space(pairId: string): Promise<PairSpaceView>;
  addAgendaItem(pairId: string, text: string, sessionIndex?: number): Promise<void>;
  addNote(
    pairId: string,
    text: string,
    visibility: NoteView['visibility'],
    sessionIndex?: number,
  ): Promise<void>;
}

export function createPaneApi(baseUrl: string, getToken: () => Promise<string>): PaneApi {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let token: string;
    try {
      token = await getToken();
    } catch (error) {
      throw new PaneApiError(401, signInDetail(error));
    }
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new PaneApiError(0);
    }
    if (!response.ok) throw new PaneApiError(response.status);
    return (await response.json()) as T;
  }
  const pair = (id: string) => `/pairs/${encodeURIComponent(id)}`;
  return {
    space: (pairId) => call<PairSpaceView>('GET', `${pair(pairId)}/space`),
    addAgendaItem: async (pairId, text, sessionIndex) => {
      await call('POST', `${pair(pairId)}/agenda`, { text, sessionIndex });
    },
    addNote: async (pairId, text, visibility, sessionIndex) => {
      await call('POST', `${pair(pairId)}/notes`, { text, visibility, sessionIndex });
    },
  };
}
