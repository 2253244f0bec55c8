import {
  type Application,
  approveMentor,
  type Decider,
  rejectApplication,
} from '../../domain/application/application';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import { StaleVersionError, type Versioned } from '../../ports/versioned';
import type { ApplicationDeps } from './ports';
import type { ApplicationAppRefusal } from './refusals';

/** HR's decision on an application: approve a mentor (with an optional note) or reject (why). */
export type Decision = { kind: 'approve'; note?: string } | { kind: 'reject'; reason: string };

export interface DecisionRequest {
  programme: Programme;
  personId: string;
  by: Decider;
  decision: Decision;
}

type Decided = Result<Versioned<Application>, ApplicationAppRefusal>;

/** The domain's verdict on one application, recorded with who decided and when. */
function decide(programme: Programme, current: Application, request: DecisionRequest, now: Date) {
  const { decision, by } = request;
  return decision.kind === 'approve'
    ? approveMentor(current, now, by, decision.note)
    : rejectApplication(current, decision.reason, programme, now, by);
}

/**
 * HR decides on one application (PRODUCT rule 2: rigorous mentor selection):
 * 1. the application must be there;
 * 2. the domain decides (mentors only are approved; a decided one is not decided again);
 * 3. it is stored against the ETag HR read (stale: StaleVersionError, reload) with who and when.
 */
export async function decideApplication(
  deps: ApplicationDeps,
  request: DecisionRequest & { etag: string },
): Promise<Decided> {
  const current = await deps.applications.get(request.programme.id, request.personId);
  if (!current) return refused({ code: 'noApplication' });
  const decided = decide(request.programme, current.value, request, deps.clock.now());
  if (!decided.ok) return refused(decided.reason);
  return ok(await deps.applications.replace(decided.application, request.etag));
}

/** One application a bulk decision left as it was, and why (a refusal code the tab words). */
export interface Undecided {
  personId: string;
  code: ApplicationAppRefusal['code'] | 'changedMeanwhile';
}

/**
 * HR decides on many applications at once, with one note (or one reason): each is decided on
 * its own as `decideApplication` would, against the version read just before, so one that cannot
 * be decided (already decided, a mentee to approve, changed meanwhile) is reported and the rest
 * go ahead. People are decided in the order given, each once.
 */
export async function decideApplications(
  deps: ApplicationDeps,
  request: Omit<DecisionRequest, 'personId'> & { personIds: readonly string[] },
): Promise<{ decided: Versioned<Application>[]; undecided: Undecided[] }> {
  const decided: Versioned<Application>[] = [];
  const undecided: Undecided[] = [];
  for (const personId of new Set(request.personIds)) {
    const current = await deps.applications.get(request.programme.id, personId);
    if (!current) {
      undecided.push({ personId, code: 'noApplication' });
      continue;
    }
    try {
      const one = await decideApplication(deps, { ...request, personId, etag: current.etag });
      if (one.ok) decided.push(one.value);
      else undecided.push({ personId, code: one.reason.code });
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
      undecided.push({ personId, code: 'changedMeanwhile' });
    }
  }
  return { decided, undecided };
}
