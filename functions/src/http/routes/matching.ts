import { type Application, isReadyForMatching } from '../../domain/application/application';
import { type Reason, SCORE_SHARES_OF_100, scoreOutOf100 } from '../../domain/matching/score';
import {
  applySwap,
  type ConfirmedPair,
  isSettled,
  judgeFixedPairs,
  type Matching,
  type MatchingOutcome,
  type MatchingRefusal,
  planSwap,
  rejectProposal,
  runProgrammeMatching,
  setLocked,
  withPairs,
} from '../../domain/matching-run/matching-run';
import {
  type DirectoryEntry,
  newPair,
  type Pair,
  refusalAtConfirmation,
} from '../../domain/pair/pair';
import { changeStatus, type Programme } from '../../domain/programme/programme';
import type { DirectoryPerson, DirectorySnapshot } from '../../ports/directory';
import { PairContentionError } from '../../ports/pairs';
import type { Services } from '../../ports/services';
import { ThrottledError } from '../../ports/throttled';
import { AlreadyExistsError, StaleVersionError, type Versioned } from '../../ports/versioned';
import type { ConfirmationView, MatchingView, PairView } from '../contracts';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { HttpProblem } from '../problems';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { loadProgramme } from './programmes';
import { conditionalWrite, withEtag } from './versioned';

/**
 * HR's matching (PRODUCT rules 1, 2 and 4): runs over approved mentors and mentees with the
 * directory snapshot, proposals with reasons, locks, rejections, swaps, and confirmation into pairs
 * that booking takes over. Matching happens while the programme is in `matching`: the call for
 * applications is closed then, so a run's inputs hold still. A run in `open`/`pilot` is refused
 * (409 `notMatching`) rather than closing the call implicitly.
 */

function requireMatchingStatus(programme: Programme) {
  if (programme.status !== 'matching') {
    throw new HttpProblem(
      409,
      `Matching happens while the programme is in matching (it is ${programme.status}): move it to matching first, which closes the call for applications.`,
      { code: 'notMatching', programmeStatus: programme.status },
    );
  }
}

/** Chains are a handful of levels deep: past this many reads per person, one scan is cheaper. */
const READS_PER_PERSON = 8;

/**
 * The given people and everyone in their management chains, from the directory snapshot: a
 * level of managers at a time, each person read once — or the whole snapshot in one scan when
 * that is fewer reads (many applicants in a small organisation). Chains end at unknown managers
 * and cycles.
 */
export async function loadDirectorySlice(
  directory: DirectorySnapshot,
  ids: readonly string[],
): Promise<Map<string, DirectoryPerson>> {
  if (ids.length > 2) {
    const { people } = await directory.state();
    if (ids.length * READS_PER_PERSON > people) {
      return new Map((await directory.all()).map((p) => [p.id, p]));
    }
  }
  const found = new Map<string, DirectoryPerson>();
  const asked = new Set<string>();
  let level = [...new Set(ids)];
  while (level.length > 0) {
    for (const id of level) asked.add(id);
    const people = await Promise.all(level.map((id) => directory.get(id)));
    const next = new Set<string>();
    for (const person of people) {
      if (!person) continue;
      found.set(person.id, person);
      if (person.managerId && !asked.has(person.managerId)) next.add(person.managerId);
    }
    level = [...next];
  }
  return found;
}

/**
 * The directory as confirmation judges it (PRODUCT rule 1: the check is repeated at confirmation).
 * Issue #6: this is the seam where an org sync delta round runs first
 * (`services.directorySync.refresh()`), so that confirmation judges the directory as it is now;
 * until then it reads the snapshot as org sync last left it.
 */
export async function directoryForConfirmation(
  services: Services,
  ids: readonly string[],
): Promise<Map<string, DirectoryPerson>> {
  // Rule 1 is judged against the directory as it is now: a delta round first (concurrent
  // confirmations share it). Without a fresh directory nothing is confirmed.
  try {
    await services.directorySync.refresh();
  } catch (error) {
    // A long wait Graph asked for: 503 `graphBusy` with its Retry-After, from the dispatcher.
    if (error instanceof ThrottledError) throw error;
    throw new HttpProblem(
      503,
      'The organisation directory could not be read from Microsoft Graph, so reporting lines cannot be checked now; try again shortly.',
      { code: 'directoryUnavailable' },
    );
  }
  return loadDirectorySlice(services.directory, ids);
}

