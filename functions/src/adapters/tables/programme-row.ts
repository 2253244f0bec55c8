import { z } from 'zod';
import { MOMENTS } from '../../domain/notifications/moments';
import { PROGRAMME_KINDS } from '../../domain/programme/kinds';
import {
  LIFECYCLE_DEFAULTS,
  type Programme,
  TEMPLATE_DESCRIPTIONS,
} from '../../domain/programme/programme';

/**
 * A stored programme as this adapter reads it: the migration point for programmes. Fields added
 * after programmes were first stored get their defaults here (the description from the kind's
 * template, no pilot group, no dates, no lifecycle links); nothing past this file sees an old row.
 * The optional settings (`minRespondents`, `showRejectionReason`, `keepsWaitingList`,
 * `notifications`, `language`) stay absent
 * when absent: the domain's own defaults read them (programme.ts).
 */
const day = z.string().nullable().default(null);
const link = z.string().nullable().default(null);

const stored = z.object({
  id: z.string().min(1),
  name: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  status: z.enum(['draft', 'pilot', 'open', 'matching', 'running', 'closed']),
  objectives: z.string(),
  description: z.object({ es: z.string(), en: z.string() }).optional(),
  eligibility: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('everyone') }),
    z.object({ kind: z.literal('departments'), departments: z.array(z.string()) }),
    z.object({ kind: z.literal('people'), personIds: z.array(z.string()) }),
  ]),
  pilotGroup: z.array(z.string()).default([]),
  callOpensOn: day,
  callClosesOn: day,
  earliestStartOn: day,
  plannedSessions: z.number(),
  durationMonths: z.number(),
  sessionMinutes: z.number(),
  hierarchyRule: z.enum(['chain', 'directManager']),
  mentorCapacity: z.number(),
  questions: z.array(z.string()).default([]),
  owners: z.array(z.string()),
  minRespondents: z.number().optional(),
  showRejectionReason: z.boolean().optional(),
  keepsWaitingList: z.boolean().optional(),
  notifications: z.partialRecord(z.enum(MOMENTS), z.boolean()).optional(),
  language: z.enum(['es', 'en']).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  pilotedAt: link,
  promotedTo: link,
  promotedFrom: link,
  clonedFrom: link,
  archivedAt: link,
});

export const programmeRow: z.ZodType<Programme> = stored.transform((row) => {
  const {
    minRespondents,
    showRejectionReason,
    keepsWaitingList,
    notifications,
    language,
    description,
    ...rest
  } = row;
  return {
    ...LIFECYCLE_DEFAULTS,
    ...rest,
    description: description ?? { ...TEMPLATE_DESCRIPTIONS[row.kind] },
    ...(minRespondents !== undefined ? { minRespondents } : {}),
    ...(showRejectionReason !== undefined ? { showRejectionReason } : {}),
    ...(keepsWaitingList !== undefined ? { keepsWaitingList } : {}),
    ...(notifications !== undefined ? { notifications } : {}),
    ...(language !== undefined ? { language } : {}),
  };
}) as unknown as z.ZodType<Programme>;
