import { notificationSwitches } from '../../domain/notifications/notices';
import {
  applicantSettings,
  changeStatus,
  createProgramme,
  editProgramme,
  isEligible,
  isVisibleToEmployees,
  minimumRespondents,
  type Programme,
  programmeLanguage,
  setNotificationSwitches,
} from '../../domain/programme/programme';
import type { Services } from '../../ports/services';
import type { Versioned } from '../../ports/versioned';
import { APP_ROLES, type Principal } from '../auth';
import { LARGE_FORM_BYTES, type ProgrammeView } from '../contracts';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { HttpProblem } from '../problems';
import { refuse } from '../refusals';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { conditionalWrite, withEtag } from './versioned';

/**
 * A programme as `principal` may read it. Only HR reads who else a named-people programme names;
 * anyone else (employees, advisors) sees at most their own id there — one person's eligibility
 * is not another's business.
 */
function asSeenBy(principal: Principal | null, p: Versioned<Programme>): Versioned<Programme> {
  if (principal?.roles.includes(APP_ROLES.admin) || p.value.eligibility.kind !== 'people') return p;
  const personIds = p.value.eligibility.personIds.filter((id) => id === principal?.id);
  return { ...p, value: { ...p.value, eligibility: { kind: 'people', personIds } } };
}

/** A programme as the API shows it to `principal`: defaults filled in, others' ids left out. */
const view = (principal: Principal | null, p: Versioned<Programme>): ProgrammeView => {
  const seen = asSeenBy(principal, p);
  return withEtag({
    ...seen,
    value: {
      ...seen.value,
      minRespondents: minimumRespondents(seen.value),
      ...applicantSettings(seen.value),
      notifications: notificationSwitches(seen.value.notifications),
      language: programmeLanguage(seen.value),
    },
  });
};

/** A programme as a response, with its ETag in the header too. */
const programmeResponse = (
  principal: Principal | null,
  p: Versioned<Programme>,
  status = 200,
): RouteResult => ({ status, body: view(principal, p), headers: { etag: p.etag } });

function isStaff(principal: Principal | null): boolean {
  return !!principal?.roles.some((r) => r === APP_ROLES.admin || r === APP_ROLES.advisor);
}

/** Employees see programmes past draft; named-people programmes only by those named. Department
 * rules are judged when applying, against the directory snapshot. */
function canSee(principal: Principal | null, programme: Programme): boolean {
  if (isStaff(principal)) return true;
  if (!isVisibleToEmployees(programme)) return false;
  if (programme.eligibility.kind === 'people') {
    return isEligible(programme, { id: principal?.id ?? '' });
  }
  return true;
}

/** A programme the caller may see, or 404 — nobody learns that an invisible draft exists. */
export async function loadProgramme(services: Services, id: string, principal: Principal | null) {
  const found = await services.programmes.get(id);
  if (!found || !canSee(principal, found.value)) throw new HttpProblem(404, 'No such programme.');
  return found;
}

async function replace(
  principal: Principal | null,
  services: Services,
  next: Programme,
  etag: string,
): Promise<RouteResult> {
  return programmeResponse(
    principal,
    await conditionalWrite(() => services.programmes.replace(next, etag), 'This programme'),
  );
}

export const programmeRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('list-programmes'),
    access: 'employee',
    handler: async ({ principal, services }) => {
      const all = await services.programmes.list();
      const visible = all.filter((p) => canSee(principal, p.value));
      visible.sort(
        (a, b) =>
          b.value.createdAt.localeCompare(a.value.createdAt) ||
          a.value.id.localeCompare(b.value.id),
      );
      return { body: { value: visible.map((p) => view(principal, p)) } };
    },
  }),
  defineRoute({
    ...endpoint('create-programme'),
    access: 'admin',
    maxBodyBytes: LARGE_FORM_BYTES,
    handler: async ({ principal, services, body }) => {
      const { kind, language, ...settings } = body;
      const programme = createProgramme(
        services.newId(),
        kind,
        settings,
        principal!.id,
        services.clock.now(),
        language,
      );
      const result = await services.programmes.create(programme);
      return {
        ...programmeResponse(principal, result, 201),
        headers: { etag: result.etag, location: `/api/programmes/${programme.id}` },
      };
    },
  }),
  defineRoute({
    ...endpoint('get-programme'),
    access: 'employee',
    handler: async ({ principal, services, params }) =>
      programmeResponse(principal, await loadProgramme(services, params.programmeId, principal)),
  }),
  defineRoute({
    ...endpoint('edit-programme'),
    access: 'admin',
    maxBodyBytes: LARGE_FORM_BYTES,
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const current = await loadProgramme(services, params.programmeId, principal);
      const edited = editProgramme(current.value, body, services.clock.now());
      if (!edited.ok) refuse(edited.reason);
      return replace(principal, services, edited.programme, etag);
    },
  }),
  defineRoute({
    ...endpoint('edit-notification-settings'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const current = await loadProgramme(services, params.programmeId, principal);
      const next = setNotificationSwitches(current.value, body, services.clock.now());
      return replace(principal, services, next, etag);
    },
  }),
  defineRoute({
    ...endpoint('change-programme-status'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const current = await loadProgramme(services, params.programmeId, principal);
      const moved = changeStatus(current.value, body.status, services.clock.now());
      if (!moved.ok) refuse(moved.reason);
      const result = await replace(principal, services, moved.programme, etag);
      if (moved.programme.status === 'closed') {
        // Every pair's upcoming sessions are cancelled through the booking queue
        // (jobs/end-pair.ts). Should queuing fail halfway, the booking sweep finishes it: the
        // programme is closed either way.
        await services.sessions.endProgramme(moved.programme).catch(() => {});
      }
      return result;
    },
  }),
];
