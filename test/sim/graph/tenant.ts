import type { SimContext, SimMailboxOwner } from './context';
import { ExchangeRbac } from './exchange-rbac';
import type { GraphCaller } from './router';

/** A person in the simulated directory: Graph user property names, plus the manager link. */
export interface SimPerson extends SimMailboxOwner {
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
  usageLocation?: string | null;
  userType?: 'Member' | 'Guest';
  mobilePhone?: string | null;
  businessPhones?: string[];
  managerId: string | null;
  /** Tandem's app roles this person holds (what an admin assigned in Entra). */
  appRoles?: string[];
}

/** The user properties Graph stores; `manager` is a relationship, not among them. */
export const USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
  'officeLocation',
  'preferredLanguage',
  'accountEnabled',
  'usageLocation',
  'userType',
  'mobilePhone',
  'businessPhones',
] as const;

/** Graph's default user properties when a request has no $select (user-list.md). */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

export type UserProperty = (typeof USER_PROPERTIES)[number];

/** One directory change, numbered: delta queries return what changed after a number. */
interface Version {
  /** The last change to this person. */
  seq: number;
  /** Per property (and 'manager'), the change that last set it — for `Prefer: return=minimal`. */
  fields: Map<string, number>;
  /** Set when the person left the directory: soft (`changed`) or permanent (`deleted`). */
  removed?: { reason: 'changed' | 'deleted'; seq: number };
  /** The manager the person had before the last manager change (for `manager@delta` removals). */
  previousManagerId?: string | null;
}

/**
 * The simulated tenant's directory and clock. Every change is numbered so `/users/delta` can answer
 * "what changed since" exactly; removed people stay as tombstones so a delta round reports them.
 */
/** The forms an expired delta token takes (see SimTenant.deltaExpiry). */
export const DELTA_EXPIRY_FORMS = ['gone', 'syncStateNotFound', 'resyncRequired'] as const;
export type DeltaExpiryForm = (typeof DELTA_EXPIRY_FORMS)[number];

/**
 * Delta behaviours the docs allow without saying when (see SimTenant.deltaQuirks):
 * - `replay`: "the same change appears in subsequent responses" (delta-query-overview.md,
 *   "Replays"): the last entries of a page are sent again at the end of the next page, or of the
 *   next round's first page, with a `manager@delta` removal they carried even when a newer manager
 *   has been set since (out of order);
 * - `lag`: "Expect varying delays between the time a change is made … and the time the tracked
 *   change is reflected in a delta query response" (same page, "Processing delays"): a change
 *   shows up one round later than it could;
 * - `removedFirstRound`: "The @removed object can be returned in the initial delta query response"
 *   (same page, "Resource representation"): the full round also names removed people and an id
 *   the directory never held;
 * - `varyingPageSize`: "The number of objects in each page can vary" (same page, "$top"): each
 *   page holds a seeded random 1–999 entries, whatever `odata.maxpagesize` asks.
 * https://learn.microsoft.com/en-us/graph/delta-query-overview
 */
export const DELTA_QUIRKS = ['replay', 'lag', 'removedFirstRound', 'varyingPageSize'] as const;
export type DeltaQuirk = (typeof DELTA_QUIRKS)[number];

export class SimTenant implements SimContext {
  private readonly people = new Map<string, SimPerson>();
  private readonly versions = new Map<string, Version>();
  private readonly byAddress = new Map<string, string>();
  private reportsIndex: Map<string, string[]> | undefined;
  private seq = 0;
  private offsetMs = 0;
  /**
   * Mode: how an expired delta token is answered. The docs allow several: 410 Gone with a
   * Location to restart from (delta-query-overview.md, "Synchronization reset"), or "a 40X-series
   * error with error codes such as `syncStateNotFound`" (same page, "Token duration").
   */
  deltaExpiry: DeltaExpiryForm = 'gone';
  /** Modes: the delta behaviours in DELTA_QUIRKS that are on (none by default). */
  deltaQuirks = new Set<DeltaQuirk>();
  /** Mailbox permissions given per app and mailbox (the production setup: see exchange-rbac.ts). */
  readonly exchangeRbac = new ExchangeRbac();

  /**
   * Whether an app-only caller reaches a mailbox with one of `permissions`: tenant-wide, from its
   * token's roles (granted in Entra ID), or through an Exchange RBAC assignment scoped to it. The
   * two add up (https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac).
   */
  appReaches(caller: GraphCaller, permissions: readonly string[], mailboxId: string): boolean {
    if (permissions.some((p) => caller.roles.includes(p))) return true;
    return this.exchangeRbac.allows(caller.appId, permissions, mailboxId);
  }
  /** Ids in insertion order: listings page through a stable order, like Graph's. */
  private order: string[] = [];
  private listed: SimPerson[] | undefined;

