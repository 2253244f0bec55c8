import type { ZodType } from 'zod';
import { evaluate, evaluationOpen } from '../../domain/evaluation/evaluation';
import type { Pair } from '../../domain/pair/pair';
import { pairAsMemberSees } from '../../domain/pair/pair';
import {
  type Activity,
  type AgendaItem,
  checkSession,
  type Evaluation,
  editActivity,
  editAgendaItem,
  editGoal,
  editNote,
  entryKey,
  type Feedback,
  feedbackKey,
  type Goal,
  giveFeedback,
  mayDelete,
  type Note,
  newActivity,
  newAgendaItem,
  newGoal,
  newNote,
  type Outcome,
  type Role,
  roleOf,
  type SpaceEntry,
  spaceAsMemberSees,
} from '../../domain/pair-space/pair-space';
import type { Services } from '../../ports/services';
import { AlreadyExistsError, type Versioned } from '../../ports/versioned';
import type { Principal } from '../auth';
import type { PairSpaceView } from '../contracts';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { HttpProblem } from '../problems';
import { refuse, settled } from '../refusals';
import { type AnyRoute, defineRoute } from '../route';
import { conditionalWrite, savedResponse } from './versioned';

/** A member of the pair, with their role in it. Anyone else — HR and advisors included — gets 404. */
async function asMember(services: Services, principal: Principal | null, pairId: string) {
  const found = await services.pairs.get(pairId);
  const role = found ? roleOf(found.value, principal!.id) : null;
  if (!found || !role) throw new HttpProblem(404, 'No such pair.');
  return { pair: found.value, role, me: principal!.id };
}

const what: Record<SpaceEntry['type'], string> = {
  agenda: 'The agenda item',
  note: 'The note',
  goal: 'The goal',
  activity: 'The activity',
  feedback: 'Your feedback',
  evaluation: 'Your evaluation',
};

/**
 * An entry of the pair by id. A private note is found only by its author: to anyone else it does
 * not exist (404), exactly like an id that was never used.
 */
async function findEntry<T extends SpaceEntry>(
  services: Services,
  pairId: string,
  type: T['type'],
  id: string,
  me: string,
): Promise<Versioned<T>> {
  const keys =
    type === 'note'
      ? [
          entryKey({ type: 'note', id, authorId: me, visibility: 'shared' }),
          entryKey({ type: 'note', id, authorId: me, visibility: 'private' }),
        ]
      : [entryKey({ type, id, authorId: me })];
  for (const key of keys) {
    const found = await services.pairSpace.get(pairId, key);
    if (found && found.value.type === type) return found as Versioned<T>;
  }
  throw new HttpProblem(404, `${what[type]} does not exist (or was deleted).`);
}

/** Who writes a new entry, in which pair, when, under which new id. */
function newEntry(services: Services, pair: Pair, me: string) {
  return { id: services.newId(), pairId: pair.id, authorId: me, now: services.clock.now() };
}

/** Refuses an item for a session the pair does not have (404 noSuchSession). */
async function sessionOf(services: Services, pair: Pair, index: number | null | undefined) {
  if (index === null || index === undefined) return;
  const [booking, programme] = await Promise.all([
    services.bookings.get(pair.id),
    services.programmes.get(pair.programmeId),
  ]);
  settled(
    checkSession(index, booking?.value.sessions ?? [], programme?.value.plannedSessions ?? 0),
  );
}

async function created(services: Services, entry: SpaceEntry, pairId: string) {
  const stored = await services.pairSpace.create(entry);
  const response = savedResponse(stored, 201);
  return { ...response, headers: { ...response.headers, location: `/api/pairs/${pairId}` } };
}

async function replaced(services: Services, entry: SpaceEntry, etag: string) {
  return savedResponse(
    await conditionalWrite(() => services.pairSpace.replace(entry, etag), what[entry.type]),
  );
}

type EditEntryEndpoint = 'edit-agenda-item' | 'edit-note' | 'edit-goal' | 'edit-activity';
type DeleteEntryEndpoint = 'delete-agenda-item' | 'delete-note' | 'delete-goal' | 'delete-activity';

