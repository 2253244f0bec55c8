import type { Application } from '../domain/application/application';
import type { Versioned } from './versioned';

/** Applications, one per person and programme. */
export interface ApplicationStore {
  /** Fails with AlreadyExistsError when the person already applied to the programme. */
  create(application: Application): Promise<Versioned<Application>>;
  get(programmeId: string, personId: string): Promise<Versioned<Application> | undefined>;
  listByProgramme(programmeId: string): Promise<Versioned<Application>[]>;
  /** One person's applications to these programmes (point reads, never a table scan). */
  listByPerson(
    personId: string,
    programmeIds: readonly string[],
  ): Promise<Versioned<Application>[]>;
  /** Replaces only if the ETag still matches; else StaleVersionError. */
  replace(application: Application, etag: string): Promise<Versioned<Application>>;
  /** Deletes only if the ETag still matches (a person's erasure); else StaleVersionError. */
  remove(application: Application, etag: string): Promise<void>;
}
