/**
 * The programme kinds, declared once: the API's contract, the matcher, the templates and the tab
 * read this list. Tiny and free of imports, so the tab can take it without the domain around it.
 * A new kind is one more entry here and one template in programme.ts (and its label in the tab's
 * catalogues, `programmes.kind.*`).
 */
export const PROGRAMME_KIND_RULES = {
  /** Experienced people guide those with less experience: the mentor stands higher. */
  classic: { mentor: 'senior' },
  /** Junior profiles mentor senior executives: the mentor stands lower. */
  reverse: { mentor: 'junior' },
  /** People selected for promotion get a senior mentor. */
  executive: { mentor: 'senior' },
} as const satisfies Record<string, { mentor: 'senior' | 'junior' }>;

export type ProgrammeKind = keyof typeof PROGRAMME_KIND_RULES;

/** Every kind, in the order HR is offered the templates. */
export const PROGRAMME_KINDS = Object.keys(PROGRAMME_KIND_RULES) as [
  ProgrammeKind,
  ...ProgrammeKind[],
];

/**
 * PRODUCT's defaults for every template: 10 sessions over 6 months, 60 minutes each. The planner
 * falls back to the same numbers when a plan leaves them out.
 */
export const PROGRAMME_DEFAULTS = {
  plannedSessions: 10,
  durationMonths: 6,
  sessionMinutes: 60,
} as const;
