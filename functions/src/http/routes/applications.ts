import { editApplication, withdrawApplication } from '../../app/applications/change-application';
import { decideApplication, decideApplications } from '../../app/applications/decide-application';
import { submitApplication } from '../../app/applications/submit-application';
import { addToWaitingList } from '../../app/applications/waiting-list';
import { tellApplicant } from '../../app/notifications/application-notices';
import { recordAction } from '../../app/programmes/deps';
import {
  type Application,
  applicantView,
  applicationOutcome,
  type Decider,
} from '../../domain/application/application';
import { nextSessionStart, sessionHeld } from '../../domain/booking/booking';
import { type Pair, pairAsMemberSees } from '../../domain/pair/pair';
import {
  mayHaveApplications,
  mayHavePairs,
  type Programme,
} from '../../domain/programme/programme';
import type { Services } from '../../ports/services';
import type { Versioned } from '../../ports/versioned';
import type { Principal } from '../auth';
import {
  type ApplicationStandingView,
  LARGE_FORM_BYTES,
  type ReviewApplicationView,
} from '../contracts';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { HttpProblem } from '../problems';
import { settled } from '../refusals';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { actorOf, loadProgramme } from './programmes';
import { savedResponse, withEtag } from './versioned';

/**
 * Applications (PRODUCT rules 2 and 3): the stories are the use cases in app/applications; these
 * routes declare them. The applicant's answers go through `applicantView` (a reason HR keeps
 * hidden, and HR's decision record, are left out); HR's carry the whole application with what the
 * directory snapshot says of the applicant.
 */

/** An application as its applicant reads it. */
const asApplicantSees = (a: Versioned<Application>, programme: Programme) =>
  withEtag({ ...a, value: applicantView(a.value, programme) });

const applicantAnswer = (a: Versioned<Application>, programme: Programme, status = 200) =>
  savedResponse({ ...a, value: applicantView(a.value, programme) }, status);

/** Only people reach these routes (access: employee or admin), so the principal has a name. */
const person = (principal: Principal | null): Decider => ({
  id: principal!.id,
  name: principal!.kind === 'user' ? principal!.name : '',
});

type ReviewDirectory = ReviewApplicationView['directory'];

/**
 * What the directory snapshot says of each applicant HR reviews: department, job title and
 * manager (by name). One point read per applicant and per distinct manager, side by side.
 */
async function reviewDirectory(
  services: Services,
  personIds: readonly string[],
): Promise<Map<string, ReviewDirectory>> {
  const people = await Promise.all(personIds.map((id) => services.directory.get(id)));
  const managerIds = [...new Set(people.flatMap((p) => (p?.managerId ? [p.managerId] : [])))];
  const managers = new Map(
    (await Promise.all(managerIds.map((id) => services.directory.get(id))))
      .filter((m) => m !== undefined)
      .map((m) => [m.id, { id: m.id, name: m.displayName }]),
  );
  return new Map(
    personIds.map((id, k) => {
      const p = people[k];
      const entry: ReviewDirectory = p
        ? {
            department: p.department,
            jobTitle: p.jobTitle,
            manager: p.managerId ? (managers.get(p.managerId) ?? null) : null,
          }
        : null;
      return [id, entry];
    }),
  );
}

/** Applications as HR reviews them, with the directory's word on each applicant. */
async function forReview(services: Services, applications: readonly Versioned<Application>[]) {
  const directory = await reviewDirectory(
    services,
    applications.map((a) => a.value.personId),
  );
  return applications.map((a) => ({
    ...withEtag(a),
    directory: directory.get(a.value.personId) ?? null,
  }));
}

async function reviewed(services: Services, a: Versioned<Application>): Promise<RouteResult> {
  const [view] = await forReview(services, [a]);
  return { body: view, headers: { etag: a.etag } };
}

type StandingPair = NonNullable<ApplicationStandingView['pairs']>[number];

/**
 * The person's pairs by programme, as a member sees each: the partner and the next session still
 * ahead (null until the series is booked; `first` before any is held), newest pair first.
 */
async function pairsByProgramme(
  services: Services,
  personId: string,
  pairs: readonly Versioned<Pair>[],
): Promise<Map<string, StandingPair[]>> {
  const bookings = await Promise.all(pairs.map((p) => services.bookings.get(p.value.id)));
  const now = services.clock.now();
  const byProgramme = new Map<string, (StandingPair & { createdAt: string })[]>();
  pairs.forEach((p, k) => {
    const seen = pairAsMemberSees(p.value, personId);
    const list = byProgramme.get(seen.programmeId) ?? [];
    const sessions = bookings[k]?.value.sessions ?? [];
    const start = nextSessionStart(sessions, now);
    list.push({
      id: seen.id,
      partner: seen.other,
      nextSession:
        start === null ? null : { start, first: !sessions.some((s) => sessionHeld(s, now)) },
      createdAt: seen.createdAt,
    });
    byProgramme.set(seen.programmeId, list);
  });
  return new Map(
    [...byProgramme].map(([id, list]) => [
      id,
      list
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
        .map(({ createdAt: _, ...pair }) => pair),
    ]),
  );
}

