import { tellApplicant } from '../../app/notifications/application-notices';
import { recordAction } from '../../app/programmes/deps';
import {
  type Application,
  type ApplicationRefusal,
  applicantView,
  applicationOutcome,
  approveMentor,
  editApplication,
  rejectApplication,
  submitApplication,
  withdrawApplication,
} from '../../domain/application/application';
import { nextSessionStart, sessionHeld } from '../../domain/booking/booking';
import { type Pair, pairAsMemberSees } from '../../domain/pair/pair';
import {
  mayApply,
  mayHaveApplications,
  mayHavePairs,
  type Programme,
} from '../../domain/programme/programme';
import type { Services } from '../../ports/services';
import { AlreadyExistsError, type Versioned } from '../../ports/versioned';
import type { Principal } from '../auth';
import { type ApplicationStandingView, LARGE_FORM_BYTES } from '../contracts';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { HttpProblem } from '../problems';
import { refuse } from '../refusals';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { actorOf, loadProgramme } from './programmes';
import { conditionalWrite, savedResponse, withEtag } from './versioned';

const view = (a: Versioned<Application>) => withEtag(a);

/** An application as its applicant reads it: a reason HR keeps hidden is left out. */
const asApplicantSees = (a: Versioned<Application>, programme: Programme) =>
  withEtag({ ...a, value: applicantView(a.value, programme) });

type Outcome = { ok: true; application: Application } | { ok: false; reason: ApplicationRefusal };

/**
 * Stores a decision or an edit. `applicant`: the programme, when the answer goes to the applicant
 * (their reason hidden unless the programme shows it); HR's answers carry the whole application.
 */
async function store(
  services: Services,
  outcome: Outcome,
  etag?: string,
  applicant?: Programme,
): Promise<RouteResult> {
  const answer = async (saved: Promise<Versioned<Application>>, status = 200) => {
    const result = await saved;
    return savedResponse(
      applicant ? { ...result, value: applicantView(result.value, applicant) } : result,
      status,
    );
  };
  if (!outcome.ok) refuse(outcome.reason);
  const application = outcome.application;
  if (etag !== undefined) {
    return answer(
      conditionalWrite(() => services.applications.replace(application, etag), 'This application'),
    );
  }
  try {
    return await answer(services.applications.create(application), 201);
  } catch (error) {
    if (error instanceof AlreadyExistsError) refuse({ code: 'alreadyApplied' });
    throw error;
  }
}

async function own(services: Services, programmeId: string, principal: Principal | null) {
  const found = await services.applications.get(programmeId, principal!.id);
  if (!found) throw new HttpProblem(404, 'You have not applied to this programme.');
  return found;
}

async function forReview(services: Services, programmeId: string, personId: string) {
  const found = await services.applications.get(programmeId, personId);
  if (!found) throw new HttpProblem(404, 'No such application.');
  return found;
}

/**
 * Eligibility by department reads the person's department from the directory snapshot (org sync),
 * never from the token or the form: nobody can claim a department they are not in. Someone the
 * snapshot does not know yet is not in any department.
 */
async function eligible(services: Services, programme: Programme, principal: Principal | null) {
  const department =
    programme.eligibility.kind === 'departments'
      ? ((await services.directory.get(principal!.id))?.department ?? null)
      : null;
  return mayApply(programme, { id: principal!.id, department });
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
      // Only people reach this route (access: employee), so the principal has a name.
      const person = { id: principal!.id, name: principal!.kind === 'user' ? principal!.name : '' };
      const outcome = submitApplication(
        programme,
        person,
        await eligible(services, programme, principal),
        body,
        services.clock.now(),
      );
      const stored = await store(services, outcome, undefined, programme);
      await tellApplicant(services, programme, person.id, 'applicationReceived');
      return stored;
    },
  }),
  defineRoute({
    ...endpoint('get-my-application'),
    access: 'employee',
    handler: async ({ principal, services, params }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const mine = await own(services, params.programmeId, principal);
      return savedResponse({ ...mine, value: applicantView(mine.value, programme) });
    },
  }),
  defineRoute({
    ...endpoint('edit-my-application'),
    access: 'employee',
    maxBodyBytes: LARGE_FORM_BYTES,
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const current = await own(services, params.programmeId, principal);
      return store(
        services,
        editApplication(programme, current.value, body, services.clock.now()),
        etag,
        programme,
      );
    },
  }),
  defineRoute({
    ...endpoint('withdraw-my-application'),
    access: 'employee',
    handler: async ({ principal, services, params, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const current = await own(services, params.programmeId, principal);
      return store(
        services,
        withdrawApplication(current.value, services.clock.now()),
        etag,
        programme,
      );
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
      return { body: { value: all.map(view) } };
    },
  }),
  defineRoute({
    ...endpoint('approve-mentor'),
    access: 'admin',
    handler: async ({ principal, services, params, headers }) => {
      const etag = ifMatch(headers);
      const current = await forReview(services, params.programmeId, params.personId);
      const stored = await store(
        services,
        approveMentor(current.value, services.clock.now()),
        etag,
      );
      await recordAction(services, params.programmeId, actorOf(principal), 'approved', {
        personId: params.personId,
      });
      await tellApplicant(services, params.programmeId, params.personId, 'applicationApproved');
      return stored;
    },
  }),
  defineRoute({
    ...endpoint('reject-application'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const current = await forReview(services, params.programmeId, params.personId);
      const stored = await store(
        services,
        rejectApplication(current.value, body.reason, programme, services.clock.now()),
        etag,
      );
      await recordAction(services, programme.id, actorOf(principal), 'rejected', {
        personId: params.personId,
      });
      await tellApplicant(services, programme, params.personId, 'applicationNotSelected');
      return stored;
    },
  }),
];
