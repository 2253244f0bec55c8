import {
  type ConfirmedPair,
  type Matching,
  withPairs,
} from '../../domain/matching-run/matching-run';
import type { Pair } from '../../domain/pair/pair';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { MatchingStore } from '../../ports/matching';
import type { PairStore } from '../../ports/pairs';
import { StaleVersionError, type Versioned } from '../../ports/versioned';
import type { MatchingAppRefusal } from './refusals';

/** What a matching use case reads of the stored matching and its confirmed pairs. */
export interface MatchingReads {
  matchings: Pick<MatchingStore, 'get'>;
  pairs: Pick<PairStore, 'listByProgramme'>;
}

export const confirmedPair = (p: Pair): ConfirmedPair => ({
  id: p.id,
  proposalId: p.proposalId,
  mentee: p.mentee,
  mentor: p.mentor,
  score: p.score,
  reasons: p.reasons,
});

/**
 * Matching happens while the programme is in `matching`: the call for applications is closed
 * then, so a run's inputs hold still. In `open`/`pilot` it is refused rather than closing the call
 * implicitly.
 */
export function inMatching(programme: Programme): Result<Programme, MatchingAppRefusal> {
  return programme.status === 'matching'
    ? ok(programme)
    : refused({ code: 'notMatching', programmeStatus: programme.status });
}

/** The stored matching with its confirmed pairs merged in, or `noMatching` before the first run. */
export async function currentMatching(
  deps: MatchingReads,
  programmeId: string,
): Promise<Result<Versioned<Matching>, MatchingAppRefusal>> {
  const [stored, pairs] = await Promise.all([
    deps.matchings.get(programmeId),
    deps.pairs.listByProgramme(programmeId),
  ]);
  if (!stored) return refused({ code: 'noMatching' });
  return ok({
    value: withPairs(
      stored.value,
      pairs.map((p) => confirmedPair(p.value)),
    ),
    etag: stored.etag,
  });
}

/** A matching just written, with the pairs confirmed so far merged in (as HR's board shows it). */
export async function withCurrentPairs(
  deps: Pick<MatchingReads, 'pairs'>,
  m: Versioned<Matching>,
): Promise<Versioned<Matching>> {
  const pairs = await deps.pairs.listByProgramme(m.value.programmeId);
  return {
    value: withPairs(
      m.value,
      pairs.map((p) => confirmedPair(p.value)),
    ),
    etag: m.etag,
  };
}

/** A change quoted an ETag that is no longer the stored one: the caller re-reads (412). */
export function expectVersion(expected: string | null | undefined, actual: string | undefined) {
  if (expected && expected !== actual) throw new StaleVersionError('The matching');
}