  constructor(
    readonly domain: string,
    people: Iterable<SimPerson> = [],
  ) {
    for (const person of people) this.add(person);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the simulator's clock (the demo and tests play "a week later"). */
  setNow(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  get changeNumber(): number {
    return this.seq;
  }

  findUser(idOrAddress: string): SimPerson | undefined {
    const key = idOrAddress.toLowerCase();
    const id = this.people.has(idOrAddress) ? idOrAddress : this.byAddress.get(key);
    return id ? this.people.get(id) : undefined;
  }

  /**
   * People present in the directory, in a stable order. Kept between calls (paging through
   * 100,000 people asks for it on every page) until someone is added or removed; do not modify.
   */
  list(): readonly SimPerson[] {
    if (!this.listed) {
      const out: SimPerson[] = [];
      for (const id of this.order) {
        const person = this.people.get(id);
        if (person) out.push(person);
      }
      this.listed = out;
    }
    return this.listed;
  }

  get size(): number {
    return this.people.size;
  }

  directReports(id: string): SimPerson[] {
    if (!this.reportsIndex) {
      this.reportsIndex = new Map();
      for (const person of this.list()) {
        if (!person.managerId) continue;
        const list = this.reportsIndex.get(person.managerId) ?? [];
        list.push(person.id);
        this.reportsIndex.set(person.managerId, list);
      }
    }
    return (this.reportsIndex.get(id) ?? []).map((r) => this.people.get(r)!);
  }

  manager(id: string): SimPerson | undefined {
    const managerId = this.people.get(id)?.managerId;
    return managerId ? this.people.get(managerId) : undefined;
  }

  add(person: SimPerson): SimPerson {
    if (this.people.has(person.id)) throw new Error(`Person ${person.id} already exists`);
    for (const address of [person.userPrincipalName, person.mail]) {
      if (address && this.byAddress.has(address.toLowerCase()))
        throw new Error(`Address ${address} is taken`);
    }
    const stored: SimPerson = { ...person };
    this.people.set(person.id, stored);
    this.index(stored);
    const seq = ++this.seq;
    const fields = new Map<string, number>();
    for (const key of [...USER_PROPERTIES, 'manager']) fields.set(key, seq);
    const existing = this.versions.get(person.id);
    if (!existing) this.order.push(person.id);
    this.listed = undefined;
    this.versions.set(person.id, { seq, fields, previousManagerId: null });
    this.reportsIndex = undefined;
    return stored;
  }

  /** Changes people's properties or manager; each changed property is recorded for delta. */
  update(id: string, patch: Partial<Omit<SimPerson, 'id'>>): SimPerson {
    const person = this.people.get(id);
    const version = this.versions.get(id);
    if (!person || !version) throw new Error(`No person ${id}`);
    if (patch.managerId !== undefined && patch.managerId !== null) {
      if (!this.people.has(patch.managerId)) throw new Error(`No manager ${patch.managerId}`);
      for (let at: string | null = patch.managerId; at; at = this.people.get(at)?.managerId ?? null)
        if (at === id) throw new Error('A manager cannot report to their own report');
    }
    this.unindex(person);
    const seq = ++this.seq;
    for (const [key, value] of Object.entries(patch)) {
      const before = (person as unknown as Record<string, unknown>)[key];
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
      if (key === 'managerId') {
        version.previousManagerId = person.managerId;
        version.fields.set('manager', seq);
      } else version.fields.set(key, seq);
      (person as unknown as Record<string, unknown>)[key] = value;
    }
    version.seq = seq;
    this.index(person);
    this.reportsIndex = undefined;
    return person;
  }

  /**
   * Removes a person: `permanent` false is Entra's soft delete (restorable, delta says `changed`),
   * true a hard delete (`deleted`). Their reports keep a dangling manager, as in Entra.
   */
  remove(id: string, permanent = false): void {
    const person = this.people.get(id);
    const version = this.versions.get(id);
    if (!person || !version) throw new Error(`No person ${id}`);
    this.unindex(person);
    this.people.delete(id);
    const seq = ++this.seq;
    version.seq = seq;
    version.removed = { reason: permanent ? 'deleted' : 'changed', seq };
    this.reportsIndex = undefined;
    this.listed = undefined;
  }

  /** Changes after `since`, in change order: present people and tombstones. */
  changedSince(since: number): { id: string; person?: SimPerson; version: Version }[] {
    const out: { id: string; person?: SimPerson; version: Version }[] = [];
    for (const id of this.order) {
      const version = this.versions.get(id)!;
      if (version.seq <= since) continue;
      out.push({ id, person: this.people.get(id), version });
    }
    return out.sort((a, b) => a.version.seq - b.version.seq);
  }

  private index(person: SimPerson): void {
    for (const address of [person.userPrincipalName, person.mail]) {
      if (address) this.byAddress.set(address.toLowerCase(), person.id);
    }
  }

  private unindex(person: SimPerson): void {
    for (const address of [person.userPrincipalName, person.mail]) {
      if (address) this.byAddress.delete(address.toLowerCase());
    }
  }
}