export const applicationRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('list-my-applications'),
    access: 'employee',
    handler: async ({ principal, services }) => {
      // The programme list comes from memory (adapters/tables/programme-table.ts); then, side by
      // side, one point read per programme that can hold applications and one membership query per
      // programme that can hold pairs (from matching on: an open call has none to look for).
      const programmes = (await services.programmes.list()).filter((p) =>
        mayHaveApplications(p.value),
      );
      const ids = programmes.map((p) => p.value.id);
      const withPairs = programmes.filter((p) => mayHavePairs(p.value)).map((p) => p.value.id);
      const [mine, pairs] = await Promise.all([
        services.applications.listByPerson(principal!.id, ids),
        services.pairs.listByMember(principal!.id, withPairs),
      ]);
      const programmeOf = new Map(programmes.map((p) => [p.value.id, p.value]));
      const pairsIn = await pairsByProgramme(services, principal!.id, pairs);
      mine.sort((a, b) => b.value.createdAt.localeCompare(a.value.createdAt));
      // Each applicant learns where they stand (PRODUCT rule 10: nobody is left guessing).
      const value = mine.flatMap((a) => {
        const programme = programmeOf.get(a.value.programmeId);
        if (!programme) return [];
        const inPairs = pairsIn.get(programme.id) ?? [];
        const outcome = applicationOutcome(a.value, programme, inPairs.length > 0);
        const standing: ApplicationStandingView = {
          ...(outcome ? { outcome } : {}),
          ...(outcome === 'paired' ? { pairs: inPairs } : {}),
        };
        return [{ ...asApplicantSees(a, programme), ...standing }];
      });
      return { body: { value } };
    },
  }),
  defineRoute({
    ...endpoint('submit-application'),
    access: 'employee',
    maxBodyBytes: LARGE_FORM_BYTES,
    handler: async ({ principal, services, params, body }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const saved = settled(
        await submitApplication(services, { programme, applicant: person(principal), form: body }),
      );
      await tellApplicant(services, programme, principal!.id, 'applicationReceived');
      return applicantAnswer(saved, programme, 201);
    },
  }),
  defineRoute({
    ...endpoint('get-my-application'),
    access: 'employee',
    handler: async ({ principal, services, params }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const mine = await services.applications.get(params.programmeId, principal!.id);
      if (!mine) throw new HttpProblem(404, 'You have not applied to this programme.');
      return applicantAnswer(mine, programme);
    },
  }),
  defineRoute({
    ...endpoint('edit-my-application'),
    access: 'employee',
    maxBodyBytes: LARGE_FORM_BYTES,
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const saved = settled(
        await editApplication(services, { programme, personId: principal!.id, etag, form: body }),
      );
      return applicantAnswer(saved, programme);
    },
  }),
  defineRoute({
    ...endpoint('withdraw-my-application'),
    access: 'employee',
    handler: async ({ principal, services, params, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const saved = settled(
        await withdrawApplication(services, { programme, personId: principal!.id, etag }),
      );
      return applicantAnswer(saved, programme);
    },
  }),
  defineRoute({
    ...endpoint('list-applications'),
    access: 'admin',
    handler: async ({ principal, services, params }) => {
      await loadProgramme(services, params.programmeId, principal);
      const all = await services.applications.listByProgramme(params.programmeId);
      all.sort(
        (a, b) =>
          a.value.createdAt.localeCompare(b.value.createdAt) ||
          a.value.personId.localeCompare(b.value.personId),
      );
      return { body: { value: await forReview(services, all) } };
    },
  }),
  defineRoute({
    ...endpoint('approve-mentor'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const saved = settled(
        await decideApplication(services, {
          programme,
          personId: params.personId,
          by: person(principal),
          decision: { kind: 'approve', ...(body?.note ? { note: body.note } : {}) },
          etag,
        }),
      );
      await recordAction(services, programme.id, actorOf(principal), 'approved', {
        personId: params.personId,
      });
      await tellApplicant(services, programme, params.personId, 'applicationApproved');
      return reviewed(services, saved);
    },
  }),
  defineRoute({
    ...endpoint('reject-application'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const saved = settled(
        await decideApplication(services, {
          programme,
          personId: params.personId,
          by: person(principal),
          decision: { kind: 'reject', reason: body.reason },
          etag,
        }),
      );
      await recordAction(services, programme.id, actorOf(principal), 'rejected', {
        personId: params.personId,
      });
      await tellApplicant(services, programme, params.personId, 'applicationNotSelected');
      return reviewed(services, saved);
    },
  }),
  defineRoute({
    ...endpoint('decide-applications'),
    access: 'admin',
    handler: async ({ principal, services, params, body }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const { decided, undecided } = await decideApplications(services, {
        programme,
        personIds: body.personIds,
        by: person(principal),
        decision:
          body.decision === 'reject'
            ? { kind: 'reject', reason: body.reason }
            : { kind: 'approve', ...(body.note ? { note: body.note } : {}) },
      });
      const moment = body.decision === 'reject' ? 'applicationNotSelected' : 'applicationApproved';
      const action = body.decision === 'reject' ? 'rejected' : 'approved';
      for (const a of decided) {
        await recordAction(services, programme.id, actorOf(principal), action, {
          personId: a.value.personId,
        });
        await tellApplicant(services, programme, a.value.personId, moment);
      }
      const view = { decided: await forReview(services, decided), undecided };
      return { body: view };
    },
  }),
  defineRoute({
    ...endpoint('add-to-waiting-list'),
    access: 'admin',
    handler: async ({ principal, services, params }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const saved = settled(
        await addToWaitingList(services, { programme, personId: params.personId }),
      );
      await recordAction(services, programme.id, actorOf(principal), 'waitingListed', {
        personId: params.personId,
      });
      return reviewed(services, saved);
    },
  }),
];
