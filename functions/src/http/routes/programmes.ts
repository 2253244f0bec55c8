import {
  changeStatus,
  createProgramme,
  editProgramme,
  isEligible,
  isVisibleToEmployees,
  minimumRespondents,
  type Programme,
} from '../../domain/programme/programme';
import type { Versioned } from '../../ports/programmes';
import type { Services } from '../../ports/services';
import { APP_ROLES, type Principal } from '../auth';
import {
  ChangeStatusSchema,
  CreateProgrammeSchema,
  ProgrammeIdParams,
  ProgrammeSettingsSchema,
  type ProgrammeView,
} from '../contracts';
import { HttpProblem } from '../problems';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { conditionalWrite, withEtag } from './versioned';

const view = (p: Versioned<Programme>): ProgrammeView =>
  withEtag({ ...p, value: { ...p.value, minRespondents: minimumRespondents(p.value) } });

/** A programme as a response: its view (defaults filled in) with the ETag in the header too. */
const programmeResponse = (p: Versioned<Programme>, status = 200): RouteResult => ({
  status,
  body: view(p),
  headers: { etag: p.etag },
});

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

/** Edits quote the ETag they read (If-Match), so two HR people never overwrite each other. */
export function ifMatch(headers: { get(name: string): string | null }): string {
  const etag = headers.get('if-match');
  if (!etag) throw new HttpProblem(428, 'Send If-Match with the ETag you read.');
  return etag;
}

async function replace(services: Services, next: Programme, etag: string): Promise<RouteResult> {
  return programmeResponse(
    await conditionalWrite(() => services.programmes.replace(next, etag), 'This programme'),
  );
}

export const programmeRoutes: AnyRoute[] = [
  defineRoute({
    name: 'list-programmes',
    method: 'GET',
    path: '/programmes',
    access: 'employee',
    handler: async ({ principal, services }) => {
      const all = await services.programmes.list();
      const visible = all.filter((p) => canSee(principal, p.value));
      visible.sort(
        (a, b) =>
          b.value.createdAt.localeCompare(a.value.createdAt) ||
          a.value.id.localeCompare(b.value.id),
      );
      return { body: { value: visible.map(view) } };
    },
  }),
  defineRoute({
    name: 'create-programme',
    method: 'POST',
    path: '/programmes',
    access: 'admin',
    request: { body: CreateProgrammeSchema },
    handler: async ({ principal, services, body }) => {
      const { kind, ...settings } = body;
      const programme = createProgramme(
        services.newId(),
        kind,
        settings,
        principal!.id,
        services.clock.now(),
      );
      const result = await services.programmes.create(programme);
      return {
        ...programmeResponse(result, 201),
        headers: { etag: result.etag, location: `/api/programmes/${programme.id}` },
      };
    },
  }),
  defineRoute({
    name: 'get-programme',
    method: 'GET',
    path: '/programmes/:programmeId',
    access: 'employee',
    request: { params: ProgrammeIdParams },
    handler: async ({ principal, services, params }) =>
      programmeResponse(await loadProgramme(services, params.programmeId, principal)),
  }),
  defineRoute({
    name: 'edit-programme',
    method: 'PATCH',
    path: '/programmes/:programmeId',
    access: 'admin',
    request: { params: ProgrammeIdParams, body: ProgrammeSettingsSchema },
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const current = await loadProgramme(services, params.programmeId, principal);
      const edited = editProgramme(current.value, body, services.clock.now());
      if (!edited.ok) {
        throw new HttpProblem(409, 'A running or closed programme can no longer be edited.', {
          code: edited.reason.code,
        });
      }
      return replace(services, edited.programme, etag);
    },
  }),
  defineRoute({
    name: 'change-programme-status',
    method: 'PUT',
    path: '/programmes/:programmeId/status',
    access: 'admin',
    request: { params: ProgrammeIdParams, body: ChangeStatusSchema },
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const current = await loadProgramme(services, params.programmeId, principal);
      const moved = changeStatus(current.value, body.status, services.clock.now());
      if (!moved.ok) {
        throw new HttpProblem(
          409,
          `A ${current.value.status} programme cannot become ${body.status}.`,
          {
            code: moved.reason.code,
          },
        );
      }
      return replace(services, moved.programme, etag);
    },
  }),
];
