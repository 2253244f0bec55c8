import { isReadyForMatching } from '../../domain/application/application';
import type { MatchingInstance, Objective } from '../../domain/matching/instance';
import {
  buildMatchingInstance,
  type Matching,
  type MatchingInputs,
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
import type { ProgrammeStore } from '../../ports/programmes';
import { AlreadyExistsError, StaleVersionError, type Versioned } from '../../ports/versioned';
import { programmeTopics, type ReadTopicsDeps } from '../topics/programme-topics';
import { loadDirectorySlice } from './directory-slice';
import { confirmedPair, expectVersion, inMatching } from './matching-state';
import type { MatchingAppRefusal } from './refusals';

/** What a run reads besides the matching itself (also what `matchingInput` exports). */
export interface MatchingInputDeps {
  programmes: Pick<ProgrammeStore, 'list'>;
  pairs: Pick<PairStore, 'listByProgramme'>;
  applications: Pick<ApplicationStore, 'listByProgramme'>;
  directory: Pick<DirectorySnapshot, 'state' | 'all' | 'get'>;
  topics: ReadTopicsDeps['topics'];
  clock: Clock;
}

export interface RunMatchingDeps extends MatchingInputDeps {
  matchings: MatchingStore;
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
  const [stored, { inputs, confirmed }] = await Promise.all([
    deps.matchings.get(programme.id),
    readInputs(deps, programme),
  ]);
  expectVersion(request.expectedEtag, stored?.etag);
  const { matching } = runProgrammeMatching(
    {
      ...inputs,
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

/**
 * Everything a run reads for `programme`: its applications, the directory slice, its confirmed
 * pairs, its topic vocabulary, and the pairs of every other programme among the same people (the
 * matcher's `history`: not proposed again unless the programme allows it).
 */
async function readInputs(deps: MatchingInputDeps, programme: Programme) {
  const [pairs, applications, vocabulary, history] = await Promise.all([
    deps.pairs.listByProgramme(programme.id),
    deps.applications.listByProgramme(programme.id),
    programmeTopics(deps, programme),
    earlierPairs(deps, programme),
  ]);
  const people = applications.map((a) => a.value);
  const directory = await loadDirectorySlice(
    deps.directory,
    people.filter(isReadyForMatching).map((a) => a.personId),
  );
  const confirmed = pairs.map((p) => confirmedPair(p.value));
  const inputs: MatchingInputs = {
    programme,
    applications: people,
    directory,
    confirmed: confirmed.map((p) => ({ mentee: p.mentee.id, mentor: p.mentor.id })),
    vocabulary: vocabulary.value.topics,
    history,
  };
  return { inputs, confirmed };
}

/** The pairs of every other programme, as `history` entries naming the programme. */
async function earlierPairs(deps: MatchingInputDeps, programme: Programme) {
  const others = (await deps.programmes.list()).filter((p) => p.value.id !== programme.id);
  const lists = await Promise.all(others.map((p) => deps.pairs.listByProgramme(p.value.id)));
  return lists.flat().map((p) => ({
    mentee: p.value.mentee.id,
    mentor: p.value.mentor.id,
    programme: p.value.programmeName,
  }));
}

/**
 * The matching instance a run of `programme` would solve now, as `tandem match` reads it
 * (docs/matching.md): HR exports it to replay the run on the command line. HR's locks and
 * rejections of the current matching are in it, as a re-run would keep them.
 */
export async function matchingInput(
  deps: MatchingInputDeps & { matchings: Pick<MatchingStore, 'get'> },
  programme: Programme,
): Promise<MatchingInstance> {
  const [stored, { inputs, confirmed }] = await Promise.all([
    deps.matchings.get(programme.id),
    readInputs(deps, programme),
  ]);
  return buildMatchingInstance({
    ...inputs,
    previous: stored ? withPairs(stored.value, confirmed) : undefined,
  }).instance;
}
