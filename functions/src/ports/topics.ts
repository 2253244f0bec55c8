import type { ProgrammeTopics } from '../domain/topics/programme-topics';
import type { Versioned } from './versioned';

/** Each programme's topic vocabulary: one versioned row per programme, apart from the programme's. */
export interface TopicStore {
  get(programmeId: string): Promise<Versioned<ProgrammeTopics> | undefined>;
  /** The first vocabulary of a programme; AlreadyExistsError if another request stored it first. */
  create(topics: ProgrammeTopics): Promise<Versioned<ProgrammeTopics>>;
  /** Replaces only if the ETag still matches; else StaleVersionError. */
  replace(topics: ProgrammeTopics, etag: string): Promise<Versioned<ProgrammeTopics>>;
}
