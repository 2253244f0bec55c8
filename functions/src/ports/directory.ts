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
  /** A round that stopped halfway (throttled): the next one continues from there. */
  position: RoundPosition | null;
}

/**
 * Where an interrupted delta round stands: every page before `nextLink` is stored, and the round
 * continues by following it (a nextLink's state token carries the round's snapshot,
 * https://learn.microsoft.com/en-us/graph/delta-query-overview, "State tokens").
 */
export interface RoundPosition {
  nextLink: string;
  full: boolean;
  /** A full round's mark: each person it listed is stored with it (`apply`'s `listedInRound`). */
  round: string;
  /** The round's counts so far (OrgSyncResult); `people` is a changes round's head count. */
  pages: number;
  changes: number;
  removed: number;
  people: number;
}

export interface DirectorySnapshot {
  all(): Promise<DirectoryPerson[]>;
  get(id: string): Promise<DirectoryPerson | undefined>;
  /**
   * Applies a page of changes; merging is per field, so partial delta entries never erase data.
   * `listedInRound` marks each person written as listed by that full round (see `census`).
   */
  apply(changes: readonly DirectoryChange[], listedInRound?: string): Promise<void>;
  state(): Promise<DirectoryState>;
  /** Which of these people the snapshot holds (point reads: cheap for a page of changes). */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** Who a full round has listed (they carry its mark) and who it has not, by id. */
  census(round: string): Promise<{ listed: number; unlisted: string[] }>;
  /** Keeps where an interrupted round stands (null forgets it). */
  savePosition(position: RoundPosition | null): Promise<void>;
  /** Records a completed round and how many people the snapshot now holds; forgets any position. */
  completeRound(deltaLink: string, syncedAt: string, people: number): Promise<void>;
  clear(): Promise<void>;
}

/** One page of a delta round read from the directory. */
export interface DirectoryPage {
  changes: DirectoryChange[];
  /** Present on the round's last page: where the next round starts. */
  deltaLink?: string;
  /** Present on every other page: where the round's next page is read. */
  nextLink?: string;
}

/** The directory's delta link expired (410, or a 4xx syncStateNotFound): start again with a full round. */
export class ResyncRequiredError extends Error {}

/** Reads the organisation's directory as delta rounds (Graph `/users/delta` selecting manager). */
export interface DirectorySource {
  /**
   * A round from `deltaLink`, or a full round when it is null; pages arrive in order. With
   * `resume`, the rest of an interrupted round, from its saved nextLink.
   */
  readRound(
    deltaLink: string | null,
    resume?: { nextLink: string; full: boolean },
  ): AsyncIterable<DirectoryPage>;
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
