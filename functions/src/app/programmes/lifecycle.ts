import {
  archive,
  cloneProgramme as cloneOf,
  mayDelete,
  promotePilot as promote,
} from '../../domain/programme/lifecycle';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { Versioned } from '../../ports/versioned';
import {
  type ProgrammeAppRefusal,
  type ProgrammeChange,
  type ProgrammeDeps,
  recordAction,
} from './deps';

type Answer = Promise<Result<Versioned<Programme>, ProgrammeAppRefusal>>;

/**
 * HR promotes the pilot to the organisation-wide call (PRODUCT rule 9): the pilot is marked
 * first (quoting its ETag, so two promotions cannot both pass), then the call is created open
 * with the pilot's settings; the pilot keeps its pairs. Both trails say so.
 */
export async function promotePilot(deps: ProgrammeDeps, request: ProgrammeChange): Answer {
  const promoted = promote(request.programme, deps.newId(), deps.clock.now());
  if (!promoted.ok) return promoted;
  const { pilot, call } = promoted.value;
  await deps.programmes.replace(pilot, request.etag);
  const stored = await deps.programmes.create(call);
  await recordAction(deps, pilot.id, request.by, 'promoted', { to: call.id });
  await recordAction(deps, call.id, request.by, 'created', { promotedFrom: pilot.id });
  return ok(stored);
}

/** HR clones a programme for the next cohort: a new draft with the same settings. */
export async function cloneProgramme(
  deps: ProgrammeDeps,
  request: Omit<ProgrammeChange, 'etag'> & { name?: string },
): Answer {
  const draft = cloneOf(request.programme, deps.newId(), deps.clock.now(), request.name);
  const stored = await deps.programmes.create(draft);
  await recordAction(deps, request.programme.id, request.by, 'cloned', { to: draft.id });
  await recordAction(deps, draft.id, request.by, 'created', { clonedFrom: request.programme.id });
  return ok(stored);
}

/** HR deletes a draft nobody has seen; its trail keeps the deletion. */
export async function deleteDraft(
  deps: ProgrammeDeps,
  request: ProgrammeChange,
): Promise<Result<null, ProgrammeAppRefusal>> {
  const allowed = mayDelete(request.programme);
  if (!allowed.ok) return refused(allowed.reason);
  await deps.programmes.remove(request.programme, request.etag);
  await recordAction(deps, request.programme.id, request.by, 'deleted', {
    name: request.programme.name,
  });
  return ok(null);
}

/** HR archives a closed programme: out of the list's way, its reports still read. */
export async function archiveProgramme(deps: ProgrammeDeps, request: ProgrammeChange): Answer {
  const archived = archive(request.programme, deps.clock.now());
  if (!archived.ok) return archived;
  const stored = await deps.programmes.replace(archived.value, request.etag);
  await recordAction(deps, request.programme.id, request.by, 'archived');
  return ok(stored);
}
