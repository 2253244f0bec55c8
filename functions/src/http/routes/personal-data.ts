import { type Application, applicantView } from '../../domain/application/application';
import {
  erasureBlockers,
  exportDocument,
  type MyPairData,
} from '../../domain/personal-data/personal-data';
import {
  mayHaveApplications,
  mayHavePairs,
  type Programme,
} from '../../domain/programme/programme';
import type { Services } from '../../ports/services';
import type { Principal } from '../auth';
import { endpoint } from '../endpoints';
import { HttpProblem } from '../problems';
import { refuse } from '../refusals';
import { type AnyRoute, defineRoute } from '../route';
import { conditionalWrite } from './versioned';

function person(principal: Principal | null) {
  if (principal?.kind !== 'user') throw new HttpProblem(403, 'Only people have personal data.');
  return principal;
}

/** Everything a person gave Tandem, with the ETags an erasure quotes. */
async function gather(services: Services, personId: string) {
  const programmes = (await services.programmes.list()).map((p) => p.value);
  const byId = new Map<string, Programme>(programmes.map((p) => [p.id, p]));
  const [applications, pairs] = await Promise.all([
    services.applications.listByPerson(
      personId,
      programmes.filter(mayHaveApplications).map((p) => p.id),
    ),
    services.pairs.listByMember(
      personId,
      programmes.filter(mayHavePairs).map((p) => p.id),
    ),
  ]);
  const perPair = await Promise.all(
    pairs.map(async ({ value: pair }) => {
      const [booking, entries] = await Promise.all([
        services.bookings.get(pair.id),
        services.pairSpace.list(pair.id),
      ]);
      const { id, name, kind, status } = byId.get(pair.programmeId)!;
      return {
        pair,
        programme: { id, name, kind, status },
        booking: booking?.value,
        written: entries.filter((e) => e.value.authorId === personId),
      };
    }),
  );
  return {
    applications: applications.map((a) => ({ ...a, programme: byId.get(a.value.programmeId)! })),
    pairs: perPair.map(
      ({ written, ...rest }): MyPairData => ({ ...rest, mine: written.map((e) => e.value) }),
    ),
    written: perPair.flatMap((p) => p.written),
  };
}

/** A person's own data: the export (right of access) and the erasure (right to be forgotten). */
export const personalDataRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('export-my-data'),
    access: 'employee',
    handler: async ({ principal, services }) => {
      const me = person(principal);
      const data = await gather(services, me.id);
      const body = exportDocument({
        person: { id: me.id, name: me.name, username: me.username },
        exportedAt: services.clock.now(),
        // HR's reason for a rejection only where the programme lets applicants read it.
        applications: data.applications.map((a) => applicantView(a.value, a.programme)),
        pairs: data.pairs,
      });
      return {
        body,
        headers: { 'content-disposition': 'attachment; filename="tandem-my-data.json"' },
      };
    },
  }),
  defineRoute({
    ...endpoint('erase-my-data'),
    access: 'employee',
    handler: async ({ principal, services }) => {
      const me = person(principal);
      const data = await gather(services, me.id);
      const blockers = erasureBlockers(
        data.applications.map((a) => ({ application: a.value, programme: a.programme })),
        data.pairs,
      );
      if (blockers.length > 0) refuse({ code: 'erasureBlocked', blockers });
      // What others rely on stays: the pair itself (the other person's history, HR's figures) and
      // the directory (Entra ID's). What the person wrote and applied with goes.
      for (const entry of data.written) {
        await conditionalWrite(
          () => services.pairSpace.remove(entry.value, entry.etag),
          'Something you wrote',
        );
      }
      for (const application of data.applications) {
        await conditionalWrite(
          () => services.applications.remove(application.value as Application, application.etag),
          'An application',
        );
      }
      return {
        body: { erased: { applications: data.applications.length, entries: data.written.length } },
      };
    },
  }),
];
