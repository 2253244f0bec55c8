import { isHealthy } from '../domain/health';
import { APP_ROLES } from './auth';
import type { Me } from './contracts';
import { endpoint } from './endpoints';
import { HttpProblem } from './problems';
import { type AnyRoute, defineRoute } from './route';
import { applicationRoutes } from './routes/applications';
import { bookingRoutes } from './routes/bookings';
import { calendarNotificationRoutes } from './routes/calendar-notifications';
import { directoryRoutes } from './routes/directory';
import { matchingRoutes } from './routes/matching';
import { pairSpaceRoutes } from './routes/pair-space';
import { pairRoutes } from './routes/pairs';
import { personalDataRoutes } from './routes/personal-data';
import { programmeRoutes } from './routes/programmes';
import { progressRoutes } from './routes/progress';
import { sessionRoutes } from './routes/sessions';
import { topicRoutes } from './routes/topics';

/**
 * The route table: every HTTP endpoint of Tandem, with who may call it and the schema its input
 * must pass. Both hosts (Azure Functions in index.ts, node:http in local/) serve exactly this list.
 */
export const routes: AnyRoute[] = [
  defineRoute({
    // Liveness: the host and the pipeline answer, nothing else is touched (the benches' anchor).
    ...endpoint('ping'),
    access: 'anonymous',
    handler: async () => ({ status: 204 }),
  }),
  defineRoute({
    // Readiness for an admin after a deploy (docs/deploy.md): storage and Graph, cached 30 s. Its
    // 503 is deliberate, the only one a route answers: monitors read the status code.
    ...endpoint('health'),
    access: 'anonymous',
    handler: async ({ services }) => {
      const report = await services.health.check();
      const healthy = isHealthy(report);
      return {
        status: healthy ? 200 : 503,
        body: {
          status: healthy ? 'ok' : 'unhealthy',
          ...report,
          time: services.clock.now().toISOString(),
        },
      };
    },
  }),
  defineRoute({
    ...endpoint('me'),
    access: 'employee',
    handler: async ({ principal }) => {
      if (principal?.kind !== 'user') throw new HttpProblem(403, 'Only people have a profile.');
      return {
        body: {
          id: principal.id,
          tenantId: principal.tenantId,
          name: principal.name,
          username: principal.username,
          roles: principal.roles,
          isAdmin: principal.roles.includes(APP_ROLES.admin),
          isAdvisor: principal.roles.includes(APP_ROLES.advisor),
        } satisfies Me,
      };
    },
  }),
  ...programmeRoutes,
  ...topicRoutes,
  ...applicationRoutes,
  ...directoryRoutes,
  ...bookingRoutes,
  ...sessionRoutes,
  ...matchingRoutes,
  ...pairRoutes,
  ...pairSpaceRoutes,
  ...progressRoutes,
  ...personalDataRoutes,
  ...calendarNotificationRoutes,
];
