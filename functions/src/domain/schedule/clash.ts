import {
  type BusyStatus,
  busyOverlapping,
  DAYS_OF_WEEK,
  type DayOfWeek,
  isBusy,
  isInsideWorkingHours,
  type LocalTime,
  localTime,
  type Participant,
  type Role,
} from './participant';
import { formatMinutes } from './time-zone';

/** Why one person cannot make one session. */
export type Clash =
  | {
      role: Role;
      personId: string;
      kind: 'outsideWorkingHours';
      /** The session on the clock of the person's working hours. */
      local: LocalTime;
      workingHours: { daysOfWeek: DayOfWeek[]; start: string; end: string; timeZone: string };
    }
  | {
      role: Role;
      personId: string;
      kind: 'busy';
      busy: { start: string; end: string; status: BusyStatus }[];
    };

/** The two people of a pair, mentee first. */
export type Pair = readonly [Participant, Participant];

const OUTSIDE = 1;
const BUSY = 2;
export const OUTSIDE_MASK = OUTSIDE | (OUTSIDE << 2);

/** Clash flags for [start, end): bit 0/1 mentee outside hours/busy, bit 2/3 the same for the mentor. */
export function clashBits(pair: Pair, start: number, end: number): number {
  let bits = 0;
  for (let i = 0; i < 2; i++) {
    const person = pair[i] as Participant;
    if (!isInsideWorkingHours(person, start, end)) bits |= OUTSIDE << (2 * i);
    if (isBusy(person, start, end)) bits |= BUSY << (2 * i);
  }
  return bits;
}

/** Number of clashes a flag set stands for (a person both outside hours and busy counts twice). */
export function countClashes(bits: number): number {
  return (bits & 1) + ((bits >> 1) & 1) + ((bits >> 2) & 1) + ((bits >> 3) & 1);
}

/** The working hours of a person, as shown in a clash or refusal. */
export function describeWorkingHours(person: Participant): {
  daysOfWeek: DayOfWeek[];
  start: string;
  end: string;
  timeZone: string;
} {
  return {
    daysOfWeek: DAYS_OF_WEEK.filter((_, i) => person.days.has(i)),
    start: formatMinutes(person.startMinute),
    end: formatMinutes(person.endMinute === 1440 ? 0 : person.endMinute),
    timeZone: person.hoursZone.iana,
  };
}

/** Every clash of [start, end), mentee first, working hours before busy. */
export function explainClashes(pair: Pair, start: number, end: number): Clash[] {
  const clashes: Clash[] = [];
  for (const person of pair) {
    if (!isInsideWorkingHours(person, start, end)) {
      clashes.push({
        role: person.role,
        personId: person.id,
        kind: 'outsideWorkingHours',
        local: localTime(person.hoursClock, start, end),
        workingHours: describeWorkingHours(person),
      });
    }
    if (isBusy(person, start, end)) {
      clashes.push({
        role: person.role,
        personId: person.id,
        kind: 'busy',
        busy: busyOverlapping(person, start, end).map((b) => ({
          start: new Date(b.start).toISOString(),
          end: new Date(b.end).toISOString(),
          status: b.status,
        })),
      });
    }
  }
  return clashes;
}
