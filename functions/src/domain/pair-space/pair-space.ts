import { type SessionRecord, sessionHeld } from '../booking/booking';
import type { ProgrammeKind } from '../programme/programme';
import { ownsAgendaItem } from './authors';

/**
 * A pair's own space (PRODUCT rules 6–8): what both members bring to the sessions and what each
 * keeps to themself. Agenda items and shared notes belong to both (rule 6: a two-way dialogue);
 * private notes to their author alone; goals to the mentee, with the mentor's comment (rule 7);
 * executive activities to executive programmes (rule 7); feedback to each session, one per member
 * (rule 8). HR and advisors never read any of it — they get aggregates (see `progress`).
 */

export type Role = 'mentor' | 'mentee';

interface EntryBase {
  id: string;
  pairId: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaItem extends EntryBase {
  type: 'agenda';
  /** The session it is for, or null for "any time". */
  sessionIndex: number | null;
  text: string;
  done: boolean;
}

export interface Note extends EntryBase {
  type: 'note';
  /** Shared with the other member, or the author's alone (rule 6). */
  visibility: 'shared' | 'private';
  sessionIndex: number | null;
  text: string;
}

export type GoalHorizon = 'short' | 'long';
export type GoalStatus = 'notStarted' | 'inProgress' | 'achieved' | 'dropped';

export interface Goal extends EntryBase {
  type: 'goal';
  horizon: GoalHorizon;
  title: string;
  description: string;
  /** 0–100. */
  progress: number;
  status: GoalStatus;
  mentorComment: string;
}

export type ActivityKind = 'shadowing' | 'negotiationPractice' | 'visit';

export interface Activity extends EntryBase {
  type: 'activity';
  kind: ActivityKind;
  /** The day it happens, YYYY-MM-DD. */
  date: string;
  description: string;
  outcome: string;
}

export interface Feedback extends EntryBase {
  type: 'feedback';
  sessionIndex: number;
  /** 1–5. */
  rating: number;
  useful: boolean;
  comment: string;
}

/**
 * A member's end-of-programme evaluation (rule 8). Scores are aggregated for HR and advisors;
 * `suggestion` is written for the programme team and read by HR without the author's name.
 */
export interface Evaluation extends EntryBase {
  type: 'evaluation';
  role: Role;
  /** 1–5: how satisfied with the mentoring. */
  satisfaction: number;
  /** 1–5: how far the mentee's goals were reached. */
  goalsReached: number;
  /** 0–10: would recommend the programme to a colleague. */
  recommend: number;
  suggestion: string;
}

export type SpaceEntry = AgendaItem | Note | Goal | Activity | Feedback | Evaluation;

/**
 * Where an entry lives inside its pair's partition. Private notes carry their author in the key
 * and feedback its session and author, so "mine" and "this session's" are key ranges.
 */
export function entryKey(entry: {
  type: SpaceEntry['type'];
  id: string;
  authorId: string;
  visibility?: Note['visibility'];
}): string {
  if (entry.type === 'note' && entry.visibility === 'private') {
    return `note-private-${entry.authorId}-${entry.id}`;
  }
  if (entry.type === 'note') return `note-shared-${entry.id}`;
  if (entry.type === 'evaluation') return `evaluation-${entry.authorId}`;
  return `${entry.type}-${entry.id}`;
}

export function feedbackKey(sessionIndex: number, authorId: string): string {
  return `feedback-${String(sessionIndex).padStart(2, '0')}-${authorId}`;
}

export type Refusal =
  | { code: 'notAuthor' }
  | { code: 'onlyMentee' }
  | { code: 'onlyMentor' }
  | { code: 'notExecutive' }
  | { code: 'noSuchSession'; index: number }
  | { code: 'sessionNotHeld'; index: number; start: string }
  | { code: 'sessionCancelled'; index: number };

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: Refusal };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const no = <T>(reason: Refusal): Outcome<T> => ({ ok: false, reason });

export function roleOf(pair: { mentor: { id: string }; mentee: { id: string } }, personId: string) {
  if (pair.mentor.id === personId) return 'mentor' as const;
  if (pair.mentee.id === personId) return 'mentee' as const;
  return null;
}

interface Context {
  id: string;
  pairId: string;
  authorId: string;
  now: Date;
}

function base({ id, pairId, authorId, now }: Context) {
  const at = now.toISOString();
  return { id, pairId, authorId, createdAt: at, updatedAt: at };
}

/**
 * An agenda item or a note may be for one session: one of the booked series, or of the
 * programme's plan before the series is booked.
 */
