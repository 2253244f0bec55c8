import { changedFields } from '../../domain/programme/lifecycle';
import type { Programme } from '../../domain/programme/programme';
import { editProgramme, type ProgrammeSettings } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { Versioned } from '../../ports/versioned';
import {
  type ProgrammeAppRefusal,
  type ProgrammeChange,
  type ProgrammeDeps,
  recordAction,
} from './deps';

/** HR changes settings; the trail names which fields changed (an edit changing none is not recorded). */
export async function editSettings(
  deps: ProgrammeDeps,
  request: ProgrammeChange & { changes: Partial<Omit<ProgrammeSettings, 'kind'>> },
): Promise<Result<Versioned<Programme>, ProgrammeAppRefusal>> {
  const edited = editProgramme(request.programme, request.changes, deps.clock.now());
  if (!edited.ok) return refused(edited.reason);
  const stored = await deps.programmes.replace(edited.programme, request.etag);
  const fields = changedFields(request.programme, request.changes);
  if (fields.length > 0) {
    await recordAction(deps, request.programme.id, request.by, 'settingsChanged', { fields });
  }
  return ok(stored);
}