/** Edit and delete routes for one kind of entry, all shaped alike. */
function entryRoutes<T extends AgendaItem | Note | Goal | Activity, C>(
  type: T['type'],
  names: { edit: EditEntryEndpoint; delete: DeleteEntryEndpoint },
  edit: (entry: T, member: { me: string; role: Role }, changes: C, now: Date) => Outcome<T>,
): AnyRoute[] {
  const editHeader = endpoint(names.edit);
  return [
    defineRoute({
      ...editHeader,
      access: 'employee',
      request: { ...editHeader.request, body: editHeader.request.body as unknown as ZodType<C> },
      handler: async ({ principal, services, params, body, headers }) => {
        const member = await asMember(services, principal, params.pairId);
        const etag = ifMatch(headers);
        const current = await findEntry<T>(
          services,
          params.pairId,
          type,
          params.entryId,
          member.me,
        );
        const index = (body as { sessionIndex?: number | null }).sessionIndex;
        await sessionOf(services, member.pair, index);
        const next = settled(edit(current.value, member, body, services.clock.now()));
        return replaced(services, next, etag);
      },
    }),
    defineRoute({
      ...endpoint(names.delete),
      access: 'employee',
      handler: async ({ principal, services, params, headers }) => {
        const member = await asMember(services, principal, params.pairId);
        const etag = ifMatch(headers);
        const current = await findEntry<T>(
          services,
          params.pairId,
          type,
          params.entryId,
          member.me,
        );
        settled(mayDelete(current.value, member.me, member.role));
        await conditionalWrite(() => services.pairSpace.remove(current.value, etag), what[type]);
        return { status: 204 };
      },
    }),
  ];
}

async function programmeKindOf(services: Services, pair: Pair) {
  const programme = await services.programmes.get(pair.programmeId);
  return programme?.value.kind ?? 'classic';
}

/**
 * The pair's space (PRODUCT rules 6–8): agenda, shared and private notes, the mentee's goals,
 * executive activities and feedback after each session. Members only — HR and advisors follow
 * programmes through aggregates and never read any of this.
 */
