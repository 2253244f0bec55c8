import { z } from 'zod';
import type { Application } from '../../domain/application/application';
import type { ApplicationStore } from '../../ports/applications';
import { JsonTable, type TableConnection, tableClient } from './json-table';

const person = z.object({ id: z.string().min(1), name: z.string() });

/**
 * A stored application as this adapter reads it: its migration point. Fields added after the
 * first rows were written have their defaults here — `answers` and `availability` (empty),
 * `rejectionReasonShared`, HR's `decision` and `waitingListSince` (absent) — so an old row
 * reads as a whole application and is written back whole on its next change.
 * (Test: application-table.test.ts.)
 */
export const storedApplication: z.ZodType<Application> = z
  .object({
    programmeId: z.string().min(1),
    personId: z.string().min(1),
    personName: z.string().default(''),
    role: z.enum(['mentee', 'mentor']),
    why: z.string(),
    wants: z.array(z.string()).default([]),
    offers: z.array(z.string()).default([]),
    languages: z.array(z.string()).default([]),
    availability: z
      .object({
        days: z.array(z.string()).default([]),
        partsOfDay: z.array(z.enum(['morning', 'afternoon'])).default([]),
        notes: z.string().default(''),
      })
      .default({ days: [], partsOfDay: [], notes: '' }),
    answers: z.array(z.string()).default([]),
    consent: z.literal(true),
    status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']),
    rejectionReason: z.string().optional(),
    rejectionReasonShared: z.boolean().optional(),
    decision: z.object({ by: person, at: z.string(), note: z.string().optional() }).optional(),
    waitingListSince: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    // A field this version does not know yet (written by a newer one) is kept, never dropped.
  })
  .loose();

/**
 * Applications in the `applications` table: partitioned by programme (HR reviews a programme's
 * applications together), one row per person (an applicant's own form is a point read).
 */
export function applicationTable(connection: TableConnection): ApplicationStore {
  const table = new JsonTable<Application>(
    tableClient(connection, 'applications'),
    'The application',
    storedApplication,
  );
  return {
    create: (a) => table.create(a.programmeId, a.personId, a),
    get: (programmeId, personId) => table.get(programmeId, personId),
    listByProgramme: (programmeId) => table.list(programmeId),
    async listByPerson(personId, programmeIds) {
      const found = await Promise.all(programmeIds.map((p) => table.get(p, personId)));
      return found.filter((a) => a !== undefined);
    },
    replace: (a, etag) => table.replace(a.programmeId, a.personId, a, etag),
    remove: (a, etag) => table.delete(a.programmeId, a.personId, etag),
  };
}
