/**
 * The directory snapshot: who reports to whom, as org sync last read it from Microsoft Graph
 * (`/users/delta` selecting `manager`). Hierarchy checks (PRODUCT rule 1) judge pairs against it,
 * because app-only Graph cannot read `/manager` directly and chains must be computed locally.
 */
export interface DirectoryPerson {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string | null;
  /** null: nobody above (the top of the organisation, or a guest). */
  managerId: string | null;
  department: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
}

/** One change read from Graph: fields present are set (null clears), absent ones are kept. */
export type DirectoryChange =
  | {
      kind: 'upsert';
      id: string;
      fields: Partial<Omit<DirectoryPerson, 'id'>>;
      /**
       * `manager@delta` removed this manager: org sync clears `managerId` only when it is the one
       * stored, since removals can arrive out of order or be replayed.
       */
      managerRemoved?: string;
    }
  | { kind: 'remove'; id: string };

export interface DirectoryState {
  /** Where the next delta round starts; absent until a full round has completed. */
  deltaLink: string | null;
  /** When the last round completed (ISO 8601), null before the first. */
  syncedAt: string | null;
  people: number;
}

export interface DirectorySnapshot {
  all(): Promise<DirectoryPerson[]>;
  get(id: string): Promise<DirectoryPerson | undefined>;
  /** Applies a page of changes; merging is per field, so partial delta entries never erase data. */
  apply(changes: readonly DirectoryChange[]): Promise<void>;
  state(): Promise<DirectoryState>;
  /** Which of these people the snapshot holds (point reads: cheap for a page of changes). */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** Records a completed round and how many people the snapshot now holds. */
  completeRound(deltaLink: string, syncedAt: string, people: number): Promise<void>;
  clear(): Promise<void>;
}

/** One page of a delta round read from the directory. */
export interface DirectoryPage {
  changes: DirectoryChange[];
  /** Present on the round's last page: where the next round starts. */
  deltaLink?: string;
}

/** The directory's delta link expired (410, or a 4xx syncStateNotFound): start again with a full round. */
export class ResyncRequiredError extends Error {}

/** Reads the organisation's directory as delta rounds (Graph `/users/delta` selecting manager). */
export interface DirectorySource {
  /** A round from `deltaLink`, or a full round when it is null; pages arrive in order. */
  readRound(deltaLink: string | null): AsyncIterable<DirectoryPage>;
}

export interface OrgSyncResult {
  /** A full round (first sync, or the delta link had expired) rather than changes only. */
  full: boolean;
  pages: number;
  changes: number;
  removed: number;
  people: number;
}

/** Brings the snapshot up to date now (one delta round); concurrent callers share the round. */
export interface DirectoryRefresh {
  refresh(): Promise<OrgSyncResult>;
}
