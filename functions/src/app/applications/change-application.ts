import {
  type Application,
  type ApplicationForm,
  editApplication as edit,
  withdrawApplication as withdraw,
} from '../../domain/application/application';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { Versioned } from '../../ports/versioned';
import type { ApplicationDeps } from './ports';
import type { ApplicationAppRefusal } from './refusals';

type Changed = Promise<Result<Versioned<Application>, ApplicationAppRefusal>>;

/**
 * The applicant's own application, changed by the domain and stored against the ETag they read
 * (a stale one throws StaleVersionError: reload). Shared by editing and withdrawing.
 */
async function changeOwn(
  deps: ApplicationDeps,
  request: { programme: Programme; personId: string; etag: string },
  decide: (current: Application) => ReturnType<typeof edit>,
): Changed {
  const current = await deps.applications.get(request.programme.id, request.personId);
  if (!current) return refused({ code: 'noApplication' });
  const changed = decide(current.value);
  if (!changed.ok) return refused(changed.reason);
  return ok(await deps.applications.replace(changed.application, request.etag));
}

/** The applicant edits their form while the call is open; it is reviewed anew. */
export function editApplication(
  deps: ApplicationDeps,
  request: { programme: Programme; personId: string; etag: string; form: ApplicationForm },
): Changed {
  return changeOwn(deps, request, (current) =>
    edit(request.programme, current, request.form, deps.clock.now()),
  );
}

/** The applicant withdraws: voluntary participation, at any stage (PRODUCT rule 3). */
export function withdrawApplication(
  deps: ApplicationDeps,
  request: { programme: Programme; personId: string; etag: string },
): Changed {
  return changeOwn(deps, request, (current) => withdraw(current, deps.clock.now()));
}
