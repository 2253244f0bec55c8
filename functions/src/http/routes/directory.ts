import { choices, peopleMatching } from '../../domain/directory/people-search';
import { ThrottledError } from '../../ports/throttled';
import type { DirectoryStatus } from '../contracts';
import { endpoint } from '../endpoints';
import { refuse } from '../refusals';
import { type AnyRoute, defineRoute } from '../route';

/** At most this many people answer one search of HR's people pickers. */
const PEOPLE_SHOWN = 50;

/** HR's view of org sync: how fresh the directory snapshot is, and "sync now". */
export const directoryRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('directory-status'),
    access: 'admin',
    handler: async ({ services }) => {
      const state = await services.directory.state();
      return { body: { people: state.people, syncedAt: state.syncedAt } satisfies DirectoryStatus };
    },
  }),
  defineRoute({
    ...endpoint('sync-directory'),
    access: 'admin',
    handler: async ({ services }) => {
      try {
        const result = await services.directorySync.refresh();
        const state = await services.directory.state();
        return {
          body: {
            people: state.people,
            syncedAt: state.syncedAt,
            lastRound: result,
          } satisfies DirectoryStatus,
        };
      } catch (error) {
        // Graph asked for a longer wait than a request may hold: the dispatcher answers 503
        // `graphBusy` with Graph's Retry-After (the snapshot is untouched).
        if (error instanceof ThrottledError) throw error;
        // Graph's own retries (429/503) are spent by now: say so, and keep the last good snapshot.
        refuse({ code: 'directoryUnavailable' });
      }
    },
  }),
  defineRoute({
    ...endpoint('search-people'),
    access: 'admin',
    handler: async ({ services, query }) => {
      if (query.ids) {
        const found = await Promise.all(query.ids.map((id) => services.directory.get(id)));
        return { body: { value: choices(found.filter((p) => p !== undefined)) } };
      }
      const found = peopleMatching(await services.directory.all(), query.q, PEOPLE_SHOWN);
      return { body: { value: found } };
    },
  }),
];
