import { changeProgrammeStatus } from '../../app/programmes/change-status';
import { createProgramme } from '../../app/programmes/create-programme';
import type { Actor, ProgrammeChange } from '../../app/programmes/deps';
import { editSettings } from '../../app/programmes/edit-settings';
import {
  archiveProgramme,
  cloneProgramme,
  deleteDraft,
  promotePilot,
} from '../../app/programmes/lifecycle';
import { auditRows } from '../../domain/audit/audit-report';
import { notificationSwitches } from '../../domain/notifications/notices';
import {
  applicantSettings,
  isVisibleTo,
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
import { settled } from '../refusals';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import { csvDownload, readerOf } from './progress';
import { withEtag } from './versioned';

/**
 * A programme as `principal` may read it. Only HR reads who else a named-people programme or a
 * pilot group names; anyone else (employees, advisors) sees at most their own id there — one
 * person's eligibility is not another's business.
 */
function asSeenBy(principal: Principal | null, p: Versioned<Programme>): Versioned<Programme> {
  if (principal?.roles.includes(APP_ROLES.admin)) return p;
  const mine = (ids: readonly string[]) => ids.filter((id) => id === principal?.id);
  const { eligibility } = p.value;
  return {
    ...p,
    value: {
      ...p.value,
      pilotGroup: mine(p.value.pilotGroup),
      eligibility:
        eligibility.kind === 'people'
          ? { kind: 'people', personIds: mine(eligibility.personIds) }
          : eligibility,
    },
  };
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
      allowRepeatPairs: seen.value.allowRepeatPairs === true,
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

/** Staff see every programme; employees as the domain says (drafts never, pilots their group). */
function canSee(principal: Principal | null, programme: Programme): boolean {
  return isStaff(principal) || isVisibleTo(programme, principal?.id ?? '');
}

/** A programme the caller may see, or 404 — nobody learns that an invisible draft exists. */
export async function loadProgramme(services: Services, id: string, principal: Principal | null) {
  const found = await services.programmes.get(id);
  if (!found || !canSee(principal, found.value)) throw new HttpProblem(404, 'No such programme.');
  return found;
}

/** Who acts, for the audit trail: the HR person and the name their token gives. */
export function actorOf(principal: Principal | null): Actor {
  return { id: principal?.id ?? '', name: principal?.kind === 'user' ? principal.name : '' };
}

/** The programme HR changes, the If-Match their change quotes, and who they are. */
async function changeOf(
  services: Services,
  id: string,
  principal: Principal | null,
  headers: { get(name: string): string | null },
): Promise<ProgrammeChange> {
  const etag = ifMatch(headers);
  const { value: programme } = await loadProgramme(services, id, principal);
  return { programme, etag, by: actorOf(principal) };
}

/**
 * The audit trail is its programme's owners' (issue #19): another HR person, like an advisor,
 * is refused (403) — the trail names people and decisions.
 */
async function ownedProgramme(services: Services, id: string, principal: Principal | null) {
  const found = await loadProgramme(services, id, principal);
  if (!found.value.owners.includes(principal?.id ?? '')) {
    throw new HttpProblem(403, 'The audit trail is for the programme’s owners.');
  }
  return found.value;
}

/**
 * The programme routes declare; the stories are the use cases in app/programmes (create, edit,
 * move along the status machine, promote a pilot, clone, delete a draft, archive), each
 * recording what HR did in the programme's audit trail.
 */
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
      const created = settled(
        await createProgramme(services, { kind, language, settings, by: actorOf(principal) }),
      );
      return {
        ...programmeResponse(principal, created, 201),
        headers: { etag: created.etag, location: `/api/programmes/${created.value.id}` },
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
      const change = await changeOf(services, params.programmeId, principal, headers);
      const edited = await editSettings(services, { ...change, changes: body });
      return programmeResponse(principal, settled(edited));
    },
  }),
  defineRoute({
    ...endpoint('edit-notification-settings'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const current = await loadProgramme(services, params.programmeId, principal);
      const next = setNotificationSwitches(current.value, body, services.clock.now());
      return programmeResponse(principal, await services.programmes.replace(next, etag));
    },
  }),
  defineRoute({
    ...endpoint('change-programme-status'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const moved = await changeProgrammeStatus(services, { ...change, to: body.status });
      return programmeResponse(principal, settled(moved));
    },
  }),
  defineRoute({
    ...endpoint('delete-programme'),
    access: 'admin',
    handler: async ({ principal, services, params, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      settled(await deleteDraft(services, change));
      return { status: 204 };
    },
  }),
  defineRoute({
    ...endpoint('promote-pilot'),
    access: 'admin',
    handler: async ({ principal, services, params, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      const call = settled(await promotePilot(services, change));
      return programmeResponse(principal, call, 201);
    },
  }),
  defineRoute({
    ...endpoint('clone-programme'),
    access: 'admin',
    handler: async ({ principal, services, params, body }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const name = body?.name;
      const draft = await cloneProgramme(services, {
        programme,
        by: actorOf(principal),
        ...(name ? { name } : {}),
      });
      return programmeResponse(principal, settled(draft), 201);
    },
  }),
  defineRoute({
    ...endpoint('archive-programme'),
    access: 'admin',
    handler: async ({ principal, services, params, headers }) => {
      const change = await changeOf(services, params.programmeId, principal, headers);
      return programmeResponse(principal, settled(await archiveProgramme(services, change)));
    },
  }),
  defineRoute({
    ...endpoint('programme-audit'),
    access: 'admin',
    handler: async ({ principal, services, params }) => {
      const programme = await ownedProgramme(services, params.programmeId, principal);
      return { body: { value: await services.audit.list(programme.id) } };
    },
  }),
  defineRoute({
    ...endpoint('programme-audit-report'),
    access: 'admin',
    handler: async ({ principal, services, params, query }) => {
      const programme = await ownedProgramme(services, params.programmeId, principal);
      const entries = await services.audit.list(programme.id);
      const word = query.lang === 'es' ? 'auditoria' : 'audit';
      return csvDownload(
        auditRows(entries, readerOf(query)),
        `tandem-${word}-${programme.id.slice(0, 8)}.csv`,
      );
    },
  }),
];
