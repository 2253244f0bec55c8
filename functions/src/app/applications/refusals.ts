import type { ApplicationRefusal } from '../../domain/application/application';

/**
 * Why an application use case said no: the domain's refusals (`ApplicationRefusal`), a second
 * application by the same person, or an application that is not there. Each code has its status
 * and English words in `http/refusals.ts` and a sentence in the tab's `errors.codes.*`.
 */
export type ApplicationAppRefusal =
  | ApplicationRefusal
  | { code: 'alreadyApplied' }
  | { code: 'noApplication' }
  /** Only a mentee the matching left out goes on the waiting list. */
  | { code: 'notLeftOut' }
  /** The programme keeps no waiting list (its `keepsWaitingList` setting is off). */
  | { code: 'noWaitingList' };
