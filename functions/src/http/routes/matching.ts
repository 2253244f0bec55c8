import {
  changeMentorCapacity,
  lockProposal,
  pairByHand,
  rejectOneProposal,
  swapProposals,
} from '../../app/matching/change-proposals';
import { confirmProposals } from '../../app/matching/confirm-proposals';
import { currentMatching } from '../../app/matching/matching-state';
import { runMatching } from '../../app/matching/run-matching';
import { SCORE_SHARES_OF_100, scoreOutOf100 } from '../../domain/matching/score';
import type { Matching } from '../../domain/matching-run/matching-run';
import type { Services } from '../../ports/services';
import type { Versioned } from '../../ports/versioned';
import type { ConfirmationView, MatchingView, PairView } from '../contracts';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { settled } from '../refusals';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { loadProgramme } from './programmes';
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

export const matchingRoutes: AnyRoute[] = [
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
      return saved(settled(outcome));
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
      return saved(settled(outcome));
    },
  }),
  defineRoute({
    ...endpoint('swap-proposals'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const outcome = await swapProposals(services, { ...change, proposalIds: body.proposalIds });
      return saved(settled(outcome));
    },
  }),
  defineRoute({
    ...endpoint('pair-by-hand'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const outcome = await pairByHand(services, { ...change, ...body });
      return saved(settled(outcome));
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
      return saved(settled(outcome));
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
      const view: ConfirmationView = {
        confirmed: confirmation.confirmed.map((p): PairView => withEtag(p)),
        refused: confirmation.refused,
        programmeStatus: confirmation.programmeStatus,
      };
      return { body: view };
    },
  }),
];
