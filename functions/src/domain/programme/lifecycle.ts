/**
 * A programme's life beyond its status machine (PRODUCT rule 9, docs/product.md "Programme
 * lifecycle"): a pilot promoted to the organisation-wide call, a programme cloned for the next
 * cohort, a draft deleted, a closed programme archived. Pure: the use cases in app/programmes
 * store what these answer.
 */
import { ok, type Result, refused } from '../result';
import {
  LIFECYCLE_DEFAULTS,
  type Lifecycle,
  type Programme,
  type ProgrammeSettings,
  type ProgrammeStatus,
} from './programme';

export type LifecycleRefusal =
  /** Only a programme that ran as a pilot is promoted, and only once. */
  | { code: 'notAPilot' }
  | { code: 'alreadyPromoted'; promotedTo: string }
  /** Only a draft is deleted: anything else has been seen by employees. */
  | { code: 'notDraft'; status: ProgrammeStatus }
  /** Only a closed programme is archived. */
  | { code: 'notClosed'; status: ProgrammeStatus };

/** The settings a new call or cohort carries over: everything HR set, its own dates cleared. */
function carriedSettings(from: Programme): ProgrammeSettings {
  return {
    name: from.name,
    kind: from.kind,
    objectives: from.objectives,
    description: { ...from.description },
    eligibility: structuredClone(from.eligibility),
    pilotGroup: [],
    callOpensOn: null,
    callClosesOn: null,
    earliestStartOn: null,
    plannedSessions: from.plannedSessions,
    durationMonths: from.durationMonths,
    sessionMinutes: from.sessionMinutes,
    hierarchyRule: from.hierarchyRule,
    mentorCapacity: from.mentorCapacity,
    questions: [...from.questions],
    owners: [...from.owners],
    ...(from.minRespondents !== undefined ? { minRespondents: from.minRespondents } : {}),
    ...(from.showRejectionReason !== undefined
      ? { showRejectionReason: from.showRejectionReason }
      : {}),
    ...(from.keepsWaitingList !== undefined ? { keepsWaitingList: from.keepsWaitingList } : {}),
    ...(from.notifications !== undefined ? { notifications: { ...from.notifications } } : {}),
    ...(from.language !== undefined ? { language: from.language } : {}),
  };
}

function fresh(
  id: string,
  settings: ProgrammeSettings,
  status: ProgrammeStatus,
  now: Date,
  links: Partial<Lifecycle>,
): Programme {
  const at = now.toISOString();
  return {
    ...settings,
    ...LIFECYCLE_DEFAULTS,
    ...links,
    id,
    status,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The pilot promoted to the organisation-wide call (PRODUCT rule 9): a new programme, open to
 * everyone its eligibility admits, with the pilot's settings; the pilot keeps its own pairs and
 * applications, and each names the other.
 */
export function promotePilot(
  pilot: Programme,
  newId: string,
  now: Date,
): Result<{ pilot: Programme; call: Programme }, LifecycleRefusal> {
  if (pilot.pilotedAt === null) return refused({ code: 'notAPilot' });
  if (pilot.promotedTo !== null)
    return refused({ code: 'alreadyPromoted', promotedTo: pilot.promotedTo });
  const call = fresh(newId, carriedSettings(pilot), 'open', now, { promotedFrom: pilot.id });
  return ok({
    pilot: { ...pilot, promotedTo: newId, updatedAt: now.toISOString() },
    call,
  });
}

/** A new draft for the next cohort with the same settings (HR renames it if they like). */
export function cloneProgramme(
  from: Programme,
  newId: string,
  now: Date,
  name?: string,
): Programme {
  const settings = { ...carriedSettings(from), ...(name ? { name } : {}) };
  return fresh(newId, settings, 'draft', now, { clonedFrom: from.id });
}

/** A draft may be deleted; once employees could see it, it stays (archived when closed). */
export function mayDelete(programme: Programme): Result<Programme, LifecycleRefusal> {
  return programme.status === 'draft'
    ? ok(programme)
    : refused({ code: 'notDraft', status: programme.status });
}

/** A closed programme set aside: still read by its reports and evaluation. */
export function archive(programme: Programme, now: Date): Result<Programme, LifecycleRefusal> {
  if (programme.status !== 'closed')
    return refused({ code: 'notClosed', status: programme.status });
  const at = now.toISOString();
  return ok({ ...programme, archivedAt: programme.archivedAt ?? at, updatedAt: at });
}

/**
 * What an edit affects once employees can apply (the settings form says so before saving). Each
 * effect is a stable code the tab words: who has applied keeps their application, answers already
 * given, the next matching run, the pairs booked from now on.
 */
export type EditEffect =
  | 'applicationsKept'
  | 'answersGivenKept'
  | 'nextMatching'
  | 'newBookingsOnly'
  | 'announcedDates';

const EFFECT_OF: Partial<Record<keyof ProgrammeSettings, EditEffect>> = {
  eligibility: 'applicationsKept',
  pilotGroup: 'applicationsKept',
  questions: 'answersGivenKept',
  hierarchyRule: 'nextMatching',
  mentorCapacity: 'nextMatching',
  kind: 'nextMatching',
  plannedSessions: 'newBookingsOnly',
  durationMonths: 'newBookingsOnly',
  sessionMinutes: 'newBookingsOnly',
  earliestStartOn: 'newBookingsOnly',
  callOpensOn: 'announcedDates',
  callClosesOn: 'announcedDates',
};

/** The effects of changing `fields` of a programme in `status`; none while still a draft. */
export function editEffects(
  status: ProgrammeStatus,
  fields: readonly (keyof ProgrammeSettings)[],
): EditEffect[] {
  if (status === 'draft') return [];
  const effects = new Set<EditEffect>();
  for (const field of fields) {
    const effect = EFFECT_OF[field];
    if (effect) effects.add(effect);
  }
  return [...effects];
}

/** Which of HR's changes differ from the programme's settings, by value (the audit names them). */
export function changedFields(
  before: ProgrammeSettings,
  changes: Partial<ProgrammeSettings>,
): (keyof ProgrammeSettings)[] {
  return (Object.keys(changes) as (keyof ProgrammeSettings)[])
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(changes[k]))
    .sort();
}
