import { type Application, putOnWaitingList } from '../../domain/application/application';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { ApplicationStore } from '../../ports/applications';
import type { Clock } from '../../ports/clock';
import type { Versioned } from '../../ports/versioned';
import { currentMatching, type MatchingReads } from '../matching/matching-state';
import type { MatchingAppRefusal } from '../matching/refusals';
import type { ApplicationAppRefusal } from './refusals';

export interface WaitingListDeps extends MatchingReads {
  applications: Pick<ApplicationStore, 'get' | 'replace'>;
  clock: Clock;
}

/**
 * HR puts a mentee the matching left out on the waiting list (PRODUCT rule 4):
 * 1. the mentee's application must be there;
 * 2. the matching says whether they are left out (no proposal or pair holds them);
 * 3. the domain decides (the programme keeps a waiting list; a mentee still taking part);
 * 4. the application is stored with since when — the mentee then reads that they are waiting.
 */
export async function addToWaitingList(
  deps: WaitingListDeps,
  request: { programme: Programme; personId: string },
): Promise<Result<Versioned<Application>, ApplicationAppRefusal | MatchingAppRefusal>> {
  const { programme, personId } = request;
  const current = await deps.applications.get(programme.id, personId);
  if (!current) return refused({ code: 'noApplication' });
  const matching = await currentMatching(deps, programme.id);
  if (!matching.ok) return matching;
  const leftOut = matching.value.value.unmatched.some(
    (u) => u.role === 'mentee' && u.personId === personId,
  );
  const waiting = putOnWaitingList(current.value, programme, leftOut, deps.clock.now());
  if (!waiting.ok) return refused(waiting.reason);
  return ok(await deps.applications.replace(waiting.application, current.etag));
}
