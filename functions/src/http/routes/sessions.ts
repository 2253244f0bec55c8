import { isMember } from '../../domain/pair/pair';
import type { Services } from '../../ports/services';
import type { Principal } from '../auth';
import { endpoint } from '../endpoints';
import { HttpProblem } from '../problems';
import { settled } from '../refusals';
import { type AnyRoute, defineRoute } from '../route';

/** Only the pair's members move its sessions; anyone else learns nothing (404). */
async function asMember(services: Services, principal: Principal | null, pairId: string) {
  const found = await services.pairs.get(pairId);
  if (!found || !isMember(found.value, principal!.id)) throw new HttpProblem(404, 'No such pair.');
}

/** One session moves to a slot free for both; the series stays (PRODUCT rule 5). */
export const sessionRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('session-alternatives'),
    access: 'employee',
    handler: async ({ principal, services, params }) => {
      await asMember(services, principal, params.pairId);
      const alternatives = settled(
        await services.sessions.alternatives(params.pairId, params.index),
      );
      return { body: { value: alternatives } };
    },
  }),
  defineRoute({
    ...endpoint('move-session'),
    access: 'employee',
    handler: async ({ principal, services, params, body }) => {
      await asMember(services, principal, params.pairId);
      const booking = settled(
        await services.sessions.move(params.pairId, params.index, body.start, principal!.id),
      );
      const session = booking.sessions.find((s) => s.index === params.index)!;
      return {
        body: {
          index: session.index,
          start: session.start,
          end: session.end,
          status: session.status,
        },
      };
    },
  }),
  defineRoute({
    ...endpoint('end-pair'),
    access: 'admin',
    handler: async ({ services, params, body }) => {
      if (!(await services.pairs.get(params.pairId))) throw new HttpProblem(404, 'No such pair.');
      const { booking, cancelled } = settled(
        await services.sessions.end(params.pairId, body.reason),
      );
      return { body: { status: booking.status, cancelled } };
    },
  }),
];
