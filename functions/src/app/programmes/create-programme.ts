import type { Programme } from '../../domain/programme/programme';
import {
  datesInOrder,
  createProgramme as fromTemplate,
  type ProgrammeKind,
  type ProgrammeSettings,
  type TemplateLanguage,
} from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { Versioned } from '../../ports/versioned';
import type { ProgrammeAppRefusal } from './deps';
import { type Actor, type ProgrammeDeps, recordAction } from './deps';

/** HR creates a draft from a template, with their settings over it, in their language. */
export async function createProgramme(
  deps: ProgrammeDeps,
  request: {
    kind: ProgrammeKind;
    language?: TemplateLanguage;
    settings: Partial<Omit<ProgrammeSettings, 'kind'>>;
    by: Actor;
  },
): Promise<Result<Versioned<Programme>, ProgrammeAppRefusal>> {
  const programme = fromTemplate(
    deps.newId(),
    request.kind,
    request.settings,
    request.by.id,
    deps.clock.now(),
    request.language,
  );
  const dates = datesInOrder(programme);
  if (dates) return refused(dates);
  const stored = await deps.programmes.create(programme);
  await recordAction(deps, programme.id, request.by, 'created', {
    kind: programme.kind,
    fields: Object.keys(request.settings).sort(),
  });
  return ok(stored);
}
