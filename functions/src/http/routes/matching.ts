import {
  changeMentorCapacity,
  lockProposal,
  pairByHand,
  rejectOneProposal,
  swapProposals,
} from '../../app/matching/change-proposals';
import { confirmProposals } from '../../app/matching/confirm-proposals';
import { currentMatching } from '../../app/matching/matching-state';
import { matchingInput, runMatching } from '../../app/matching/run-matching';
import { recordAction } from '../../app/programmes/deps';
import type { MatchingInstance } from '../../domain/matching/instance';
import { SCORE_SHARES_OF_100, scoreOutOf100 } from '../../domain/matching/score';
import type { Matching } from '../../domain/matching-run/matching-run';
import type { Services } from '../../ports/services';
import type { Versioned } from '../../ports/versioned';
import type { ConfirmationView, MatchingView, PairView } from '../contracts';
import { toCsv } from '../csv';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { HttpProblem } from '../problems';
import { settled } from '../refusals';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { actorOf, loadProgramme } from './programmes';
import { withEtag } from './versioned';

/**
 * HR's matching (PRODUCT rules 1, 2 and 4, docs/product.md): runs, proposals with reasons, locks,
 * rejections, swaps, and confirmation into pairs that booking takes over. The stories are the use
 * cases in app/matching; these routes declare them and answer with HR's views.
 */

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

/** The programme HR changes the matching of, and the If-Match the change quotes. */
async function changeOf(
  services: Services,
  programmeId: string,
  principal: Parameters<typeof loadProgramme>[2],
  headers: { get(name: string): string | null },
) {
  const etag = ifMatch(headers);
  const { value: programme } = await loadProgramme(services, programmeId, principal);
  return { programme, etag };
}

/**
 * A run's input as CSV, for reading in a spreadsheet: one row per mentee and mentor (topics,
 * languages, preferred times, capacity), then HR's locks and rejections and the earlier pairs.
 * The JSON export is the one `tandem match --in` replays.
 */
function inputRows(instance: MatchingInstance): (string | number | null)[][] {
  const name = new Map(instance.people.map((p) => [p.id, p.displayName ?? p.id]));
  const rows: (string | number | null)[][] = [
    ['row', 'person', 'name', 'topics', 'languages', 'days', 'partsOfDay', 'capacity', 'other'],
  ];
  const list = (v?: readonly string[]) => (v ?? []).join(' | ');
  for (const m of instance.mentees) {
    const { days, partsOfDay } = m.availability ?? {};
    rows.push([
      'mentee',
      m.personId,
      name.get(m.personId) ?? null,
      list(m.wants),
      list(m.languages),
      list(days),
      list(partsOfDay),
      null,
      null,
    ]);
  }
  for (const m of instance.mentors) {
    const { days, partsOfDay } = m.availability ?? {};
    rows.push([
      'mentor',
      m.personId,
      name.get(m.personId) ?? null,
      list(m.offers),
      list(m.languages),
      list(days),
      list(partsOfDay),
      m.capacity ?? instance.programme.mentorCapacity,
      null,
    ]);
  }
  for (const [row, pairs] of [
    ['locked', instance.locked],
    ['excluded', instance.excluded],
    ['pairedBefore', instance.history],
  ] as const) {
    for (const p of pairs ?? []) {
      const other = 'programme' in p ? (p.programme ?? null) : null;
      rows.push([
        row,
        p.mentee,
        name.get(p.mentee) ?? null,
        null,
        null,
        null,
        null,
        null,
        `${p.mentor}${other ? ` (${other})` : ''}`,
      ]);
    }
  }
  return rows;
}

export const matchingRoutes: AnyRoute[] = [
  defineRoute({
    // HR owners export what a run reads, to replay it with `tandem match` (docs/matching.md).
    ...endpoint('export-matching-input'),
    access: 'admin',
    handler: async ({ principal, services, params, query }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      if (!programme.owners.includes(principal!.id)) {
        throw new HttpProblem(403, 'Only the programme’s HR owners export its matching input.');
      }
      const instance = await matchingInput(services, programme);
      const file = `matching-input-${programme.id}`;
      if (query.format === 'csv') {
        return {
          text: toCsv(inputRows(instance)),
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="${file}.csv"`,
          },
        };
      }
      return {
        text: `${JSON.stringify(instance, null, 2)}\n`,
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="${file}.json"`,
        },
      };
    },
  }),
  defineRoute({
    ...endpoint('run-matching'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const { matching, first } = settled(
        await runMatching(services, {
          programme,
          by: principal!.id,
          objective: body?.objective,
          expectedEtag: headers.get('if-match'),
        }),
      );
      return saved(matching, first ? 201 : 200);
    },
  }),
  defineRoute({
    ...endpoint('get-matching'),
    access: 'admin',
    handler: async ({ principal, services, params }) => {
      await loadProgramme(services, params.programmeId, principal);
      return saved(settled(await currentMatching(services, params.programmeId)));
    },
  }),
  defineRoute({
    ...endpoint('lock-proposal'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const outcome = await lockProposal(services, {
        ...change,
        proposalId: params.proposalId,
        locked: body.locked,
      });
      const action = body.locked ? 'locked' : 'unlocked';
      const stored = settled(outcome);
      await recordAction(services, params.programmeId, actorOf(principal), action, {
        proposalId: params.proposalId,
      });
      return saved(stored);
    },
  }),
  defineRoute({
    ...endpoint('reject-proposal'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const outcome = await rejectOneProposal(services, {
        ...change,
        proposalId: params.proposalId,
        reason: body?.reason ?? '',
      });
      const stored = settled(outcome);
      await recordAction(services, params.programmeId, actorOf(principal), 'rejected', {
        proposalId: params.proposalId,
      });
      return saved(stored);
    },
  }),
  defineRoute({
    ...endpoint('swap-proposals'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const outcome = await swapProposals(services, { ...change, proposalIds: body.proposalIds });
      const stored = settled(outcome);
      await recordAction(services, params.programmeId, actorOf(principal), 'swapped', {
        proposalIds: [...body.proposalIds],
      });
      return saved(stored);
    },
  }),
  defineRoute({
    ...endpoint('pair-by-hand'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const outcome = await pairByHand(services, { ...change, ...body });
      const stored = settled(outcome);
      await recordAction(services, params.programmeId, actorOf(principal), 'pairedByHand', {
        mentee: body.mentee,
        mentor: body.mentor,
      });
      return saved(stored);
    },
  }),
  defineRoute({
    ...endpoint('change-mentor-capacity'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const outcome = await changeMentorCapacity(services, {
        ...change,
        mentor: params.personId,
        capacity: body.capacity,
      });
      const stored = settled(outcome);
      await recordAction(services, params.programmeId, actorOf(principal), 'capacityChanged', {
        mentor: params.personId,
        capacity: body.capacity,
      });
      return saved(stored);
    },
  }),
  defineRoute({
    ...endpoint('confirm-proposals'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const confirmation = settled(
        await confirmProposals(services, {
          programme,
          proposals: body.proposals,
          by: principal!.id,
          expectedEtag: headers.get('if-match'),
        }),
      );
      await recordAction(services, programme.id, actorOf(principal), 'confirmed', {
        pairs: confirmation.confirmed.map((p) => p.value.id),
        refused: confirmation.refused.length,
      });
      const view: ConfirmationView = {
        confirmed: confirmation.confirmed.map((p): PairView => withEtag(p)),
        refused: confirmation.refused,
        programmeStatus: confirmation.programmeStatus,
      };
      return { body: view };
    },
  }),
];