export function checkSession(
  index: number | null | undefined,
  sessions: readonly SessionRecord[],
  plannedSessions: number,
): Outcome<true> {
  if (index === null || index === undefined) return ok(true);
  const exists =
    sessions.length > 0 ? sessions.some((s) => s.index === index) : index < plannedSessions;
  return exists ? ok(true) : no({ code: 'noSuchSession', index });
}

/** Either member adds an agenda item, for one session or for any. */
export function newAgendaItem(
  context: Context,
  input: { text: string; sessionIndex?: number | null },
): AgendaItem {
  return {
    ...base(context),
    type: 'agenda',
    sessionIndex: input.sessionIndex ?? null,
    text: input.text,
    done: false,
  };
}

/**
 * The author rewrites their item (either member, Tandem's); either member ticks it done (they hold
 * the session together).
 */
export function editAgendaItem(
  item: AgendaItem,
  personId: string,
  changes: { text?: string; done?: boolean; sessionIndex?: number | null },
  now: Date,
): Outcome<AgendaItem> {
  const rewrites = changes.text !== undefined || changes.sessionIndex !== undefined;
  if (rewrites && !ownsAgendaItem(item, personId)) return no({ code: 'notAuthor' });
  return ok({ ...item, ...changes, updatedAt: now.toISOString() });
}

export function newNote(
  context: Context,
  input: { text: string; visibility: 'shared' | 'private'; sessionIndex?: number | null },
): Note {
  return {
    ...base(context),
    type: 'note',
    visibility: input.visibility,
    sessionIndex: input.sessionIndex ?? null,
    text: input.text,
  };
}

/** A note is edited by its author only; its visibility is fixed when it is written. */
export function editNote(
  note: Note,
  personId: string,
  changes: { text?: string; sessionIndex?: number | null },
  now: Date,
): Outcome<Note> {
  if (note.authorId !== personId) return no({ code: 'notAuthor' });
  return ok({ ...note, ...changes, updatedAt: now.toISOString() });
}

/** Rule 7: the mentee keeps the goals. */
export function newGoal(
  context: Context,
  role: Role,
  input: {
    horizon: GoalHorizon;
    title: string;
    description?: string;
    progress?: number;
    status?: GoalStatus;
  },
): Outcome<Goal> {
  if (role !== 'mentee') return no({ code: 'onlyMentee' });
  const progress = input.progress ?? 0;
  return ok({
    ...base(context),
    type: 'goal',
    horizon: input.horizon,
    title: input.title,
    description: input.description ?? '',
    progress,
    status: input.status ?? statusForProgress(progress),
    mentorComment: '',
  });
}

/** A goal at 100 % is achieved, one under way is in progress, unless the mentee says otherwise. */
function statusForProgress(progress: number): GoalStatus {
  if (progress >= 100) return 'achieved';
  return progress > 0 ? 'inProgress' : 'notStarted';
}

export interface GoalChanges {
  horizon?: GoalHorizon;
  title?: string;
  description?: string;
  progress?: number;
  status?: GoalStatus;
  mentorComment?: string;
}

/** The mentee edits the goal itself; the mentor only comments on it. */
export function editGoal(goal: Goal, role: Role, changes: GoalChanges, now: Date): Outcome<Goal> {
  const { mentorComment, ...own } = changes;
  if (mentorComment !== undefined && role !== 'mentor') return no({ code: 'onlyMentor' });
  if (Object.values(own).some((v) => v !== undefined) && role !== 'mentee') {
    return no({ code: 'onlyMentee' });
  }
  const progress = own.progress ?? goal.progress;
  const status =
    own.status ??
    (own.progress !== undefined && goal.status !== 'dropped'
      ? statusForProgress(progress)
      : goal.status);
  return ok({
    ...goal,
    ...own,
    progress,
    status,
    ...(mentorComment !== undefined ? { mentorComment } : {}),
    updatedAt: now.toISOString(),
  });
}

/** Rule 7: shadowing, negotiation practice and visits belong to executive programmes. */
export function newActivity(
  context: Context,
  programmeKind: ProgrammeKind,
  input: { kind: ActivityKind; date: string; description: string; outcome?: string },
): Outcome<Activity> {
  if (programmeKind !== 'executive') return no({ code: 'notExecutive' });
  return ok({
    ...base(context),
    type: 'activity',
    kind: input.kind,
    date: input.date,
    description: input.description,
    outcome: input.outcome ?? '',
  });
}

