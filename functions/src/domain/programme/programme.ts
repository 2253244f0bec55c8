/**
 * Programmes: the three kinds of the seeds as templates with PRODUCT's defaults, the status
 * machine (rule 9: a pilot before the organisation-wide call), and who may take part.
 */

import type { Moment } from '../notifications/moments';
import type { NoticeLanguage } from '../notifications/notices';
import { PROGRAMME_DEFAULTS, type ProgrammeKind } from './kinds';

export type { ProgrammeKind } from './kinds';
export type ProgrammeStatus = 'draft' | 'pilot' | 'open' | 'matching' | 'running' | 'closed';
export type HierarchyRule = 'chain' | 'directManager';

export type Eligibility =
  | { kind: 'everyone' }
  | { kind: 'departments'; departments: string[] }
  | { kind: 'people'; personIds: string[] };

export interface ProgrammeSettings {
  name: string;
  kind: ProgrammeKind;
  /** Which knowledge must be multiplied, and who holds it today. */
  objectives: string;
  eligibility: Eligibility;
  plannedSessions: number;
  durationMonths: number;
  sessionMinutes: number;
  hierarchyRule: HierarchyRule;
  mentorCapacity: number;
  /** Questions HR adds to the application form (rule 3's questions are always asked). */
  questions: string[];
  /** Person ids of the HR owners. */
  owners: string[];
  /**
   * Survey results (the end evaluation) show only from this many respondents, so nobody can be
   * identified (PRODUCT rule 8); HR may lower it to RESPONDENTS.lowest. Absent on programmes
   * stored before it existed: RESPONDENTS.default applies.
   */
  minRespondents?: number;
  /**
   * Whether a rejected applicant reads HR's reason (issue #14). Off by default: HR writes the
   * reason for the team first, and chooses to share it. Absent on older programmes: off.
   */
  showRejectionReason?: boolean;
  /**
   * Whether mentees left out when the programme starts stay on a waiting list HR may still pair
   * from (PRODUCT rule 4). Off by default: applicants are told so only when HR keeps one.
   */
  keepsWaitingList?: boolean;
  /**
   * HR's switches for Teams notices, by moment (docs/notifications.md): a moment stored `false`
   * is never sent. Absent, or a moment not stored (older programmes, moments added later): on.
   */
  notifications?: Partial<Record<Moment, boolean>>;
  /**
   * The language HR created the programme in: a notice's words fall back to it when the
   * directory has no language Tandem speaks for the person. Absent on older programmes: Spanish.
   */
  language?: NoticeLanguage;
}

/** What applicants are told when a programme stores neither setting (older programmes). */
export const APPLICANT_DEFAULTS = { showRejectionReason: false, keepsWaitingList: false } as const;

/** A programme's settings for what applicants are told, defaults filled in. */
export function applicantSettings(
  programme: Pick<Programme, 'showRejectionReason' | 'keepsWaitingList'>,
): { showRejectionReason: boolean; keepsWaitingList: boolean } {
  return {
    showRejectionReason: programme.showRejectionReason ?? APPLICANT_DEFAULTS.showRejectionReason,
    keepsWaitingList: programme.keepsWaitingList ?? APPLICANT_DEFAULTS.keepsWaitingList,
  };
}

/** PRODUCT rule 8's minimum number of respondents: 5 unless HR lowers it, never below 3. */
export const RESPONDENTS = { default: 5, lowest: 3, highest: 100 } as const;

/** The minimum a programme's survey results wait for. */
export function minimumRespondents(programme: Pick<Programme, 'minRespondents'>): number {
  return programme.minRespondents ?? RESPONDENTS.default;
}

export interface Programme extends ProgrammeSettings {
  id: string;
  status: ProgrammeStatus;
  createdAt: string;
  updatedAt: string;
}

/** PRODUCT defaults: 10 sessions over 6 months, 60 minutes, no reporting line, one mentee each. */
const COMMON = {
  ...PROGRAMME_DEFAULTS,
  hierarchyRule: 'chain',
  mentorCapacity: 1,
  minRespondents: RESPONDENTS.default,
  ...APPLICANT_DEFAULTS,
  questions: [],
  eligibility: { kind: 'everyone' },
} as const;

export const TEMPLATES: Record<ProgrammeKind, Omit<ProgrammeSettings, 'owners'>> = {
  classic: {
    ...COMMON,
    eligibility: { kind: 'everyone' },
    questions: [],
    kind: 'classic',
    name: 'Mentoring',
    objectives:
      'Experienced people guide those with less experience: strategic knowledge is passed on.',
  },
  reverse: {
    ...COMMON,
    eligibility: { kind: 'everyone' },
    questions: [],
    kind: 'reverse',
    name: 'Reverse mentoring',
    objectives:
      'Junior profiles mentor senior executives: the digital gap, entrepreneurship (design thinking, design sprint, digital marketing), diversity, the new customer.',
  },
  executive: {
    ...COMMON,
    eligibility: { kind: 'everyone' },
    questions: [],
    kind: 'executive',
    name: 'Executive mentoring',
    objectives:
      'People selected for promotion are assigned a senior mentor: shadowing, negotiation and persuasion practice, field visits, short- and long-term goals.',
  },
};

/** The languages HR writes programmes in: a template's name and objectives come in each. */
export type TemplateLanguage = 'es' | 'en';

