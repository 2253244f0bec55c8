import type { AuditAction, AuditDetails } from '../../domain/audit/audit';
import { auditEntry } from '../../domain/audit/audit';
import type { LifecycleRefusal } from '../../domain/programme/lifecycle';
import type { Programme, ProgrammeRefusal } from '../../domain/programme/programme';
import type { AuditTrail } from '../../ports/audit';
import type { Clock } from '../../ports/clock';
import type { ProgrammeStore } from '../../ports/programmes';

/** Who acts: the HR person, with the name their token gave (the audit trail keeps it). */
export interface Actor {
  id: string;
  name: string;
}

/** What the programme use cases read and write. */
export interface ProgrammeDeps {
  programmes: Pick<ProgrammeStore, 'create' | 'replace' | 'remove'>;
  audit: Pick<AuditTrail, 'record'>;
  clock: Clock;
  newId(): string;
}

/** The programme HR read and the ETag their change quotes (a stale one is a 412). */
export interface ProgrammeChange {
  programme: Programme;
  etag: string;
  by: Actor;
}

export type ProgrammeAppRefusal = ProgrammeRefusal | LifecycleRefusal;

/** Appends what HR did to the programme's trail: the last step of every use case. */
export function recordAction(
  deps: Pick<ProgrammeDeps, 'audit' | 'clock'>,
  programmeId: string,
  by: Actor,
  action: AuditAction,
  details: AuditDetails = {},
): Promise<void> {
  return deps.audit.record(auditEntry(programmeId, by, action, details, deps.clock.now()));
}
