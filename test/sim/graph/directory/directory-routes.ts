import { createHash } from 'node:crypto';
import { GraphError, type GraphRequest, type GraphResponse, type GraphRoute } from '../router';
import {
  DEFAULT_USER_PROPERTIES,
  type SimPerson,
  type SimTenant,
  USER_PROPERTIES,
} from '../tenant';
import {
  type Filter,
  filterProperties,
  isAdvancedFilter,
  type ManagerExpand,
  matchesFilter,
  parseFilter,
  parseManagerExpand,
  parseSelect,
} from './odata';

/** Page sizes Graph documents: users 100 by default and up to 999 (user-list.md); 100 at most
 * with `$expand` (known issues); delta pages of users hold up to 200 objects. */
export const USERS_DEFAULT_PAGE = 100;
export const USERS_MAX_PAGE = 999;
export const EXPAND_MAX_PAGE = 100;
export const DELTA_MAX_PAGE = 200;
/** Delta tokens stop working after 7 days (delta-query-overview.md, "Token duration"). */
const DELTA_TOKEN_LIFETIME_MS = 7 * 24 * 3600_000;

const READ_USERS = {
  application: [
    'User.Read.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  delegated: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
};
const READ_MAILBOX_SETTINGS = {
  application: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
};

export interface DirectoryRouteContext {
  tenant: SimTenant;
  /** `https://localhost:port/v1.0`: Graph's links are absolute. */
  serviceRoot(): string;
}

function notFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function unknownProperty(name: string): GraphError {
  return new GraphError(
    400,
    'Request_BadRequest',
    `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
  );
}

function isEventual(request: GraphRequest): boolean {
  return request.headers.consistencylevel?.toLowerCase() === 'eventual';
}

function preferences(request: GraphRequest): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.prefer ?? '').split(',')) {
    const [key, value = ''] = part.split('=').map((s) => s.trim());
    if (key) out.set(key.toLowerCase(), value.replace(/^"|"$/g, ''));
  }
  return out;
}

function checkSelect(select: readonly string[] | undefined, allowed: readonly string[]): void {
  for (const name of select ?? []) if (!allowed.includes(name)) throw unknownProperty(name);
}

function project(
  person: SimPerson,
  select: readonly string[] | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const record = person as unknown as Record<string, unknown>;
  for (const key of select ?? DEFAULT_USER_PROPERTIES) {
    if (key === 'mailboxSettings') out.mailboxSettings = mailboxSettingsOf(person);
    else if (key !== 'manager') out[key] = record[key] ?? (key === 'businessPhones' ? [] : null);
  }
  // Graph always returns the id of an entity, selected or not.
  out.id = person.id;
  return out;
}

function mailboxSettingsOf(person: SimPerson) {
  const language = person.preferredLanguage ?? 'es-ES';
  return {
    timeZone: person.mailboxSettings.timeZone,
    language: { locale: language, displayName: language },
    dateFormat: language.startsWith('en-US') ? 'M/d/yyyy' : 'dd/MM/yyyy',
    timeFormat: 'H:mm',
    workingHours: person.mailboxSettings.workingHours,
  };
}

function withManager(
  tenant: SimTenant,
  person: SimPerson,
  expand: ManagerExpand,
  depth: number,
): Record<string, unknown> | undefined {
  const manager = tenant.manager(person.id);
  if (!manager) return undefined;
  const projected: Record<string, unknown> = {
    '@odata.type': '#microsoft.graph.user',
    ...project(manager, expand.select ?? [...USER_PROPERTIES]),
  };
  const limit = expand.levels === 'max' ? 1000 : (expand.levels ?? 1);
  if (depth < limit) {
    const above = withManager(tenant, manager, expand, depth + 1);
    if (above) projected.manager = above;
  }
  return projected;
}

function context(root: string, what: string): string {
  return `${root}/$metadata#${what}`;
}

/** An opaque, tamper-evident page or delta token carrying the query's state, as Graph's do. */
function encodeToken(state: object): string {
  const json = JSON.stringify(state);
  const mac = createHash('sha256').update(`tandem-sim:${json}`).digest('base64url').slice(0, 12);
  return Buffer.from(`${mac}.${json}`).toString('base64url');
}

function decodeToken<T>(token: string): T {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const dot = text.indexOf('.');
  const json = text.slice(dot + 1);
  const mac = createHash('sha256').update(`tandem-sim:${json}`).digest('base64url').slice(0, 12);
  if (dot < 0 || text.slice(0, dot) !== mac) {
    throw new GraphError(400, 'Request_BadRequest', 'The page or delta token is not valid.');
  }
  return JSON.parse(json) as T;
}

function linkWith(root: string, path: string, request: GraphRequest, set: Record<string, string>) {
  const query = new URLSearchParams(request.query);
  for (const [key, value] of Object.entries(set)) query.set(key, value);
  return `${root}${path}?${query.toString().replace(/%24/g, '$').replace(/%2C/gi, ',')}`;
}

function listUsers(ctx: DirectoryRouteContext, request: GraphRequest): GraphResponse {
  const { query } = request;
  const root = ctx.serviceRoot();
  const select = parseSelect(query.get('$select'));
  checkSelect(select, USER_PROPERTIES);
  const expand = parseManagerExpand(query.get('$expand'));
  if (expand?.levels !== undefined)
    throw new GraphError(400, 'Request_BadRequest', '$levels is only supported on a single user.');
  const filterText = query.get('$filter');
  const filter = filterText ? parseFilter(filterText) : undefined;
  if (filter) for (const p of filterProperties(filter)) checkSelect([p], USER_PROPERTIES);
  const count = query.get('$count');
  const skiptoken = query.get('$skiptoken');
  // Advanced queries need ConsistencyLevel and $count on the first page; later pages carry their
  // state in the token (Graph's clients do not resend the header with a nextLink).
  if (!skiptoken && (count === 'true' || (filter && isAdvancedFilter(filter)))) {
    if (!isEventual(request) || (filter && isAdvancedFilter(filter) && count !== 'true')) {
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        filter && isAdvancedFilter(filter)
          ? `Unsupported or invalid query filter clause specified for this query. Use ConsistencyLevel 'eventual' and $count=true.`
          : '$count is not currently supported.',
      );
    }
  }
  const topText = query.get('$top');
  let top = USERS_DEFAULT_PAGE;
  if (topText !== null) {
    top = Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > USERS_MAX_PAGE) {
      throw new GraphError(
        400,
        'Request_BadRequest',
        `Invalid page size specified: '${topText}'. Must be between 1 and ${USERS_MAX_PAGE} inclusive.`,
      );
    }
  }
  if (expand) top = Math.min(top, EXPAND_MAX_PAGE);
  let people = ctx.tenant.list();
  if (filter) {
    people = people.filter((p) => matchesFilter(filter, p as unknown as Record<string, unknown>));
  }
  const orderBy = query.get('$orderby');
  if (orderBy) {
    const [property = '', direction = 'asc'] = orderBy.trim().split(/\s+/);
    if (!['displayName', 'userPrincipalName'].includes(property)) {
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Sorting by '${property}' is not supported.`,
      );
    }
    const key = property as 'displayName' | 'userPrincipalName';
    people = [...people].sort(
      (a, b) => a[key].localeCompare(b[key], 'en') * (direction === 'desc' ? -1 : 1),
    );
  }
  const offset = skiptoken ? decodeToken<{ offset: number }>(skiptoken).offset : 0;
  const page = people.slice(offset, offset + top);
  const body: Record<string, unknown> = {
    '@odata.context': context(root, select ? `users(${select.join(',')})` : 'users'),
  };
  if (count === 'true') body['@odata.count'] = people.length;
  if (offset + top < people.length) {
    body['@odata.nextLink'] = linkWith(root, '/users', request, {
      $skiptoken: encodeToken({ offset: offset + top }),
    });
  }
  body.value = page.map((person) => {
    const item = project(person, select);
    if (expand) {
      const manager = withManager(ctx.tenant, person, expand, 1);
      if (manager) item.manager = manager;
    }
    return item;
  });
  return { status: 200, body };
}

/**
 * Delta leaves out what was never set: "If the property has never been set before it will not be
 * included in the response at all" (https://learn.microsoft.com/graph/api/user-delta,
 * api-reference/v1.0/api/user-delta.md). The simulator keeps no history of never-set versus
 * cleared, so a null is left out unless it changed in this round (`changed`).
 */
function withoutUnset(
  item: Record<string, unknown>,
  changed: readonly string[],
): Record<string, unknown> {
  for (const [key, value] of Object.entries(item)) {
    if (value === null && !changed.includes(key)) delete item[key];
  }
  return item;
}

interface DeltaState {
  /** full: every present person; changes: what changed after `since`. */
  mode: 'full' | 'changes';
  since: number;
  /** The change number the round started at: later changes wait for the next round. */
  upto: number;
  offset: number;
  select: string[] | null;
  issuedAt: number;
  /** `$filter=id eq '…' or …`: the only people tracked (user-delta.md); null for everyone. */
  ids?: string[] | null;
  /** The tenant's change number when this link was issued (the `lag` quirk serves up to it). */
  asOf?: number;
  /** The page of the round (seeds the `varyingPageSize` quirk). */
  page?: number;
  /** Entries of the previous page to send again (the `replay` quirk). */
  replay?: ReplayedEntry[];
}

interface ReplayedEntry {
  id: string;
  /** The manager removal the entry carried when it was first sent. */
  removedManagerId?: string;
}

const DELTA_SELECTABLE = [...USER_PROPERTIES, 'manager'];
/** "There is a limit of 50 filtered objects" (user-delta.md, "OData query parameters"). */
export const DELTA_FILTER_MAX_IDS = 50;
/** Entries a page sends again in the `replay` quirk. */
const REPLAYED_PER_PAGE = 3;
/** An id the directory never held: the `removedFirstRound` quirk names it in every full round. */
export const NEVER_SEEN_ID = '00000000-0000-4000-8000-0000000dead0';

function unsupported(message: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}

/**
 * The query options user delta takes, as documented: `$expand`, `$top` and `$orderby` "not
 * supported" for users (https://learn.microsoft.com/en-us/graph/delta-query-overview, "Optional
 * query parameters"); `$filter` only as `id eq '…'`, or-ed, up to 50 ids; `$select` on the first
 * request or with a `$deltatoken`, and "Delta queries with both `$select` and `$skipToken` will
 * not be supported" (same page); nothing else (https://learn.microsoft.com/en-us/graph/api/user-delta,
 * "OData query parameters"). `$levels` only lives inside `$expand`, which is refused.
 */
function checkDeltaQuery(query: URLSearchParams): string[] | null {
  for (const option of ['$top', '$expand', '$orderby', '$search', '$count', '$skip', '$levels']) {
    if (query.has(option)) throw unsupported(`${option} is not supported with delta.`);
  }
  if (query.has('$select') && query.has('$skiptoken')) {
    throw unsupported('$select is not supported with $skiptoken on delta.');
  }
  const text = query.get('$filter');
  if (text === null) return null;
  const ids: string[] = [];
  const collect = (filter: Filter): void => {
    if (filter.kind === 'or') {
      collect(filter.left);
      collect(filter.right);
    } else if (
      filter.kind === 'compare' &&
      filter.op === 'eq' &&
      filter.property === 'id' &&
      typeof filter.value === 'string'
    ) {
      ids.push(filter.value);
    } else throw unsupported("Only filters of the form id eq '…' are supported with delta.");
  };
  collect(parseFilter(text));
  if (ids.length > DELTA_FILTER_MAX_IDS) {
    throw unsupported(`At most ${DELTA_FILTER_MAX_IDS} ids may be filtered with delta.`);
  }
  return ids;
}

/** A number in 0 … n-1 drawn from `seed`: the same request gets the same page every time. */
function seeded(seed: string, n: number): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) % n;
}

function delta(ctx: DirectoryRouteContext, request: GraphRequest): GraphResponse {
  const { query, headers } = request;
  const root = ctx.serviceRoot();
  const tenant = ctx.tenant;
  const quirks = tenant.deltaQuirks;
  const ids = checkDeltaQuery(query);
  const now = tenant.now().getTime();
  const deltaToken = query.get('$deltatoken');
  const skipToken = query.get('$skiptoken');
  const selectAsked = parseSelect(query.get('$select')) ?? null;
  checkSelect(selectAsked ?? undefined, DELTA_SELECTABLE);
  let state: DeltaState;
  if (deltaToken === 'latest') {
    const link = encodeToken({
      mode: 'changes',
      since: tenant.changeNumber,
      upto: 0,
      offset: 0,
      select: selectAsked,
      issuedAt: now,
      ids,
      asOf: tenant.changeNumber,
    } satisfies DeltaState);
    return {
      status: 200,
      body: {
        '@odata.context': context(root, 'users'),
        '@odata.deltaLink': `${root}/users/delta?$deltatoken=${link}`,
        value: [],
      },
    };
  }
  if (deltaToken || skipToken) {
    state = decodeToken<DeltaState>((deltaToken ?? skipToken)!);
    if (now - state.issuedAt > DELTA_TOKEN_LIFETIME_MS) {
      // Token duration: seven days for directory objects; expiry is "a 40X-series error with error
      // codes such as syncStateNotFound", or 410 with a Location to restart from
      // (concepts/delta-query-overview.md, "Token duration" and "Synchronization reset").
      if (tenant.deltaExpiry === 'syncStateNotFound') {
        throw new GraphError(400, 'syncStateNotFound', 'The sync state was not found.');
      }
      if (tenant.deltaExpiry === 'resyncRequired') {
        throw new GraphError(400, 'resyncRequired', 'A full resync is required.');
      }
      const restart = `${root}/users/delta${state.select ? `?$select=${state.select.join(',')}` : ''}`;
      throw new GraphError(
        410,
        'resyncRequired',
        'The delta token has expired; start a new round without a token.',
        { Location: restart },
      );
    }
    if (deltaToken) {
      // A delta link starts a new round of changes, from where the last one ended; with `lag`,
      // only the changes made before that link was issued. `$select` with a delta link changes
      // what is tracked (delta-query-overview.md, the note on `$select` and `$deltaLink`).
      const upto = quirks.has('lag')
        ? Math.max(state.since, state.asOf ?? state.since)
        : tenant.changeNumber;
      state = { ...state, upto, offset: 0, page: 0, select: selectAsked ?? state.select };
      if (ids) state.ids = ids;
    }
  } else {
    state = {
      mode: 'full',
      since: 0,
      upto: tenant.changeNumber,
      offset: 0,
      select: selectAsked,
      issuedAt: now,
      ids,
      page: 0,
    };
  }
  const pageSizeWanted = Number(/odata\.maxpagesize=(\d+)/i.exec(headers.prefer ?? '')?.[1]);
  const pageSize = quirks.has('varyingPageSize')
    ? 1 + seeded(`${state.issuedAt}:${state.since}:${state.mode}:${state.page ?? 0}`, 999)
    : Number.isInteger(pageSizeWanted) && pageSizeWanted > 0
      ? Math.min(pageSizeWanted, DELTA_MAX_PAGE)
      : DELTA_MAX_PAGE;
  const minimal = preferences(request).get('return') === 'minimal';
  const wantsManager = state.select?.includes('manager') ?? false;
  const properties = (state.select ?? [...DEFAULT_USER_PROPERTIES]).filter((p) => p !== 'manager');
  const tracked = state.ids ? new Set(state.ids) : undefined;
  const managerOf = (person: SimPerson) =>
    wantsManager && person.managerId
      ? [{ '@odata.type': '#microsoft.graph.user', id: person.managerId }]
      : undefined;

  const value: Record<string, unknown>[] = [];
  const sent: ReplayedEntry[] = [];
  let total: number;
  if (state.mode === 'full') {
    let people = tenant.list();
    if (tracked) people = people.filter((p) => tracked.has(p.id));
    // removedFirstRound: the removed (tombstones) and an id never held come first.
    const removed = quirks.has('removedFirstRound')
      ? [
          ...tenant
            .changedSince(0)
            .filter((c) => !c.person && (!tracked || tracked.has(c.id)))
            .map((c) => c.id),
          NEVER_SEEN_ID,
        ]
      : [];
    total = removed.length + people.length;
    const from = state.offset;
    const to = Math.min(total, state.offset + pageSize);
    for (let at = from; at < to; at++) {
      if (at < removed.length) {
        value.push({ id: removed[at]!, '@removed': { reason: 'deleted' } });
        continue;
      }
      const person = people[at - removed.length]!;
      const item = withoutUnset(project(person, properties), []);
      // No manager: no manager@delta at all (absent means unset).
      const manager = managerOf(person);
      if (manager) item['manager@delta'] = manager;
      value.push(item);
      sent.push({ id: person.id });
    }
  } else {
    const changes = tenant
      .changedSince(state.since)
      .filter((c) => c.version.seq <= state.upto && (!tracked || tracked.has(c.id)));
    total = changes.length;
    for (const change of changes.slice(state.offset, state.offset + pageSize)) {
      const { version, person } = change;
      if (!person || version.removed) {
        value.push({ id: change.id, '@removed': { reason: version.removed?.reason ?? 'deleted' } });
        sent.push({ id: change.id });
        continue;
      }
      const changedFields = properties.filter((p) => (version.fields.get(p) ?? 0) > state.since);
      // A property set to null in this round is sent as null; one never set is left out.
      const item = withoutUnset(
        project(person, minimal ? changedFields : properties),
        changedFields,
      );
      let removedManagerId: string | undefined;
      if (wantsManager && (version.fields.get('manager') ?? 0) > state.since) {
        if (!person.managerId && version.previousManagerId) {
          removedManagerId = version.previousManagerId;
        }
        item['manager@delta'] = person.managerId
          ? managerOf(person)
          : removedManagerId
            ? [
                {
                  '@odata.type': '#microsoft.graph.user',
                  id: removedManagerId,
                  '@removed': { reason: 'deleted' },
                },
              ]
            : [];
      }
      value.push(item);
      sent.push(removedManagerId ? { id: person.id, removedManagerId } : { id: person.id });
    }
  }
  if (quirks.has('replay')) {
    // Sent again after this page's own entries, as they are now — except a manager removal,
    // which comes as it was, even when a newer manager was set since (out of order).
    for (const entry of state.replay ?? []) {
      const person = tenant.findUser(entry.id);
      if (!person || person.id !== entry.id) {
        value.push({ id: entry.id, '@removed': { reason: 'deleted' } });
        continue;
      }
      const item = withoutUnset(project(person, properties), []);
      const manager = entry.removedManagerId
        ? [
            {
              '@odata.type': '#microsoft.graph.user',
              id: entry.removedManagerId,
              '@removed': { reason: 'deleted' },
            },
          ]
        : managerOf(person);
      if (wantsManager && manager) item['manager@delta'] = manager;
      value.push(item);
    }
  }
  const replay = quirks.has('replay') ? sent.slice(-REPLAYED_PER_PAGE) : [];
  const body: Record<string, unknown> = {
    '@odata.context': context(root, state.select ? `users(${state.select.join(',')})` : 'users'),
  };
  const nextOffset = state.offset + pageSize;
  if (nextOffset < total) {
    const next: DeltaState = {
      ...state,
      offset: nextOffset,
      page: (state.page ?? 0) + 1,
      replay,
    };
    body['@odata.nextLink'] = `${root}/users/delta?$skiptoken=${encodeToken(next)}`;
  } else {
    const next: DeltaState = {
      mode: 'changes',
      since: state.upto,
      upto: state.upto,
      offset: 0,
      select: state.select,
      issuedAt: now,
      ids: state.ids ?? null,
      asOf: tenant.changeNumber,
      page: 0,
      replay,
    };
    body['@odata.deltaLink'] = `${root}/users/delta?$deltatoken=${encodeToken(next)}`;
  }
  body.value = value;
  return { status: 200, body };
}

function findOr404(ctx: DirectoryRouteContext, id: string): SimPerson {
  const person = ctx.tenant.findUser(id);
  if (!person) throw notFound(id);
  return person;
}

/** The directory part of Microsoft Graph: users, managers, reports, delta, mailbox settings. */
export function directoryRoutes(ctx: DirectoryRouteContext): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/users',
      permissions: READ_USERS,
      handler: (r) => listUsers(ctx, r),
    },
    {
      method: 'GET',
      pattern: '/users/$count',
      permissions: READ_USERS,
      handler: (request) => {
        if (!isEventual(request)) {
          throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
        }
        return {
          status: 200,
          headers: { 'Content-Type': 'text/plain' },
          body: String(ctx.tenant.size),
        };
      },
    },
    {
      method: 'GET',
      pattern: '/users/delta',
      permissions: READ_USERS,
      handler: (r) => delta(ctx, r),
    },
    {
      method: 'GET',
      pattern: '/users/{id}',
      permissions: READ_USERS,
      handler: (request, { id }) => {
        const person = findOr404(ctx, id!);
        const select = parseSelect(request.query.get('$select'));
        checkSelect(select, [...USER_PROPERTIES, 'mailboxSettings']);
        const expand = parseManagerExpand(request.query.get('$expand'));
        if (expand?.levels !== undefined && !isEventual(request)) {
          throw new GraphError(
            400,
            'Request_BadRequest',
            "$levels requires the header 'ConsistencyLevel: eventual'.",
          );
        }
        const body: Record<string, unknown> = {
          '@odata.context': context(ctx.serviceRoot(), 'users/$entity'),
          ...project(person, select),
        };
        if (expand) {
          const manager = withManager(ctx.tenant, person, expand, 1);
          if (manager) body.manager = manager;
        }
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      pattern: '/users/{id}/manager',
      permissions: READ_USERS,
      handler: (request, { id }) => {
        const person = findOr404(ctx, id!);
        const manager = ctx.tenant.manager(person.id);
        if (!manager) throw notFound('manager');
        const select = parseSelect(request.query.get('$select'));
        checkSelect(select, USER_PROPERTIES);
        return {
          status: 200,
          body: {
            '@odata.context': context(ctx.serviceRoot(), 'directoryObjects/$entity'),
            '@odata.type': '#microsoft.graph.user',
            ...project(manager, select ?? [...USER_PROPERTIES]),
          },
        };
      },
    },
    {
      method: 'GET',
      pattern: '/users/{id}/directReports',
      permissions: READ_USERS,
      handler: (request, { id }) => {
        const person = findOr404(ctx, id!);
        const select = parseSelect(request.query.get('$select'));
        checkSelect(select, USER_PROPERTIES);
        const top = Math.min(Number(request.query.get('$top') ?? USERS_DEFAULT_PAGE) || 100, 999);
        const skiptoken = request.query.get('$skiptoken');
        const offset = skiptoken ? decodeToken<{ offset: number }>(skiptoken).offset : 0;
        const reports = ctx.tenant.directReports(person.id);
        const body: Record<string, unknown> = {
          '@odata.context': context(ctx.serviceRoot(), 'directoryObjects'),
        };
        if (offset + top < reports.length) {
          body['@odata.nextLink'] = linkWith(
            ctx.serviceRoot(),
            `/users/${encodeURIComponent(id!)}/directReports`,
            request,
            { $skiptoken: encodeToken({ offset: offset + top }) },
          );
        }
        body.value = reports.slice(offset, offset + top).map((r) => ({
          '@odata.type': '#microsoft.graph.user',
          ...project(r, select),
        }));
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      pattern: '/users/{id}/mailboxSettings',
      permissions: READ_MAILBOX_SETTINGS,
      mailbox: (p) => p.id!,
      handler: (_request, { id }) => {
        const person = findOr404(ctx, id!);
        return {
          status: 200,
          body: {
            '@odata.context': context(ctx.serviceRoot(), `users('${person.id}')/mailboxSettings`),
            ...mailboxSettingsOf(person),
          },
        };
      },
    },
  ];
}
