import { pairPage } from '../../domain/deep-link';
import type { Reason } from '../../domain/matching/score';
import {
  isSettled,
  type Matching,
  mentorCapacityIn,
  type Proposal,
  withPairs,
} from '../../domain/matching-run/matching-run';
import { newPair, type Pair, refusalAtConfirmation } from '../../domain/pair/pair';
import { changeStatus, type Programme } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { BookingQueue } from '../../ports/booking-queue';
import type { Clock } from '../../ports/clock';
import type { DirectoryRefresh, DirectorySnapshot } from '../../ports/directory';
import type { MatchingStore } from '../../ports/matching';
import type { Outbox } from '../../ports/outbox';
import { PairContentionError, type PairStore } from '../../ports/pairs';
import type { ProgrammeStore } from '../../ports/programmes';
import { StaleVersionError, type Versioned } from '../../ports/versioned';
import { tell } from '../notifications/tell';
import { directoryNow } from './directory-slice';
import { confirmedPair, currentMatching, expectVersion, inMatching } from './matching-state';
import type { MatchingAppRefusal, RefusedProposal } from './refusals';

export interface ConfirmDeps {
  programmes: Pick<ProgrammeStore, 'get' | 'replace'>;
  matchings: Pick<MatchingStore, 'get'>;
  pairs: Pick<PairStore, 'confirm' | 'listByProgramme'>;
  directory: Pick<DirectorySnapshot, 'state' | 'all' | 'get'>;
  directorySync: DirectoryRefresh;
  bookingQueue: BookingQueue;
  /** Where the `paired` notices go (the booking's `notified` step stores them again, once). */
  outbox: Pick<Outbox, 'add'>;
  clock: Clock;
  newId(): string;
}

export interface ConfirmRequest {
  programme: Programme;
  /** Every proposal not yet a pair, or the ones named. */
  proposals: 'all' | readonly string[];
  by: string;
  /** Concurrent confirmations are safe without it; HR's screen sends it. */
  expectedEtag?: string | null;
}

export interface Confirmation {
  confirmed: Versioned<Pair>[];
  refused: RefusedProposal[];
  programmeStatus: Programme['status'];
}

/** Confirmations in flight at once (each is a few storage round trips). */
const IN_FLIGHT = 8;

const WORDS = {
  alreadyConfirmed: 'This proposal is already a confirmed pair.',
  mentorFull: 'The mentor has no room left: their capacity is taken by confirmed pairs.',
  menteeAlreadyPaired: 'The mentee already has a pair in this programme.',
  contended: 'Many confirmations for the same people arrived at once; try this one again.',
} as const;

/**
 * HR confirms proposals into pairs that booking takes over (PRODUCT rule 1, docs/product.md: the
 * reporting-line check is repeated at confirmation, against the directory as it is now). Each
 * proposal is judged and stored on its own — the pair store holds mentors' capacity under
 * concurrent confirmations — and each new pair is queued for booking. Confirming all moves the
 * programme to running once every proposal is a pair.
 */
export async function confirmProposals(
  deps: ConfirmDeps,
  request: ConfirmRequest,
): Promise<Result<Confirmation, MatchingAppRefusal>> {
  const { programme } = request;
  const stage = inMatching(programme);
  if (!stage.ok) return stage;
  const chosen = await chooseProposals(deps, request);
  if (!chosen.ok) return chosen;
  const { proposals, matching } = chosen.value;
  const directory = await directoryNow(
    deps,
    proposals.flatMap((p) => [p.mentee, p.mentor]),
  );
  if (!directory.ok) return directory;

  const refusedOnes: RefusedProposal[] = [];
  const confirmed: Versioned<Pair>[] = [];
  await inBatches(proposals, IN_FLIGHT, async (proposal) => {
    const capacity = mentorCapacityIn(matching, programme, proposal.mentor);
    const outcome = await confirmOne(deps, request, directory.value, proposal, capacity);
    if (outcome.ok) confirmed.push(outcome.value);
    else
      refusedOnes.push({
        proposalId: proposal.id,
        code: outcome.reason.code,
        reason: outcome.reason,
      });
  });
  const now =
    request.proposals === 'all' && confirmed.length > 0
      ? await startWhenSettled(deps, programme.id)
      : programme;
  const [first, ...rest] = refusedOnes;
  if (confirmed.length === 0 && first) {
    return refused({
      code: 'noneConfirmed',
      refused: [first, ...rest],
      programmeStatus: now.status,
    });
  }
  return ok({ confirmed, refused: refusedOnes, programmeStatus: now.status });
}

/**
 * The proposals to confirm. Confirming all needs to know which proposals are pairs already;
 * confirming named ones does not (the pair store refuses a mentee paired twice), which keeps
 * concurrent confirmations from each reading every pair of the programme.
 */
