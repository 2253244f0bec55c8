import type { Programme } from '../domain/programme/programme';
import type { Versioned } from './versioned';

export interface ProgrammeStore {
  create(programme: Programme): Promise<Versioned<Programme>>;
  get(id: string): Promise<Versioned<Programme> | undefined>;
  list(): Promise<Versioned<Programme>[]>;
  /** Replaces the stored programme only if it still has `etag`; else StaleVersionError. */
  replace(programme: Programme, etag: string): Promise<Versioned<Programme>>;
  /** Deletes the programme only if it still has `etag`; else StaleVersionError. */
  remove(programme: Programme, etag: string): Promise<void>;
}
