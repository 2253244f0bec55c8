import type { Application } from '../../domain/application/application';
import {
  addManualPair,
  applySwap,
  judgeFixedPairs,
  type Matching,
  type MatchingOutcome,
  planManualPair,
  planSwap,
  rejectProposal,
  setLocked,
  setMentorCapacity,
} from '../../domain/matching-run/matching-run';
import type { DirectoryEntry } from '../../domain/pair/pair';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { ApplicationStore } from '../../ports/applications';
import type { Clock } from '../../ports/clock';
import type { DirectorySnapshot } from '../../ports/directory';
import type { MatchingStore } from '../../ports/matching';
import type { PairStore } from '../../ports/pairs';
import type { Versioned } from '../../ports/versioned';
import { loadDirectorySlice } from './directory-slice';
import { currentMatching, inMatching, withCurrentPairs } from './matching-state';
import type { MatchingAppRefusal } from './refusals';

/** What HR's changes to proposals read and write. */
export interface ProposalChangeDeps {
  matchings: Pick<MatchingStore, 'get' | 'replace'>;
  pairs: Pick<PairStore, 'listByProgramme'>;
  clock: Clock;
}

/** A change to the matching HR read: the programme, and the ETag the change quotes. */
export interface ProposalChange {
  programme: Programme;
  etag: string;
}

type Changed = Promise<Result<Versioned<Matching>, MatchingAppRefusal>>;

/**
 * The one shape of every change: the programme must be matching, the matching must exist; the
 * domain decides; the outcome is stored against the quoted ETag (a stale one is a 412) and
 * answered with the pairs confirmed so far.
 */
async function change(
  deps: ProposalChangeDeps,
  { programme, etag }: ProposalChange,
  decide: (matching: Matching) => MatchingOutcome | Promise<MatchingOutcome>,
): Changed {
  const stage = inMatching(programme);
  if (!stage.ok) return stage;
  const current = await currentMatching(deps, programme.id);
  if (!current.ok) return current;
  const outcome = await decide(current.value.value);
  if (!outcome.ok) return refused(outcome.reason);
  const stored = await deps.matchings.replace(outcome.matching, etag);
  return ok(await withCurrentPairs(deps, stored));
}

/** HR locks a proposal (every re-run keeps it) or unlocks it. */
export function lockProposal(
  deps: ProposalChangeDeps,
  request: ProposalChange & { proposalId: string; locked: boolean },
): Changed {
  return change(deps, request, (m) =>
    setLocked(m, request.proposalId, request.locked, deps.clock.now()),
  );
}

/** HR rejects a proposal: the pair is never proposed again. */
export function rejectOneProposal(
  deps: ProposalChangeDeps,
  request: ProposalChange & { proposalId: string; reason: string },
): Changed {
  return change(deps, request, (m) =>
    rejectProposal(m, request.proposalId, request.reason, deps.clock.now()),
  );
}

export interface SwapDeps extends ProposalChangeDeps {
  applications: Pick<ApplicationStore, 'listByProgramme'>;
  directory: Pick<DirectorySnapshot, 'state' | 'all' | 'get'>;
}

const nameFrom =
  (directory: ReadonlyMap<string, DirectoryEntry>, applications: readonly Application[]) =>
  (id: string) =>
    directory.get(id)?.displayName ?? applications.find((a) => a.personId === id)?.personName ?? id;

/**
 * HR swaps the mentors of two proposals. The two pairs it would make are judged like any pair
 * (PRODUCT rule 1 against the directory snapshot); a refused one names its reporting line.
 */
export function swapProposals(
  deps: SwapDeps,
  request: ProposalChange & { proposalIds: readonly [string, string] },
): Changed {
  const [a, b] = request.proposalIds;
  const { programme } = request;
  return change(deps, request, async (matching) => {
    const planned = planSwap(matching, a, b);
    if (!planned.ok) return planned;
    const applications = (await deps.applications.listByProgramme(programme.id)).map(
      (x) => x.value,
    );
    const directory = await loadDirectorySlice(
      deps.directory,
      planned.pairs.flatMap((p) => [p.mentee, p.mentor]),
    );
    const judged = judgeFixedPairs({ programme, applications, directory }, planned.pairs);
    return applySwap(matching, a, b, judged, nameFrom(directory, applications), deps.clock.now());
  });
}

/**
 * HR pairs two people by hand (PRODUCT rule 4), a mentee left out with an approved mentor:
 * 1. the domain says whether the pair may be asked for (a mentee without a proposal, a mentor
 *    with room, a pair HR has not rejected);
 * 2. the pair is judged like any pair against the directory snapshot (PRODUCT rule 1): a refused
 *    one names its reporting line;
 * 3. it joins the matching as a locked proposal, confirmed later like the others.
 */
export function pairByHand(
  deps: SwapDeps & { newId(): string },
  request: ProposalChange & { mentee: string; mentor: string },
): Changed {
  const { programme, mentee, mentor } = request;
  return change(deps, request, async (matching) => {
    const applications = (await deps.applications.listByProgramme(programme.id)).map(
      (x) => x.value,
    );
    const planned = planManualPair(matching, { programme, applications }, { mentee, mentor });
    if (!planned.ok) return planned;
    const directory = await loadDirectorySlice(deps.directory, [mentee, mentor]);
    const judged = judgeFixedPairs({ programme, applications, directory }, [{ mentee, mentor }]);
    return addManualPair(matching, { mentee, mentor }, judged, {
      id: deps.newId(),
      names: nameFrom(directory, applications),
      now: deps.clock.now(),
    });
  });
}

/**
 * HR changes a mentor's capacity from the board (raising it makes room for a left-out mentee):
 * an approved mentor, never below the mentees they already have. Re-runs and confirmations read it.
 */
export function changeMentorCapacity(
  deps: ProposalChangeDeps & { applications: Pick<ApplicationStore, 'listByProgramme'> },
  request: ProposalChange & { mentor: string; capacity: number },
): Changed {
  return change(deps, request, async (matching) => {
    const applications = (await deps.applications.listByProgramme(request.programme.id)).map(
      (x) => x.value,
    );
    return setMentorCapacity(
      matching,
      { applications },
      request.mentor,
      request.capacity,
      deps.clock.now(),
    );
  });
}
