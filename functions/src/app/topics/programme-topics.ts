import type { Application } from '../../domain/application/application';
import type { Programme } from '../../domain/programme/programme';
import { ok, type Result } from '../../domain/result';
import {
  editTopics,
  type ProgrammeTopics,
  seedTopics,
  type TopicsRefusal,
} from '../../domain/topics/programme-topics';
import type { Topic } from '../../domain/topics/vocabulary';
import type { ApplicationStore } from '../../ports/applications';
import type { Clock } from '../../ports/clock';
import type { TopicStore } from '../../ports/topics';
import { AlreadyExistsError, type Versioned } from '../../ports/versioned';

export interface ReadTopicsDeps {
  topics: Pick<TopicStore, 'get' | 'create'>;
  clock: Clock;
}

/**
 * A programme's vocabulary; the first read stores its template's topics (programmes created
 * before vocabularies existed get theirs the same way). Two first reads racing: one stores, the
 * other reads what it stored.
 */
export async function programmeTopics(
  deps: ReadTopicsDeps,
  programme: Pick<Programme, 'id' | 'kind'>,
): Promise<Versioned<ProgrammeTopics>> {
  const stored = await deps.topics.get(programme.id);
  if (stored) return stored;
  try {
    return await deps.topics.create(seedTopics(programme.id, programme.kind, deps.clock.now()));
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const raced = await deps.topics.get(programme.id);
    if (!raced) throw error;
    return raced;
  }
}

/** The topic strings of every application of the programme (wants and offers), one list each. */
export function topicLists(applications: readonly Application[]): string[][] {
  return applications.map((a) => [...a.wants, ...a.offers]);
}

export interface SaveTopicsDeps extends ReadTopicsDeps {
  topics: Pick<TopicStore, 'get' | 'create' | 'replace'>;
  applications: Pick<ApplicationStore, 'listByProgramme'>;
}

/**
 * HR saves the programme's vocabulary (add, rename, synonyms, remove unused; mapping applicants'
 * own words is adding them as a synonym or a topic). Quotes the ETag HR read.
 */
export async function saveProgrammeTopics(
  deps: SaveTopicsDeps,
  request: { programme: Pick<Programme, 'id' | 'kind'>; topics: Topic[]; etag: string; by: string },
): Promise<Result<Versioned<ProgrammeTopics>, TopicsRefusal>> {
  const [current, applications] = await Promise.all([
    programmeTopics(deps, request.programme),
    deps.applications.listByProgramme(request.programme.id),
  ]);
  const edited = editTopics(
    current.value,
    request.topics,
    topicLists(applications.map((a) => a.value)),
    request.by,
    deps.clock.now(),
  );
  if (!edited.ok) return edited;
  return ok(await deps.topics.replace(edited.value, request.etag));
}