export function editActivity(
  activity: Activity,
  personId: string,
  changes: { kind?: ActivityKind; date?: string; description?: string; outcome?: string },
  now: Date,
): Outcome<Activity> {
  if (activity.authorId !== personId) return no({ code: 'notAuthor' });
  return ok({ ...activity, ...changes, updatedAt: now.toISOString() });
}

/**
 * Whoever wrote an agenda item, a note or an activity deletes it (either member, Tandem's agenda
 * items); the mentee their goals.
 */
export function mayDelete(entry: SpaceEntry, personId: string, role: Role): Outcome<true> {
  if (entry.type === 'goal') return role === 'mentee' ? ok(true) : no({ code: 'onlyMentee' });
  const owns =
    entry.type === 'agenda' ? ownsAgendaItem(entry, personId) : entry.authorId === personId;
  return owns ? ok(true) : no({ code: 'notAuthor' });
}

/**
 * Rule 8: feedback on a session once it has started (it cannot be judged before), never on a
 * cancelled one; one per member and session, which they may revise.
 */
export function giveFeedback(
  sessions: readonly SessionRecord[],
  previous: Feedback | undefined,
  context: Omit<Context, 'id'>,
  input: { sessionIndex: number; rating: number; useful: boolean; comment?: string },
): Outcome<Feedback> {
  const session = sessions.find((s) => s.index === input.sessionIndex);
  if (!session) return no({ code: 'noSuchSession', index: input.sessionIndex });
  if (session.status === 'cancelled') {
    return no({ code: 'sessionCancelled', index: input.sessionIndex });
  }
  if (Date.parse(session.start) > context.now.getTime()) {
    return no({ code: 'sessionNotHeld', index: input.sessionIndex, start: session.start });
  }
  const at = context.now.toISOString();
  return ok({
    id: feedbackKey(input.sessionIndex, context.authorId),
    pairId: context.pairId,
    authorId: context.authorId,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    type: 'feedback',
    sessionIndex: input.sessionIndex,
    rating: input.rating,
    useful: input.useful,
    comment: input.comment ?? '',
  });
}

/** One session as a member sees it in the space: when, its state, and whose feedback is in. */
export interface SpaceSession {
  index: number;
  start: string;
  end: string;
  status: 'planned' | 'moved' | 'cancelled';
  /** Started, not cancelled: the session took place (or is taking place). */
  held: boolean;
  myFeedback: Feedback | null;
  /** Whether the other member gave theirs; never what they said. */
  otherGaveFeedback: boolean;
}

export interface SpaceView {
  sessions: SpaceSession[];
  agenda: AgendaItem[];
  sharedNotes: Note[];
  privateNotes: Note[];
  goals: Goal[];
  activities: Activity[] | null;
  /** The viewer's own end-of-programme evaluation. */
  evaluation: Evaluation | null;
}

/**
 * The space as one member sees it: everything both share, and of the private notes only their
 * own (rule 6). In the order things were written, goals short-term first.
 */
export function spaceAsMemberSees(
  viewerId: string,
  otherId: string,
  programmeKind: ProgrammeKind,
  sessions: readonly SessionRecord[],
  entries: readonly SpaceEntry[],
  now: Date,
): SpaceView {
  const sorted = [...entries].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const notes = sorted.filter((e): e is Note => e.type === 'note');
  const goals = sorted.filter((e): e is Goal => e.type === 'goal');
  const feedback = sorted.filter((e): e is Feedback => e.type === 'feedback');
  return {
    sessions: sessions.map((s) => ({
      index: s.index,
      start: s.start,
      end: s.end,
      status: s.status,
      held: sessionHeld(s, now),
      myFeedback:
        feedback.find((f) => f.sessionIndex === s.index && f.authorId === viewerId) ?? null,
      otherGaveFeedback: feedback.some((f) => f.sessionIndex === s.index && f.authorId === otherId),
    })),
    agenda: sorted.filter((e): e is AgendaItem => e.type === 'agenda'),
    sharedNotes: notes.filter((n) => n.visibility === 'shared'),
    privateNotes: notes.filter((n) => n.visibility === 'private' && n.authorId === viewerId),
    goals: [
      ...goals.filter((g) => g.horizon === 'short'),
      ...goals.filter((g) => g.horizon === 'long'),
    ],
    evaluation:
      sorted.find((e): e is Evaluation => e.type === 'evaluation' && e.authorId === viewerId) ??
      null,
    activities:
      programmeKind === 'executive'
        ? sorted.filter((e): e is Activity => e.type === 'activity')
        : null,
  };
}
