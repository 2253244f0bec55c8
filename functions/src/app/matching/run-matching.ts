import { isReadyForMatching } from '../../domain/application/application';
import type { Objective } from '../../domain/matching/instance';
import {
  type Matching,
  runProgrammeMatching,
  withPairs,
} from '../../domain/matching-run/matching-run';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result } from '../../domain/result';
import type { ApplicationStore } from '../../ports/applications';
import type { Clock } from '../../ports/clock';
import type { DirectorySnapshot } from '../../ports/directory';
import type { MatchingStore } from '../../ports/matching';
import type { PairStore } from '../../ports/pairs';
import { AlreadyExistsError, StaleVersionError, type Versioned } from '../../ports/versioned';
import { loadDirectorySlice } from './directory-slice';
import { confirmedPair, expectVersion, inMatching } from './matching-state';
import type { MatchingAppRefusal } from './refusals';

export interface RunMatchingDeps {
  matchings: MatchingStore;
  pairs: Pick<PairStore, 'listByProgramme'>;
  applications: Pick<ApplicationStore, 'listByProgramme'>;
  directory: Pick<DirectorySnapshot, 'state' | 'all' | 'get'>;
  clock: Clock;
  newId(): string;
}

export interface RunMatchingRequest {
  programme: Programme;
  by: string;
  objective?: Objective;
  /** An If-Match the caller sent: a re-run needs none, but one given must still match. */
  expectedEtag?: string | null;
}

/**
 * HR runs the matcher (PRODUCT rules 1, 2 and 4, docs/product.md) over the approved mentors and
 * the mentees with the directory snapshot. A re-run reads everything afresh and keeps HR's locks,
 * rejections and the confirmed pairs. Two runs racing: the second is told to reload (412).
 */
export async function runMatching(
  deps: RunMatchingDeps,
  request: RunMatchingRequest,
): Promise<Result<{ matching: Versioned<Matching>; first: boolean }, MatchingAppRefusal>> {
  const { programme } = request;
  const stage = inMatching(programme);
  if (!stage.ok) return stage;
  const [stored, pairs, applications] = await Promise.all([
    deps.matchings.get(programme.id),
    deps.pairs.listByProgramme(programme.id),
    deps.applications.listByProgramme(programme.id),
  ]);
  expectVersion(request.expectedEtag, stored?.etag);
  const people = applications.map((a) => a.value);
  const directory = await loadDirectorySlice(
    deps.directory,
    people.filter(isReadyForMatching).map((a) => a.personId),
  );
  const confirmed = pairs.map((p) => confirmedPair(p.value));
  const { matching } = runProgrammeMatching(
    {
      programme,
      applications: people,
      directory,
      confirmed: confirmed.map((p) => ({ mentee: p.mentee.id, mentor: p.mentor.id })),
      previous: stored ? withPairs(stored.value, confirmed) : undefined,
      objective: request.objective,
    },
    { newId: deps.newId, now: deps.clock.now(), by: request.by },
  );
  if (stored) {
    return ok({ matching: await deps.matchings.replace(matching, stored.etag), first: false });
  }
  try {
    return ok({ matching: await deps.matchings.create(matching), first: true });
  } catch (error) {
    // Another run finished first.
    if (error instanceof AlreadyExistsError) throw new StaleVersionError('The matching');
    throw error;
  }
}
