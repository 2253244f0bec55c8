import type { AuditEntry } from '../domain/audit/audit';

/** The programme's audit trail: append-only, read oldest first. */
export interface AuditTrail {
  /** Appends one entry; entries are never changed or removed. */
  record(entry: AuditEntry): Promise<void>;
  /** Every entry of the programme, oldest first. */
  list(programmeId: string): Promise<AuditEntry[]>;
}
