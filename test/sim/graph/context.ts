/** What every simulated Graph resource may ask of the simulated tenant. */

import type { GraphCaller } from './router';

/** The part of a simulated person that calendars need (Graph property names). */
export interface SimMailboxOwner {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
  accountEnabled: boolean;
  mailboxSettings: {
    /** Windows ('Romance Standard Time') or IANA ('Europe/Madrid'), as the admin chose. */
    timeZone: string;
    workingHours: {
      daysOfWeek: string[];
      /** 'HH:MM:SS.0000000' */
      startTime: string;
      endTime: string;
      timeZone: { name: string };
    };
  };
}

export interface SimContext {
  /** The simulator's clock: tests and the demo may move it. */
  now(): Date;
  /** A person by object id, userPrincipalName or mail (case-insensitive); disabled people too. */
  findUser(idOrAddress: string): SimMailboxOwner | undefined;
  /**
   * Whether an app-only caller reaches this mailbox with one of `permissions` (tenant-wide or
   * through Exchange RBAC for Applications); absent: by its token's roles alone.
   */
  appReaches?(caller: GraphCaller, permissions: readonly string[], mailboxId: string): boolean;
}
