import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditEntry } from '../../domain/audit/audit';
import type { AuditTrail } from '../../ports/audit';
import { JsonTable, type TableConnection, tableClient } from './json-table';

/** An audit row as stored: parsed, never cast (a row that does not read is left out and logged). */
export const auditRow: z.ZodType<AuditEntry> = z.object({
  programmeId: z.string().min(1),
  at: z.string().min(1),
  by: z.object({ id: z.string(), name: z.string() }),
  action: z.enum(AUDIT_ACTIONS),
  details: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
  ),
});

/**
 * The audit trail in the `audit` table: one partition per programme, one row per entry keyed by
 * its time and a random suffix, written with create only (append-only: no entry is replaced).
 */
export function auditTable(connection: TableConnection): AuditTrail {
  const table = new JsonTable<AuditEntry>(
    tableClient(connection, 'audit'),
    'The audit entry',
    auditRow,
  );
  return {
    record: async (entry) => {
      await table.create(entry.programmeId, `${entry.at}_${randomUUID()}`, entry);
    },
    list: async (programmeId) =>
      (await table.list(programmeId))
        .map((row) => row.value)
        .sort((a, b) => a.at.localeCompare(b.at)),
  };
}
