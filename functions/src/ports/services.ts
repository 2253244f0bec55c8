import type { ApplicationStore } from './applications';
import type { Clock } from './clock';
import type { DirectoryRefresh, DirectorySnapshot } from './directory';
import type { ProgrammeStore } from './programmes';

/**
 * Everything a route handler may reach outside the domain, as ports. Each host (Azure Functions,
 * the local host, tests) builds one of these from its configuration.
 */
export interface Services {
  clock: Clock;
  /** A new unique id for an entity. */
  newId(): string;
  programmes: ProgrammeStore;
  applications: ApplicationStore;
  /** Who reports to whom, as org sync last read it (PRODUCT rule 1 is judged against it). */
  directory: DirectorySnapshot;
  /** Runs an org sync round now (before confirmation and booking judge rule 1). */
  directorySync: DirectoryRefresh;
}
