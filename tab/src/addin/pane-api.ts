import type { NoteView, PairSpaceView } from '../../../functions/src/http/contracts';
import { addAgendaItem, addNote, getPairSpace } from '../../../functions/src/http/lines/pair-space';
import { createCall, createSend } from '../api/call';

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
  const call = createCall(
    createSend(baseUrl, getToken, {
      signIn: (error) => new PaneApiError(401, signInDetail(error)),
      network: () => new PaneApiError(0),
      refused: async (response) => new PaneApiError(response.status),
    }),
  );
  return {
    space: (pairId) => call(getPairSpace, { params: { pairId } }),
    addAgendaItem: async (pairId, text, sessionIndex) => {
      await call(addAgendaItem, { params: { pairId }, body: { text, sessionIndex } });
    },
    addNote: async (pairId, text, visibility, sessionIndex) => {
      await call(addNote, { params: { pairId }, body: { text, visibility, sessionIndex } });
    },
  };
}
