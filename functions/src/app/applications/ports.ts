import type { ApplicationStore } from '../../ports/applications';
import type { Clock } from '../../ports/clock';
import type { DirectorySnapshot } from '../../ports/directory';

/** What the application use cases read and write: the store and the clock, nothing else. */
export interface ApplicationDeps {
  applications: Pick<ApplicationStore, 'get' | 'create' | 'replace'>;
  clock: Clock;
}

/** Eligibility by department reads the directory snapshot (never the token or the form). */
export interface SubmitDeps extends ApplicationDeps {
  directory: Pick<DirectorySnapshot, 'get'>;
}
