import type { Reason } from '../../domain/matching/score';
import type { MatchingRefusal } from '../../domain/matching-run/matching-run';
import type { ProgrammeStatus } from '../../domain/programme/programme';

/** One proposal confirmation could not turn into a pair, and why (in the matcher's words). */
export interface RefusedProposal {
  proposalId: string;
  code: string;
  reason: Reason;
}

/**
 * Why HR's matching said no, beyond the domain's own refusals (`MatchingRefusal`): the stage the
 * programme is in, a matching not run yet, the directory unreadable at confirmation, or nothing
 * (left) to confirm. Each code has its status and English words in `http/refusals.ts`.
 */
export type MatchingAppRefusal =
  | MatchingRefusal
  | { code: 'notMatching'; programmeStatus: ProgrammeStatus }
  | { code: 'noMatching' }
  | { code: 'directoryUnavailable' }
  | { code: 'nothingToConfirm' }
  /** Every proposal named was refused: the first one's reason is the answer's. */
  | {
      code: 'noneConfirmed';
      refused: [RefusedProposal, ...RefusedProposal[]];
      programmeStatus: ProgrammeStatus;
    };