/** The templates' words in Spanish (the English ones are in TEMPLATES). */
const SPANISH: Record<ProgrammeKind, Pick<ProgrammeSettings, 'name' | 'objectives'>> = {
  classic: {
    name: 'Mentoring',
    objectives:
      'Personas con experiencia guían a quienes tienen menos: el conocimiento estratégico se transmite.',
  },
  reverse: {
    name: 'Mentoring inverso',
    objectives:
      'Perfiles júnior son mentores de directivos sénior: la brecha digital, el emprendimiento (design thinking, design sprint, marketing digital), la diversidad, el nuevo cliente.',
  },
  executive: {
    name: 'Mentoring ejecutivo',
    objectives:
      'A las personas elegidas para promocionar se les asigna un mentor sénior: shadowing, práctica de negociación y persuasión, visitas de campo, objetivos a corto y largo plazo.',
  },
};

/** A template with its name and objectives in HR's language. */
export function templateIn(kind: ProgrammeKind, language: TemplateLanguage = 'en') {
  return language === 'es' ? { ...TEMPLATES[kind], ...SPANISH[kind] } : TEMPLATES[kind];
}

/** Where a programme may go next. `closed` is final; a draft may be abandoned. */
export const TRANSITIONS: Record<ProgrammeStatus, readonly ProgrammeStatus[]> = {
  draft: ['pilot', 'open', 'closed'],
  pilot: ['open', 'matching', 'closed'],
  open: ['matching', 'closed'],
  matching: ['open', 'running', 'closed'],
  running: ['closed'],
  closed: [],
};

export type ProgrammeRefusal =
  | { code: 'invalidTransition'; from: ProgrammeStatus; to: ProgrammeStatus }
  | { code: 'notEditable'; status: ProgrammeStatus };

/** A new draft programme from a template, with HR's overrides. */
export function createProgramme(
  id: string,
  kind: ProgrammeKind,
  overrides: Partial<Omit<ProgrammeSettings, 'kind'>>,
  owner: string,
  now: Date,
  language: TemplateLanguage = 'en',
): Programme {
  const at = now.toISOString();
  return {
    ...templateIn(kind, language),
    ...overrides,
    kind,
    language,
    owners: overrides.owners && overrides.owners.length > 0 ? overrides.owners : [owner],
    id,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * HR switches Teams notices on or off for the moments named, the others as they were. Allowed in
 * every status: a running programme is when most of its moments happen.
 */
export function setNotificationSwitches(
  programme: Programme,
  changes: Partial<Record<Moment, boolean>>,
  now: Date,
): Programme {
  return {
    ...programme,
    notifications: { ...programme.notifications, ...changes },
    updatedAt: now.toISOString(),
  };
}

/** The language a programme's notices fall back to: HR's at creation, Spanish for older ones. */
export function programmeLanguage(programme: Pick<Programme, 'language'>): NoticeLanguage {
  return programme.language ?? 'es';
}

/** Moves a programme along its status machine, or says why not. */
export function changeStatus(
  programme: Programme,
  to: ProgrammeStatus,
  now: Date,
): { ok: true; programme: Programme } | { ok: false; reason: ProgrammeRefusal } {
  if (!TRANSITIONS[programme.status].includes(to)) {
    return { ok: false, reason: { code: 'invalidTransition', from: programme.status, to } };
  }
  return { ok: true, programme: { ...programme, status: to, updatedAt: now.toISOString() } };
}

/**
 * What HR may still change once pairs are running: how many answers the results wait for, and
 * what applicants are told (a waiting list matters most once the programme runs).
 */
const EDITABLE_WHILE_RUNNING: ReadonlySet<string> = new Set([
  'minRespondents',
  'showRejectionReason',
  'keepsWaitingList',
]);

/** Edits settings; the plan and the matching rules freeze once pairs are running. */
export function editProgramme(
  programme: Programme,
  changes: Partial<Omit<ProgrammeSettings, 'kind'>>,
  now: Date,
): { ok: true; programme: Programme } | { ok: false; reason: ProgrammeRefusal } {
  const frozen = Object.keys(changes).some((key) => !EDITABLE_WHILE_RUNNING.has(key));
  if ((programme.status === 'running' || programme.status === 'closed') && frozen) {
    return { ok: false, reason: { code: 'notEditable', status: programme.status } };
  }
  return { ok: true, programme: { ...programme, ...changes, updatedAt: now.toISOString() } };
}

/** Whether a person may apply: everyone, their department, or named. */
export function isEligible(
  programme: Pick<Programme, 'eligibility'>,
  person: { id: string; department?: string | null },
): boolean {
  const e = programme.eligibility;
  if (e.kind === 'everyone') return true;
  if (e.kind === 'people') return e.personIds.includes(person.id);
  return person.department != null && e.departments.includes(person.department);
}

/** Whether employees see the programme at all: open calls and what follows; pilots for their people. */
export function isVisibleToEmployees(programme: Pick<Programme, 'status'>): boolean {
  return programme.status !== 'draft';
}

/** Whether a programme can hold applications: people apply only to programmes they can see. */
export function mayHaveApplications(programme: Pick<Programme, 'status'>): boolean {
  return isVisibleToEmployees(programme);
}

/** Whether a programme can hold pairs: from matching (the first confirmation) on. */
export function mayHavePairs(programme: Pick<Programme, 'status'>): boolean {
  return ['matching', 'running', 'closed'].includes(programme.status);
}
