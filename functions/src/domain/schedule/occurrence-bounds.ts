import { DAY, splitWall, ZoneClock } from './time-zone';

/**
 * Where one session of a series may move. Outlook refuses an occurrence moved "to or before the
 * day of the previous occurrence" or "to or after the day of the following occurrence" (400
 * `ErrorOccurrenceCrossingBoundary`, https://learn.microsoft.com/graph/api/event-update, Response).
 * Days are counted in the series' recurrence zone. The page does not say whether a cancelled
 * neighbour still bounds the move; it is counted here (at its original time), which is legal
 * either way. A neighbour moved earlier bounds at its new time.
 *
 * Returns the instants a moved session must start at or after (`notBefore`) and end by
 * (`notAfter`); absent for the first and last sessions' open side.
 */
export function occurrenceBounds(
  sessions: readonly { index: number; start: string }[],
  index: number,
  recurrenceZone: string,
): { notBefore?: string; notAfter?: string } {
  const ordered = [...sessions].sort((a, b) => a.index - b.index);
  const at = ordered.findIndex((s) => s.index === index);
  if (at < 0) return {};
  const previous = ordered[at - 1];
  const next = ordered[at + 1];
  const instants = ordered.map((s) => Date.parse(s.start));
  const clock = new ZoneClock(
    recurrenceZone,
    Math.min(...instants) - 3 * DAY,
    Math.max(...instants) + 3 * DAY,
  );
  const dayOf = (iso: string) => splitWall(clock.toWall(Date.parse(iso))).day;
  const out: { notBefore?: string; notAfter?: string } = {};
  if (previous)
    out.notBefore = new Date(clock.toUtc((dayOf(previous.start) + 1) * DAY)).toISOString();
  if (next) out.notAfter = new Date(clock.toUtc(dayOf(next.start) * DAY)).toISOString();
  return out;
}
