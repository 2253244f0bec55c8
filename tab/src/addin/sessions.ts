import type { PairSpaceView } from '../../../functions/src/http/contracts';

export type PaneSession = PairSpaceView['sessions'][number];

/** Outlook and Tandem may round an occurrence's start differently: a minute either way matches. */
const SAME_START_MS = 60_000;

/**
 * Which of the pair's sessions the open calendar item is (the occurrence starting when the item
 * starts), and that one with the next `count` still to come, cancelled ones left out (PRODUCT rule 5: a cancelled
 * session stays in the series but is not met).
 */
export function sessionsForPane(
  sessions: readonly PaneSession[],
  itemStart: Date | undefined,
  now: Date,
  count = 3,
): { current?: PaneSession; upcoming: PaneSession[] } {
  const live = sessions.filter((s) => s.status !== 'cancelled');
  const current = itemStart
    ? live.find((s) => Math.abs(Date.parse(s.start) - itemStart.getTime()) <= SAME_START_MS)
    : undefined;
  const byStart = (a: PaneSession, b: PaneSession) => Date.parse(a.start) - Date.parse(b.start);
  const next = live
    .filter((s) => Date.parse(s.end) > now.getTime() && s !== current)
    .sort(byStart)
    .slice(0, count);
  return { current, upcoming: (current ? [current, ...next] : next).sort(byStart) };
}
