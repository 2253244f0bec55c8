/**
 * Exchange RBAC for Applications, as the production setup uses it
 * (https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac): a role
 * assignment gives an app's service principal an application permission ("Application
 * Calendars.ReadWrite") for the mailboxes of a management scope only. What it grants adds to what
 * the app holds in Entra ID (a tenant-wide `Calendars.ReadWrite` there would reach every mailbox),
 * so the app's token carries no mailbox permission and the assignment alone opens the organiser's
 * mailbox (infra/exchange-rbac.ps1 sets it up; docs/deploy.md).
 */
export class ExchangeRbac {
  private readonly assignments = new Map<
    string,
    { permissions: ReadonlySet<string>; mailboxes: ReadonlySet<string> }[]
  >();

  /** `New-ManagementRoleAssignment -App … -Role "Application <permission>" -CustomResourceScope …`. */
  assign(appId: string, permissions: readonly string[], mailboxIds: readonly string[]): void {
    const list = this.assignments.get(appId) ?? [];
    list.push({ permissions: new Set(permissions), mailboxes: new Set(mailboxIds) });
    this.assignments.set(appId, list);
  }

  /** `Remove-ManagementRoleAssignment` for every assignment of the app. */
  revoke(appId: string): void {
    this.assignments.delete(appId);
  }

  /** Whether an assignment gives the app one of `permissions` on this mailbox (by object id). */
  allows(appId: string, permissions: readonly string[], mailboxId: string): boolean {
    return (this.assignments.get(appId) ?? []).some(
      (a) => a.mailboxes.has(mailboxId) && permissions.some((p) => a.permissions.has(p)),
    );
  }

  /** What the app is assigned, for `GET /_sim/exchange-rbac/{appId}`. */
  list(appId: string): { permissions: string[]; mailboxes: string[] }[] {
    return (this.assignments.get(appId) ?? []).map((a) => ({
      permissions: [...a.permissions],
      mailboxes: [...a.mailboxes],
    }));
  }
}
