import { nextSessionStart } from '../../domain/booking/booking';
import { isMember, pairAsMemberSees } from '../../domain/pair/pair';
import { mayHavePairs } from '../../domain/programme/programme';
import { APP_ROLES } from '../auth';
import type { MyPairSummary, PairView } from '../contracts';
import { endpoint } from '../endpoints';
import { HttpProblem } from '../problems';
import { type AnyRoute, defineRoute } from '../route';
import { withEtag } from './versioned';

/**
 * Pairs as people see them: a member sees their own pairs; HR (`Tandem.Admin`) any pair; advisors
 * read programme aggregates only (PRODUCT "who uses it"), never a pair. Anyone else gets 404, so
 * nobody learns whether a pair id exists.
 */
export const pairRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('list-my-pairs'),
    access: 'employee',
    handler: async ({ principal, services }) => {
      const programmes = await services.programmes.list();
      const withPairs = programmes.filter((p) => mayHavePairs(p.value)).map((p) => p.value.id);
      const mine = await services.pairs.listByMember(principal!.id, withPairs);
      const bookings = await Promise.all(mine.map((p) => services.bookings.get(p.value.id)));
      const now = services.clock.now();
      const value: MyPairSummary[] = mine
        .map((p, k) => {
          const seen = pairAsMemberSees(p.value, principal!.id);
          const booking = bookings[k]?.value;
          const responses = booking?.responses;
          return {
            ...seen,
            nextSession: nextSessionStart(booking?.sessions ?? [], now),
            answers: responses
              ? {
                  mine: seen.role === 'mentor' ? responses.mentor : responses.mentee,
                  theirs: seen.role === 'mentor' ? responses.mentee : responses.mentor,
                }
              : null,
            joinUrl: booking?.joinUrl ?? null,
          };
        })
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
      return { body: { value } };
    },
  }),
  defineRoute({
    ...endpoint('get-pair'),
    access: 'employee',
    handler: async ({ principal, services, params }) => {
      const found = await services.pairs.get(params.pairId);
      const allowed =
        found &&
        (isMember(found.value, principal!.id) || principal!.roles.includes(APP_ROLES.admin));
      if (!found || !allowed) throw new HttpProblem(404, 'No such pair.');
      const view: PairView = withEtag(found);
      return { body: view, headers: { etag: found.etag } };
    },
  }),
];
