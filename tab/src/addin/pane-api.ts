import type { NoteView, PairSpaceView } from '../../../functions/src/http/contracts';

/** A failed call: the HTTP status (0 when the API could not be reached). */
export class PaneApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
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
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await getToken()}`,
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
