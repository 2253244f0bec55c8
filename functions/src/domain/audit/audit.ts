/**
 * The audit trail (issue #19): every HR action on a programme, recorded with who, when and what,
 * append-only. HR owners read it and export it; advisors never see it (docs/security.md).
 */

/** What HR did. A new action is one more entry here and its words in the tab (`audit.action.*`). */
export const AUDIT_ACTIONS = [
  'created',
  'settingsChanged',
  'statusChanged',
  'promoted',
  'cloned',
  'deleted',
  'archived',
  'approved',
  'rejected',
  'locked',
  'unlocked',
  'swapped',
  'confirmed',
  'waitingListed',
  'pairedByHand',
  'capacityChanged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an action names: fields changed, the status moved to, the people or proposals it was about. */
export type AuditDetails = Record<string, string | number | boolean | string[]>;

export interface AuditEntry {
  programmeId: string;
  /** When (ISO 8601). */
  at: string;
  /** Who: the HR person's id and their name as their token gave it then. */
  by: { id: string; name: string };
  action: AuditAction;
  details: AuditDetails;
}

/** One entry, from the principal who acted. */
export function auditEntry(
  programmeId: string,
  by: { id: string; name: string },
  action: AuditAction,
  details: AuditDetails,
  now: Date,
): AuditEntry {
  return { programmeId, at: now.toISOString(), by, action, details };
}