const confirmedPair = (p: Pair): ConfirmedPair => ({
  id: p.id,
  proposalId: p.proposalId,
  mentee: p.mentee,
  mentor: p.mentor,
  score: p.score,
  reasons: p.reasons,
});

/** The stored matching with its confirmed pairs, or 404 before the first run. */
async function loadMatching(services: Services, programmeId: string) {
  const [stored, pairs] = await Promise.all([
    services.matchings.get(programmeId),
    services.pairs.listByProgramme(programmeId),
  ]);
  if (!stored) {
    throw new HttpProblem(404, 'No matching has run for this programme yet.', {
      code: 'noMatching',
    });
  }
  return {
    value: withPairs(
      stored.value,
      pairs.map((p) => confirmedPair(p.value)),
    ),
    etag: stored.etag,
    pairs,
  };
}

/** The stored matching as HR's board reads it: scores out of 100, with how they are made. */
const matchingView = (m: Versioned<Matching>): MatchingView => {
  const view = withEtag(m);
  return {
    ...view,
    scoreShares: SCORE_SHARES_OF_100,
    proposals: view.proposals.map((p) => ({ ...p, scoreOutOf100: scoreOutOf100(p.score) })),
  };
};

function saved(m: Versioned<Matching>, status = 200): RouteResult {
  return { status, body: matchingView(m), headers: { etag: m.etag } };
}

const REFUSALS: Record<MatchingRefusal['code'], [number, string]> = {
  unknownProposal: [404, 'No such proposal in this matching.'],
  alreadyConfirmed: [409, 'This proposal is already a confirmed pair.'],
  sameProposal: [409, 'A swap needs two different proposals.'],
  sameMentor: [409, 'Both proposals have the same mentor: there is nothing to swap.'],
  excludedPair: [409, 'HR rejected one of the pairs this swap would make.'],
  refusedPair: [409, 'The swap would make a pair that is not allowed.'],
};

function refuse(reason: MatchingRefusal): never {
  const [status, detail] = REFUSALS[reason.code];
  if (reason.code === 'refusedPair') {
    // The reporting line (or why it cannot be checked) is the code HR reads: PRODUCT rule 1.
    throw new HttpProblem(status, `${detail} ${reason.reason.text}`, {
      code: reason.reason.code,
      reason: reason.reason,
      mentee: reason.mentee,
      mentor: reason.mentor,
    });
  }
  throw new HttpProblem(status, detail, { ...reason });
}

async function store(services: Services, outcome: MatchingOutcome, etag: string) {
  if (!outcome.ok) refuse(outcome.reason);
  const result = await conditionalWrite(
    () => services.matchings.replace(outcome.matching, etag),
    'The matching',
  );
  return saved(await withCurrentPairs(services, result));
}

async function withCurrentPairs(services: Services, m: Versioned<Matching>) {
  const pairs = await services.pairs.listByProgramme(m.value.programmeId);
  return {
    value: withPairs(
      m.value,
      pairs.map((p) => confirmedPair(p.value)),
    ),
    etag: m.etag,
  };
}

/** The programme (must be matching), its matching, and the If-Match the change quotes. */
async function forChange(
  services: Services,
  programmeId: string,
  principal: Parameters<typeof loadProgramme>[2],
  headers: { get(name: string): string | null },
) {
  const etag = ifMatch(headers);
  const { value: programme } = await loadProgramme(services, programmeId, principal);
  requireMatchingStatus(programme);
  const matching = await loadMatching(services, programmeId);
  return { programme, matching, etag };
}

async function programmeApplications(services: Services, programmeId: string) {
  return (await services.applications.listByProgramme(programmeId)).map((a) => a.value);
}

const nameFrom =
  (directory: ReadonlyMap<string, DirectoryEntry>, applications: readonly Application[]) =>
  (id: string) =>
    directory.get(id)?.displayName ?? applications.find((a) => a.personId === id)?.personName ?? id;

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of results. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const CONFIRMATION_REFUSALS: Record<string, string> = {
  mentorFull: 'The mentor has no room left: their capacity is taken by confirmed pairs.',
  menteeAlreadyPaired: 'The mentee already has a pair in this programme.',
  alreadyConfirmed: 'This proposal is already a confirmed pair.',
  contended: 'Many confirmations for the same people arrived at once; try this one again.',
};

