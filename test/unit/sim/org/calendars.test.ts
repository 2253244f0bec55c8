import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIana } from 'windows-iana';
import {
  generateOrganisation,
  type SimBusyBlock,
  type SimDateTime,
  type SimOrganisation,
  type SimUser,
} from '../../../sim/org/organisation';

const WINTER = new Date('2026-11-25T06:00:00Z');
const SUMMER = new Date('2027-06-10T12:00:00Z');
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function ianaOf(zone: string): string {
  return zone.includes('/') ? zone : findIana(zone)[0]!;
}

/** Reads a Graph dateTimeTimeZone as the instant it names (the calendar engine's job, redone). */
function instantOf(at: SimDateTime, date = at.dateTime.slice(0, 10)): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm, ss] = at.dateTime.slice(11, 19).split(':').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, hh, mm, ss, ianaOf(at.timeZone)).getTime();
}

/** Minutes after midnight of 'HH:MM…' (a working-hours time or a dateTime's time part). */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

describe.each([
  ['winter', WINTER],
  ['summer', SUMMER],
])('busy calendars from a %s start', (_season, now) => {
  let org: SimOrganisation;
  let byId: Map<string, SimUser>;
  let busy: SimBusyBlock[];
  beforeAll(() => {
    org = generateOrganisation({ now });
    byId = new Map(org.users.map((u) => [u.id, u]));
    busy = org.busy;
  });

  it('come to a few thousand blocks for 600 people, recurring meetings kept as series', () => {
    expect(busy.length).toBeGreaterThan(1500);
    expect(busy.length).toBeLessThan(12_000);
    expect(busy.filter((b) => b.recurrence).length).toBeGreaterThan(600);
  });

  it('belong to enabled members, in their own mailbox zone, with enabled members attending', () => {
    for (const block of busy) {
      const owner = byId.get(block.ownerId)!;
      expect(owner.accountEnabled && owner.userType === 'Member').toBe(true);
      expect(block.start.timeZone).toBe(owner.mailboxSettings.timeZone);
      expect(block.end.timeZone).toBe(owner.mailboxSettings.timeZone);
      if (block.recurrence)
        expect(block.recurrence.range.recurrenceTimeZone).toBe(owner.mailboxSettings.timeZone);
      for (const id of block.attendeeIds ?? []) {
        const attendee = byId.get(id)!;
        expect(attendee.accountEnabled && attendee.userType === 'Member').toBe(true);
        expect(id).not.toBe(block.ownerId);
      }
    }
  });

  it('stay inside the six months after now, series included', { timeout: 60_000 }, () => {
    const from = now.getTime();
    const to = addMonths(now, 6).getTime();
    for (const block of busy) {
      expect(instantOf(block.start)).toBeGreaterThanOrEqual(from);
      expect(instantOf(block.end)).toBeGreaterThan(instantOf(block.start));
      const lastEnd = block.recurrence
        ? instantOf(block.end, block.recurrence.range.endDate)
        : instantOf(block.end);
      expect(lastEnd).toBeLessThanOrEqual(to);
    }
  });

  it('keep timed blocks inside the owner’s working days and hours, in the owner’s zone', () => {
    for (const block of busy.filter((b) => !b.isAllDay)) {
      const hours = byId.get(block.ownerId)!.mailboxSettings.workingHours;
      const date = block.start.dateTime.slice(0, 10);
      expect(block.end.dateTime.slice(0, 10)).toBe(date);
      expect(minutesOf(block.start.dateTime.slice(11))).toBeGreaterThanOrEqual(
        minutesOf(hours.startTime),
      );
      expect(minutesOf(block.end.dateTime.slice(11))).toBeLessThanOrEqual(minutesOf(hours.endTime));
      expect(hours.daysOfWeek).toContain(weekdayOf(date));
      if (block.recurrence) {
        expect(block.recurrence.pattern.daysOfWeek).toContain(weekdayOf(date));
        expect(block.recurrence.range.startDate).toBe(date);
        expect(block.recurrence.range.endDate >= date).toBe(true);
      }
    }
  });

  it('put shared series inside attendees’ hours on both sides of the DST change, bar a few', {
    timeout: 60_000,
  }, () => {
    // Mexico City keeps one offset all year while Spain moves: a slot that suits both in winter
    // can miss in summer. Cross-ocean teams leave a few people slightly out of hours, never at night.
    let attendances = 0;
    const strays: number[] = [];
    for (const block of busy) {
      if (!block.recurrence || !block.attendeeIds) continue;
      const minutes =
        minutesOf(block.end.dateTime.slice(11)) - minutesOf(block.start.dateTime.slice(11));
      for (const date of [block.recurrence.range.startDate, block.recurrence.range.endDate]) {
        const start = instantOf(block.start, date);
        for (const id of block.attendeeIds) {
          const { timeZone, workingHours } = byId.get(id)!.mailboxSettings;
          const local = new TZDate(start, ianaOf(timeZone));
          const from = local.getHours() * 60 + local.getMinutes();
          const early = minutesOf(workingHours.startTime) - from;
          const late = from + minutes - minutesOf(workingHours.endTime);
          attendances++;
          if (early > 0 || late > 0) strays.push(Math.max(early, late));
        }
      }
    }
    expect(attendances).toBeGreaterThan(1000);
    expect(strays.length / attendances).toBeLessThan(0.03);
    expect(Math.max(0, ...strays)).toBeLessThanOrEqual(180);
  });

  it('mark holidays as whole days out of office', () => {
    const allDay = busy.filter((b) => b.isAllDay);
    expect(allDay.length).toBeGreaterThan(100);
    for (const block of allDay) {
      expect(block.showAs).toBe('oof');
      expect(block.start.dateTime).toMatch(/T00:00:00$/);
      expect(block.end.dateTime).toMatch(/T00:00:00$/);
      expect(block.recurrence ?? null).toBeNull();
    }
  });

  it('give each manager a weekly team meeting and a fortnightly 1:1 with each report', () => {
    const active = org.users.filter((u) => u.accountEnabled && u.userType === 'Member');
    const activeIds = new Set(active.map((u) => u.id));
    let managers = 0;
    for (const manager of active) {
      const team = active.filter((u) => u.managerId === manager.id).map((u) => u.id);
      if (team.length === 0) continue;
      managers++;
      const weekly = busy.filter(
        (b) =>
          b.ownerId === manager.id &&
          b.recurrence?.pattern.interval === 1 &&
          (b.attendeeIds?.length ?? 0) > 0,
      );
      expect(weekly).toHaveLength(1);
      expect([...weekly[0]!.attendeeIds!].sort()).toEqual([...team].sort());
      for (const report of team) {
        const oneToOnes = busy.filter(
          (b) =>
            b.ownerId === manager.id &&
            b.recurrence?.pattern.interval === 2 &&
            b.attendeeIds?.length === 1 &&
            b.attendeeIds[0] === report,
        );
        expect(oneToOnes).toHaveLength(1);
      }
    }
    expect(managers).toBeGreaterThan(50);
    expect(busy.flatMap((b) => b.attendeeIds ?? []).every((id) => activeIds.has(id))).toBe(true);
  });

  it('include client meetings in Ventas, focus time, tentative and remote-work blocks', () => {
    const ventas = busy.filter(
      (b) => !b.recurrence && !b.isAllDay && byId.get(b.ownerId)!.department === 'Ventas',
    );
    expect(ventas.length).toBeGreaterThan(500);
    const shows = new Set(busy.map((b) => b.showAs));
    expect([...shows].sort()).toEqual(['busy', 'oof', 'tentative', 'workingElsewhere']);
    expect(
      busy.some(
        (b) => /Focus|concentración/.test(b.subject) && b.recurrence?.pattern.interval === 1,
      ),
    ).toBe(true);
  });
});

describe('holidays', () => {
  it('fall around Christmas from a winter start and in August from a summer one', () => {
    const winter = generateOrganisation({ now: WINTER }).busy.filter((b) => b.isAllDay);
    const summer = generateOrganisation({ now: SUMMER }).busy.filter((b) => b.isAllDay);
    const starting = (blocks: SimBusyBlock[], prefix: string) =>
      blocks.filter((b) => b.start.dateTime.startsWith(prefix)).length;
    expect(starting(winter, '2026-12-2')).toBeGreaterThan(100);
    expect(starting(summer, '2027-08')).toBeGreaterThan(200);
    expect(starting(summer, '2026-12')).toBe(0);
  });
});