export const pairSpaceRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('get-pair-space'),
    access: 'employee',
    handler: async ({ principal, services, params }) => {
      const { pair, me } = await asMember(services, principal, params.pairId);
      const [programme, booking, entries] = await Promise.all([
        services.programmes.get(pair.programmeId),
        services.bookings.get(pair.id),
        services.pairSpace.list(pair.id),
      ]);
      const kind = programme?.value.kind ?? 'classic';
      const other = pair.mentor.id === me ? pair.mentee.id : pair.mentor.id;
      const etags = new Map(entries.map((e) => [e.value, e.etag]));
      const tag = <T extends SpaceEntry>(entry: T) => ({ ...entry, etag: etags.get(entry)! });
      const space = spaceAsMemberSees(
        me,
        other,
        kind,
        booking?.value.sessions ?? [],
        entries.map((e) => e.value),
        services.clock.now(),
      );
      const view: PairSpaceView = {
        pair: { ...pairAsMemberSees(pair, me), programmeKind: kind },
        ended: booking?.value.status === 'ended' || programme?.value.status === 'closed',
        joinUrl: booking?.value.joinUrl ?? null,
        sessions: space.sessions.map((s) => ({
          ...s,
          myFeedback: s.myFeedback ? tag(s.myFeedback) : null,
        })),
        agenda: space.agenda.map(tag),
        sharedNotes: space.sharedNotes.map(tag),
        privateNotes: space.privateNotes.map(tag),
        goals: space.goals.map(tag),
        activities: space.activities?.map(tag) ?? null,
        evaluation: {
          open: evaluationOpen(
            programme?.value.status ?? 'running',
            booking?.value,
            services.clock.now(),
          ),
          mine: space.evaluation ? tag(space.evaluation) : null,
        },
      };
      return { body: view };
    },
  }),
  defineRoute({
    ...endpoint('add-agenda-item'),
    access: 'employee',
    handler: async ({ principal, services, params, body }) => {
      const { pair, me } = await asMember(services, principal, params.pairId);
      const context = newEntry(services, pair, me);
      await sessionOf(services, pair, body.sessionIndex);
      return created(services, newAgendaItem(context, body), pair.id);
    },
  }),
  ...entryRoutes<AgendaItem, { text?: string; done?: boolean; sessionIndex?: number | null }>(
    'agenda',
    { edit: 'edit-agenda-item', delete: 'delete-agenda-item' },
    (item, { me }, changes, now) => editAgendaItem(item, me, changes, now),
  ),
  defineRoute({
    ...endpoint('add-note'),
    access: 'employee',
    handler: async ({ principal, services, params, body }) => {
      const { pair, me } = await asMember(services, principal, params.pairId);
      const context = newEntry(services, pair, me);
      await sessionOf(services, pair, body.sessionIndex);
      return created(services, newNote(context, body), pair.id);
    },
  }),
  ...entryRoutes<Note, { text?: string; sessionIndex?: number | null }>(
    'note',
    { edit: 'edit-note', delete: 'delete-note' },
    (note, { me }, changes, now) => editNote(note, me, changes, now),
  ),
  defineRoute({
    ...endpoint('add-goal'),
    access: 'employee',
    handler: async ({ principal, services, params, body }) => {
      const { pair, me, role } = await asMember(services, principal, params.pairId);
      const context = newEntry(services, pair, me);
      return created(services, settled(newGoal(context, role, body)), pair.id);
    },
  }),
  ...entryRoutes<Goal, import('../../domain/pair-space/pair-space').GoalChanges>(
    'goal',
    { edit: 'edit-goal', delete: 'delete-goal' },
    (goal, { role }, changes, now) => editGoal(goal, role, changes, now),
  ),
  defineRoute({
    ...endpoint('add-activity'),
    access: 'employee',
    handler: async ({ principal, services, params, body }) => {
      const { pair, me } = await asMember(services, principal, params.pairId);
      const kind = await programmeKindOf(services, pair);
      const context = newEntry(services, pair, me);
      return created(services, settled(newActivity(context, kind, body)), pair.id);
    },
  }),
  ...entryRoutes<Activity, Parameters<typeof editActivity>[2]>(
    'activity',
    { edit: 'edit-activity', delete: 'delete-activity' },
    (activity, { me }, changes, now) => editActivity(activity, me, changes, now),
  ),
  defineRoute({
    ...endpoint('give-feedback'),
    access: 'employee',
    handler: async ({ principal, services, params, body, headers }) => {
      const { pair, me } = await asMember(services, principal, params.pairId);
      const [booking, previous] = await Promise.all([
        services.bookings.get(pair.id),
        services.pairSpace.get(pair.id, feedbackKey(params.index, me)),
      ]);
      const feedback = settled(
        giveFeedback(
          booking?.value.sessions ?? [],
          previous?.value as Feedback | undefined,
          { pairId: pair.id, authorId: me, now: services.clock.now() },
          { sessionIndex: params.index, ...body },
        ),
      );
      return upsert(services, feedback, previous, headers);
    },
  }),
  defineRoute({
    ...endpoint('evaluate-programme'),
    access: 'employee',
    handler: async ({ principal, services, params, body, headers }) => {
      const { pair, me, role } = await asMember(services, principal, params.pairId);
      const [programme, booking, previous] = await Promise.all([
        services.programmes.get(pair.programmeId),
        services.bookings.get(pair.id),
        services.pairSpace.get(pair.id, entryKey({ type: 'evaluation', id: '', authorId: me })),
      ]);
      const now = services.clock.now();
      const open = evaluationOpen(programme?.value.status ?? 'running', booking?.value, now);
      const outcome = evaluate(
        open,
        previous?.value as Evaluation | undefined,
        { pairId: pair.id, authorId: me, role, now },
        body,
      );
      if (!outcome.ok) {
        refuse(outcome.reason);
      }
      return upsert(services, outcome.value, previous, headers);
    },
  }),
];

/** A first answer is created; a revision quotes the ETag of the answer it revises. */
async function upsert(
  services: Services,
  entry: Feedback | Evaluation,
  previous: Versioned<SpaceEntry> | undefined,
  headers: { get(name: string): string | null },
) {
  if (!previous) {
    try {
      return savedResponse(await services.pairSpace.create(entry), 201);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      throw new HttpProblem(
        412,
        `${what[entry.type]} changed since you read it. Reload and try again.`,
      );
    }
  }
  return replaced(services, entry, ifMatch(headers));
}
