import type { Programme } from '../../domain/programme/programme';
import { changeStatus as move, type ProgrammeStatus } from '../../domain/programme/programme';
import { ok, type Result, refused } from '../../domain/result';
import type { SessionMover } from '../../ports/sessions';
import type { Versioned } from '../../ports/versioned';
import {
  type ProgrammeAppRefusal,
  type ProgrammeChange,
  type ProgrammeDeps,
  recordAction,
} from './deps';

/**
 * HR moves the programme along its status machine (PRODUCT rule 9). Closing it ends every pair's
 * upcoming sessions through the booking queue (jobs/end-pair.ts); should queuing fail halfway, the
 * booking sweep finishes it — the programme is closed either way.
 */
export async function changeProgrammeStatus(
  deps: ProgrammeDeps & { sessions: Pick<SessionMover, 'endProgramme'> },
  request: ProgrammeChange & { to: ProgrammeStatus },
): Promise<Result<Versioned<Programme>, ProgrammeAppRefusal>> {
  const from = request.programme.status;
  const moved = move(request.programme, request.to, deps.clock.now());
  if (!moved.ok) return refused(moved.reason);
  const stored = await deps.programmes.replace(moved.programme, request.etag);
  await recordAction(deps, request.programme.id, request.by, 'statusChanged', {
    from,
    to: request.to,
  });
  if (request.to === 'closed') await deps.sessions.endProgramme(moved.programme).catch(() => {});
  return ok(stored);
}
