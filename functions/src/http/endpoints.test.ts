import { describe, expect, it } from 'vitest';
import { ENDPOINT_PATHS } from './endpoint-paths';
import { ENDPOINTS, endpoint, headerMismatches } from './endpoints';
import { defineRoute } from './route';
import { routes } from './routes';

describe('the endpoint list', () => {
  it('is the route table: every route listed under its own method and path, none left over', () => {
    expect(headerMismatches(routes)).toEqual([]);
    expect(routes.map((r) => r.name).sort()).toEqual(Object.keys(ENDPOINT_PATHS).sort());
  });

  it('gives each route the input schemas it declares', () => {
    for (const route of routes) {
      if (route.name === 'calendar-notifications') continue; // Graph's contract, kept with it
      const contract = ENDPOINTS[route.name as keyof typeof ENDPOINTS];
      expect(route.request, route.name).toEqual(
        'request' in contract ? contract.request : undefined,
      );
    }
  });

  it('fails for a route served elsewhere than listed, and for a listed route not served', () => {
    const moved = defineRoute({
      ...endpoint('get-programme'),
      path: '/programme/:programmeId',
      access: 'employee',
      handler: async () => ({}),
    });
    const table = [...routes.filter((r) => r.name !== 'get-programme' && r.name !== 'ping'), moved];
    expect(headerMismatches(table)).toEqual([
      'ping is listed but not served',
      'get-programme: serves GET /programme/:programmeId, listed GET /programmes/:programmeId',
    ]);
  });
});
