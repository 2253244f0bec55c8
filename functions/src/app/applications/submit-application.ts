import {
  type Application,
  type ApplicationForm,
  submitApplication as submit,
} from '../../domain/application/application';
import { mayApply, type Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import { AlreadyExistsError, type Versioned } from '../../ports/versioned';
import type { SubmitDeps } from './ports';
import type { ApplicationAppRefusal } from './refusals';

export interface Applicant {
  id: string;
  name: string;
}

/**
 * A person applies (PRODUCT rules 2 and 3):
 * 1. the programme must take applications and be open to them — by department, read from the
 *    directory snapshot, so nobody claims a department they are not in;
 * 2. the domain makes the application;
 * 3. it is stored once per person and programme (a second one is `alreadyApplied`).
 */
export async function submitApplication(
  deps: SubmitDeps,
  request: { programme: Programme; applicant: Applicant; form: ApplicationForm },
): Promise<Result<Versioned<Application>, ApplicationAppRefusal>> {
  const { programme, applicant, form } = request;
  // In a pilot only its group may apply (PRODUCT rule 9); otherwise the programme's eligibility.
  const eligible = mayApply(programme, {
    id: applicant.id,
    department: await departmentOf(deps, programme, applicant.id),
  });
  const made = submit(programme, applicant, eligible, form, deps.clock.now());
  if (!made.ok) return refused(made.reason);
  try {
    return ok(await deps.applications.create(made.application));
  } catch (error) {
    if (error instanceof AlreadyExistsError) return refused({ code: 'alreadyApplied' });
    throw error;
  }
}

/** Someone the snapshot does not know yet is in no department; other eligibilities need none. */
async function departmentOf(deps: SubmitDeps, programme: Programme, personId: string) {
  if (programme.eligibility.kind !== 'departments') return null;
  return (await deps.directory.get(personId))?.department ?? null;
}
