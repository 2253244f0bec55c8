import type { BusyInterval, BusyStatus } from '../../domain/schedule';

/**
 * getSchedule's `availabilityView`: one digit per `availabilityViewInterval` minutes from the
 * request's start — 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere
 * (https://learn.microsoft.com/graph/api/resources/scheduleinformation, `availabilityView`;
 * https://learn.microsoft.com/graph/api/calendar-getschedule). The interval is 5–1440 minutes.
 */
const DIGITS: Record<string, BusyStatus | undefined> = {
  '1': 'tentative',
  '2': 'busy',
  '3': 'oof',
};

/**
 * The view as the domain's busy intervals (UTC ms). Free and working-elsewhere slots are
 * available; any other symbol is taken as unknown, which blocks the slot.
 */
export function busyFromAvailabilityView(
  availabilityView: string,
  start: Date,
  intervalMinutes: number,
): BusyInterval[] {
  if (!Number.isInteger(intervalMinutes) || intervalMinutes < 5 || intervalMinutes > 1440) {
    throw new RangeError('availabilityViewInterval must be an integer from 5 to 1440');
  }
  const origin = start.getTime();
  if (!Number.isFinite(origin)) throw new RangeError('The view has no readable start');
  const step = intervalMinutes * 60_000;
  const busy: BusyInterval[] = [];
  for (let i = 0; i < availabilityView.length; i++) {
    const digit = availabilityView[i] as string;
    const status = digit === '0' || digit === '4' ? undefined : (DIGITS[digit] ?? 'unknown');
    if (status) busy.push({ start: origin + i * step, end: origin + (i + 1) * step, status });
  }
  return busy;
}