async function chooseProposals(
  deps: ConfirmDeps,
  request: ConfirmRequest,
): Promise<Result<{ proposals: Proposal[]; matching: Matching }, MatchingAppRefusal>> {
  const found: Result<Versioned<Matching> | undefined, MatchingAppRefusal> =
    request.proposals === 'all'
      ? await currentMatching(deps, request.programme.id)
      : ok(await deps.matchings.get(request.programme.id));
  if (!found.ok) return found;
  const matching = found.value;
  if (!matching) return refused({ code: 'noMatching' });
  expectVersion(request.expectedEtag, matching.etag);
  let proposals: Proposal[];
  if (request.proposals === 'all') {
    proposals = matching.value.proposals.filter((p) => p.status === 'proposed');
  } else {
    proposals = [];
    for (const id of request.proposals) {
      const p = matching.value.proposals.find((x) => x.id === id);
      if (!p) return refused({ code: 'unknownProposal', proposalId: id });
      proposals.push(p);
    }
  }
  if (proposals.length === 0) return refused({ code: 'nothingToConfirm' });
  return ok({ proposals, matching: matching.value });
}

/** One proposal judged against the directory now, stored as a pair and queued for booking. */
async function confirmOne(
  deps: ConfirmDeps,
  request: ConfirmRequest,
  directory: Parameters<typeof refusalAtConfirmation>[0],
  proposal: Proposal,
  /** The mentor's capacity: HR's from the board, or the programme's. */
  capacity: number,
): Promise<Result<Versioned<Pair>, Reason>> {
  const { programme } = request;
  if (proposal.status === 'confirmed') {
    return refused({ code: 'alreadyConfirmed', text: WORDS.alreadyConfirmed });
  }
  const refusal = refusalAtConfirmation(
    directory,
    proposal.mentee,
    proposal.mentor,
    programme.hierarchyRule,
  );
  if (refusal) return refused(refusal);
  const pair = newPair({
    id: deps.newId(),
    programme,
    mentor: { id: proposal.mentor, name: proposal.mentorName },
    mentee: { id: proposal.mentee, name: proposal.menteeName },
    score: proposal.score,
    reasons: proposal.reasons,
    proposalId: proposal.id,
    confirmedBy: request.by,
    now: deps.clock.now(),
  });
  let stored: Awaited<ReturnType<PairStore['confirm']>>;
  try {
    stored = await deps.pairs.confirm(pair, capacity);
  } catch (error) {
    if (!(error instanceof PairContentionError)) throw error;
    return refused({ code: 'contended', text: WORDS.contended });
  }
  if (!stored.ok) {
    const params: Reason['params'] =
      stored.reason.code === 'mentorFull'
        ? { capacity: stored.reason.capacity, mentor: proposal.mentorName }
        : { mentee: proposal.menteeName };
    return refused({ code: stored.reason.code, text: WORDS[stored.reason.code], params });
  }
  // Both are told now, their first session still to be booked; should this step be lost to a
  // crash, the booking's `notified` step stores the same notice (same key) with the session.
  await tell({ ...deps, now: () => deps.clock.now() }, programme, {
    moment: 'paired',
    to: [pair.mentor.id, pair.mentee.id],
    subject: pair.id,
    page: pairPage(pair.id),
    facts: (id) => ({
      programme: programme.name,
      partner: id === pair.mentor.id ? pair.mentee.name : pair.mentor.name,
      firstSession: null,
    }),
  });
  await deps.bookingQueue.enqueue(pair.id);
  return ok(stored.pair);
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Moves a matching programme to running once every proposal is a pair. HR changing the programme
 * meanwhile (five stale writes in a row) leaves it in matching; moving it by hand still works.
 */
async function startWhenSettled(deps: ConfirmDeps, programmeId: string): Promise<Programme> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.programmes.get(programmeId);
    if (!current) throw new Error(`programme ${programmeId} vanished during confirmation`);
    if (current.value.status !== 'matching') return current.value;
    const [matching, pairs] = await Promise.all([
      deps.matchings.get(programmeId),
      deps.pairs.listByProgramme(programmeId),
    ]);
    if (!matching) return current.value;
    const merged = withPairs(
      matching.value,
      pairs.map((p) => confirmedPair(p.value)),
    );
    if (!isSettled(merged)) return current.value;
    const moved = changeStatus(current.value, 'running', deps.clock.now());
    if (!moved.ok) return current.value;
    try {
      return (await deps.programmes.replace(moved.programme, current.etag)).value;
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  const latest = await deps.programmes.get(programmeId);
  if (!latest) throw new Error(`programme ${programmeId} vanished during confirmation`);
  return latest.value;
}