/** Moves a matching programme to running once every proposal is a pair (confirm all). */
async function startWhenSettled(services: Services, programmeId: string): Promise<Programme> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await services.programmes.get(programmeId);
    if (!current) throw new HttpProblem(404, 'No such programme.');
    if (current.value.status !== 'matching') return current.value;
    const matching = await services.matchings.get(programmeId);
    const pairs = await services.pairs.listByProgramme(programmeId);
    if (!matching) return current.value;
    const merged = withPairs(
      matching.value,
      pairs.map((p) => confirmedPair(p.value)),
    );
    if (!isSettled(merged)) return current.value;
    const moved = changeStatus(current.value, 'running', services.clock.now());
    if (!moved.ok) return current.value;
    try {
      return (await services.programmes.replace(moved.programme, current.etag)).value;
    } catch (error) {
      if (!(error instanceof StaleVersionError)) throw error;
    }
  }
  // HR keeps changing the programme meanwhile: it stays in matching; moving it by hand still works.
  const latest = await services.programmes.get(programmeId);
  if (!latest) throw new HttpProblem(404, 'No such programme.');
  return latest.value;
}

export const matchingRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('run-matching'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      requireMatchingStatus(programme);
      const [stored, pairs, applications] = await Promise.all([
        services.matchings.get(programme.id),
        services.pairs.listByProgramme(programme.id),
        programmeApplications(services, programme.id),
      ]);
      // A re-run reads everything afresh and keeps HR's locks and rejections, so it needs no
      // If-Match; one given must still match, as for any change.
      const expected = headers.get('if-match');
      if (expected && expected !== stored?.etag) {
        throw new HttpProblem(412, 'The matching changed since you read it. Reload and try again.');
      }
      const ready = applications.filter(isReadyForMatching);
      const directory = await loadDirectorySlice(
        services.directory,
        ready.map((a) => a.personId),
      );
      const confirmed = pairs.map((p) => confirmedPair(p.value));
      const { matching } = runProgrammeMatching(
        {
          programme,
          applications,
          directory,
          confirmed: confirmed.map((p) => ({ mentee: p.mentee.id, mentor: p.mentor.id })),
          previous: stored ? withPairs(stored.value, confirmed) : undefined,
          objective: body?.objective,
        },
        { newId: services.newId, now: services.clock.now(), by: principal!.id },
      );
      let result: Versioned<Matching>;
      if (stored) {
        result = await conditionalWrite(
          () => services.matchings.replace(matching, stored.etag),
          'The matching',
        );
      } else {
        try {
          result = await services.matchings.create(matching);
        } catch (error) {
          if (error instanceof AlreadyExistsError) {
            throw new HttpProblem(412, 'Another run finished first. Reload and try again.');
          }
          throw error;
        }
      }
      return saved(result, stored ? 200 : 201);
    },
  }),
  defineRoute({
    ...endpoint('get-matching'),
    access: 'admin',
    handler: async ({ principal, services, params }) => {
      await loadProgramme(services, params.programmeId, principal);
      return saved(await loadMatching(services, params.programmeId));
    },
  }),
  defineRoute({
    ...endpoint('lock-proposal'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const { matching, etag } = await forChange(services, params.programmeId, principal, headers);
      const outcome = setLocked(
        matching.value,
        params.proposalId,
        body.locked,
        services.clock.now(),
      );
      return store(services, outcome, etag);
    },
  }),
  defineRoute({
    ...endpoint('reject-proposal'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const { matching, etag } = await forChange(services, params.programmeId, principal, headers);
      const outcome = rejectProposal(
        matching.value,
        params.proposalId,
        body?.reason ?? '',
        services.clock.now(),
      );
      return store(services, outcome, etag);
    },
  }),
  defineRoute({
    ...endpoint('swap-proposals'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const { programme, matching, etag } = await forChange(
        services,
        params.programmeId,
        principal,
        headers,
      );
      const [a, b] = body.proposalIds;
      const planned = planSwap(matching.value, a, b);
      if (!planned.ok) refuse(planned.reason);
      const applications = await programmeApplications(services, programme.id);
      const directory = await loadDirectorySlice(
        services.directory,
        planned.pairs.flatMap((p) => [p.mentee, p.mentor]),
      );
      const judged = judgeFixedPairs({ programme, applications, directory }, planned.pairs);
      const outcome = applySwap(
        matching.value,
        a,
        b,
        judged,
        nameFrom(directory, applications),
        services.clock.now(),
      );
      return store(services, outcome, etag);
    },
  }),
  defineRoute({
    ...endpoint('confirm-proposals'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      // Confirming all needs to know which proposals are pairs already; confirming named ones does
      // not (the pair store refuses a mentee paired twice), which keeps concurrent confirmations
      // from each reading every pair of the programme.
      const [{ value: programme }, matching] = await Promise.all([
        loadProgramme(services, params.programmeId, principal),
        body.proposals === 'all'
          ? loadMatching(services, params.programmeId)
          : services.matchings.get(params.programmeId),
      ]);
      requireMatchingStatus(programme);
      if (!matching) {
        throw new HttpProblem(404, 'No matching has run for this programme yet.', {
          code: 'noMatching',
        });
      }
      // Concurrent confirmations are safe without it (the pair store holds capacities); HR's
      // screen sends it so that a confirmation never applies to proposals changed since.
      const expected = headers.get('if-match');
      if (expected && expected !== matching.etag) {
        throw new HttpProblem(412, 'The matching changed since you read it. Reload and try again.');
      }
      const proposals =
        body.proposals === 'all'
          ? matching.value.proposals.filter((p) => p.status === 'proposed')
          : body.proposals.map((id) => {
              const p = matching.value.proposals.find((x) => x.id === id);
              if (!p) {
                throw new HttpProblem(404, 'No such proposal in this matching.', {
                  code: 'unknownProposal',
                  proposalId: id,
                });
              }
              return p;
            });
      if (proposals.length === 0) {
        throw new HttpProblem(409, 'Every proposal is already confirmed.', {
          code: 'nothingToConfirm',
        });
      }
      const directory = await directoryForConfirmation(
        services,
        proposals.flatMap((p) => [p.mentee, p.mentor]),
      );
      const refused: ConfirmationView['refused'] = [];
      const confirmed: Versioned<Pair>[] = [];
      await inBatches(proposals, 8, async (proposal) => {
        const refuseWith = (reason: Reason) =>
          refused.push({ proposalId: proposal.id, code: reason.code, reason });
        if (proposal.status === 'confirmed') {
          return refuseWith({
            code: 'alreadyConfirmed',
            text: CONFIRMATION_REFUSALS.alreadyConfirmed!,
          });
        }
        // PRODUCT rule 1: the check is repeated at confirmation, against the directory now.
        const refusal = refusalAtConfirmation(
          directory,
          proposal.mentee,
          proposal.mentor,
          programme.hierarchyRule,
        );
        if (refusal) return refuseWith(refusal);
        const pair = newPair({
          id: services.newId(),
          programme,
          mentor: { id: proposal.mentor, name: proposal.mentorName },
          mentee: { id: proposal.mentee, name: proposal.menteeName },
          score: proposal.score,
          reasons: proposal.reasons,
          proposalId: proposal.id,
          confirmedBy: principal!.id,
          now: services.clock.now(),
        });
        let stored: Awaited<ReturnType<Services['pairs']['confirm']>>;
        try {
          stored = await services.pairs.confirm(pair, programme.mentorCapacity);
        } catch (error) {
          if (!(error instanceof PairContentionError)) throw error;
          return refuseWith({ code: 'contended', text: CONFIRMATION_REFUSALS.contended! });
        }
        if (!stored.ok) {
          return refuseWith({
            code: stored.reason.code,
            text: CONFIRMATION_REFUSALS[stored.reason.code]!,
            params:
              stored.reason.code === 'mentorFull'
                ? { capacity: stored.reason.capacity, mentor: proposal.mentorName }
                : { mentee: proposal.menteeName },
          });
        }
        confirmed.push(stored.pair);
        await services.bookingQueue.enqueue(pair.id);
      });
      const now =
        body.proposals === 'all' && confirmed.length > 0
          ? await startWhenSettled(services, programme.id)
          : programme;
      const view: ConfirmationView = {
        confirmed: confirmed.map((p): PairView => withEtag(p)),
        refused,
        programmeStatus: now.status,
      };
      if (confirmed.length === 0 && refused.length > 0) {
        const first = refused[0]!;
        throw new HttpProblem(409, first.reason.text, { code: first.code, ...view });
      }
      return { body: view };
    },
  }),
];
