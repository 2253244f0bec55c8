import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns';
import type { SimBusyBlock, SimRecurrence, SimUser } from './organisation';
import { isInMexico, OFFICE_ZONES, type Office, WEEKDAYS } from './places';
import type { SeededRandom } from './random';

const DAY_MS = 86_400_000;
/** Half-hour slots a weekday holds in the shared grid (Madrid's clock, Mexico's evening included). */
const SLOTS_PER_DAY = 64;
const CLIENTS = [
  'Fabrikam',
  'Northwind Traders',
  'Tailspin Toys',
  'Adventure Works',
  'Litware',
  'Wide World Importers',
  'Alpine Ski House',
  'Coho Winery',
  'Fourth Coffee',
  "Margie's Travel",
  'Proseware',
  'Woodgrove Bank',
  'Lamna Healthcare',
  'Trey Research',
  'Relecloud',
  'Bellows College',
];

/** Calendar days are counted from 1970-01-01 (a Thursday): pure dates, no zone involved. */
function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function dayOf(year: number, month: number, date: number): number {
  return Math.floor(Date.UTC(year, month - 1, date) / DAY_MS);
}

/** 0 = Monday … 6 = Sunday. */
function weekdayOf(day: number): number {
  return (day + 3) % 7;
}

function localDay(at: Date, iana: string): number {
  const local = new TZDate(at.getTime(), iana);
  return dayOf(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Easter Sunday (Gregorian, the anonymous algorithm): Semana Santa moves with it. */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, date);
}

function clock(minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${h}:${m}:00`;
}

function minutesOf(graphTime: string): number {
  const [h = '0', m = '0'] = graphTime.split(':');
  return Number(h) * 60 + Number(m);
}

interface Person {
  user: SimUser;
  office: Office;
  zone: string;
  /** Minutes to add to a local time to read it on Madrid's clock, in winter and in summer. */
  toMadrid: readonly [number, number];
  start: number;
  end: number;
  days: Set<number>;
  firstDay: number;
  lastDay: number;
  spanish: boolean;
  /** Weekly half-hours already taken by recurring series, on Madrid's clock. */
  grid: Uint8Array;
}

interface Slot {
  weekday: number;
  /** Minutes after the owner's local midnight. */
  start: number;
}

/**
 * Believable calendars for the six months after `now`: each manager's weekly team meeting and
 * fortnightly 1:1s (shared with their reports), focus time, trainings people leave tentative,
 * remote days, client meetings in Ventas, and holidays (August, Christmas, Semana Santa). People keep
 * recurring meetings as series, so 600 people come to a few thousand blocks.
 */
export function generateBusyCalendars(
  users: readonly SimUser[],
  options: { now: Date; random: SeededRandom },
): SimBusyBlock[] {
  const { now, random } = options;
  const horizon = addMonths(now, 6);
  const windows = new Map<string, [number, number]>();
  const people = new Map<string, Person>();
  for (const user of users) {
    if (!user.accountEnabled || user.userType !== 'Member') continue;
    const office = user.officeLocation as Office;
    const zone = OFFICE_ZONES[office];
    let window = windows.get(zone.iana);
    if (!window) {
      // From the next local day, so no block is already in the past, to the last whole day.
      window = [localDay(now, zone.iana) + 1, localDay(horizon, zone.iana) - 1];
      windows.set(zone.iana, window);
    }
    const { workingHours } = user.mailboxSettings;
    people.set(user.id, {
      user,
      office,
      zone: user.mailboxSettings.timeZone,
      toMadrid: [-zone.offsetToMadrid.winter, -zone.offsetToMadrid.summer],
      start: minutesOf(workingHours.startTime),
      end: minutesOf(workingHours.endTime),
      days: new Set(workingHours.daysOfWeek.map((d) => (WEEKDAYS as readonly string[]).indexOf(d))),
      firstDay: window[0],
      lastDay: window[1],
      spanish: user.preferredLanguage.startsWith('es'),
      grid: new Uint8Array(5 * SLOTS_PER_DAY),
    });
  }
  const reports = new Map<string, Person[]>();
  for (const person of people.values()) {
    const managerId = person.user.managerId;
    if (!managerId || !people.has(managerId)) continue;
    const list = reports.get(managerId) ?? [];
    list.push(person);
    reports.set(managerId, list);
  }

  const blocks: SimBusyBlock[] = [];
  const say = (p: Person, es: string, en: string) => (p.spanish ? es : en);

  /** Grid cells a meeting covers on Madrid's clock, in both seasons (out-of-range ones dropped). */
  function cells(p: Person, slot: Slot, minutes: number): number[] {
    const out: number[] = [];
    for (const shift of new Set(p.toMadrid)) {
      const from = Math.floor((slot.start + shift) / 30);
      const to = Math.ceil((slot.start + minutes + shift) / 30);
      for (let c = from; c < to; c++)
        if (c >= 0 && c < SLOTS_PER_DAY) out.push(slot.weekday * SLOTS_PER_DAY + c);
    }
    return out;
  }

  /** Inside someone's working day, off their lunch hour (14:00–15:00 local). */
  function fits(p: Person, weekday: number, start: number, minutes: number): boolean {
    if (!p.days.has(weekday) || start < p.start || start + minutes > p.end) return false;
    return start + minutes <= 14 * 60 || start >= 15 * 60;
  }

  /** How far a meeting strays from someone's working day, in minutes (0 when it fits). */
  function strays(p: Person, weekday: number, start: number, minutes: number): number {
    if (!p.days.has(weekday)) return 24 * 60;
    if (fits(p, weekday, start, minutes)) return 0;
    const outside = Math.max(0, p.start - start) + Math.max(0, start + minutes - p.end);
    return Math.max(outside, 30);
  }

  /** The attendee's local start for the owner's slot, in Spain's winter and summer. */
  function localStarts(owner: Person, attendee: Person, start: number): number[] {
    return [0, 1].map((s) => start + owner.toMadrid[s]! - attendee.toMadrid[s]!);
  }

  /**
   * A weekly slot for `owner` (and attendees): inside everyone's hours in both seasons and free in
   * everyone's grid when possible; else inside the owner's hours, out of the fewest people's hours,
   * with the fewest clashes.
   */
  function findSlot(
    owner: Person,
    attendees: readonly Person[],
    minutes: number,
    weekdays: readonly number[] = [0, 1, 2, 3, 4],
  ): Slot | undefined {
    let best: Slot[] = [];
    let bestScore = Number.POSITIVE_INFINITY;
    for (const weekday of weekdays) {
      for (let start = owner.start; start + minutes <= owner.end; start += 30) {
        if (!fits(owner, weekday, start, minutes)) continue;
        const slot = { weekday, start };
        let score = 0;
        for (const c of cells(owner, slot, minutes)) score += owner.grid[c]! * 10;
        for (const a of attendees) {
          const starts = localStarts(owner, a, start);
          // Out of someone's hours costs more than any clash, and more the further out it is.
          const out = Math.max(...starts.map((theirs) => strays(a, weekday, theirs, minutes)));
          if (out > 0) score += 1000 + out * 10;
          for (const c of cells(a, { weekday, start: starts[0]! }, minutes))
            score += a.grid[c]! * 10;
        }
        if (score < bestScore) {
          bestScore = score;
          best = [slot];
        } else if (score === bestScore) best.push(slot);
      }
    }
    return best.length > 0 ? random.pick(best) : undefined;
  }

  function occupy(people: readonly Person[], owner: Person, slot: Slot, minutes: number): void {
    for (const p of people) {
      const theirs = { weekday: slot.weekday, start: localStarts(owner, p, slot.start)[0]! };
      for (const c of cells(p, theirs, minutes)) p.grid[c] = 1;
    }
  }

  /** A weekly (or fortnightly) series from the first matching day in the owner's window. */
  function series(
    owner: Person,
    subject: string,
    showAs: SimBusyBlock['showAs'],
    weekdays: readonly number[],
    start: number,
    minutes: number,
    interval: number,
    attendees: readonly Person[] = [],
  ): void {
    let first = owner.firstDay;
    while (!weekdays.includes(weekdayOf(first))) first++;
    if (interval > 1) first += 7 * random.int(0, interval - 1);
    if (first > owner.lastDay) return;
    const recurrence: SimRecurrence = {
      pattern: {
        type: 'weekly',
        interval,
        daysOfWeek: [...weekdays].sort().map((d) => WEEKDAYS[d]!),
        firstDayOfWeek: 'monday',
      },
      range: {
        type: 'endDate',
        startDate: isoDate(first),
        endDate: isoDate(owner.lastDay),
        recurrenceTimeZone: owner.zone,
      },
    };
    blocks.push({
      ownerId: owner.user.id,
      subject,
      showAs,
      start: { dateTime: `${isoDate(first)}T${clock(start)}`, timeZone: owner.zone },
      end: { dateTime: `${isoDate(first)}T${clock(start + minutes)}`, timeZone: owner.zone },
      recurrence,
      ...(attendees.length > 0 ? { attendeeIds: attendees.map((a) => a.user.id) } : {}),
    });
  }

  function single(
    owner: Person,
    subject: string,
    showAs: SimBusyBlock['showAs'],
    day: number,
    start: number,
    minutes: number,
  ): void {
    blocks.push({
      ownerId: owner.user.id,
      subject,
      showAs,
      start: { dateTime: `${isoDate(day)}T${clock(start)}`, timeZone: owner.zone },
      end: { dateTime: `${isoDate(day)}T${clock(start + minutes)}`, timeZone: owner.zone },
    });
  }

  function allDay(owner: Person, subject: string, from: number, toExclusive: number): void {
    const start = Math.max(from, owner.firstDay);
    const end = Math.min(toExclusive, owner.lastDay + 1);
    if (end <= start) return;
    blocks.push({
      ownerId: owner.user.id,
      subject,
      showAs: 'oof',
      start: { dateTime: `${isoDate(start)}T00:00:00`, timeZone: owner.zone },
      end: { dateTime: `${isoDate(end)}T00:00:00`, timeZone: owner.zone },
      isAllDay: true,
    });
  }

  // 1. Each manager's weekly team meeting (the CEO's is the management committee).
  for (const owner of people.values()) {
    const team = reports.get(owner.user.id);
    if (!team) continue;
    const isCeo = owner.user.managerId === null;
    const minutes = isCeo ? 90 : team.length >= 5 ? 60 : 30;
    const slot = findSlot(owner, team, minutes, [0, 1, 2, 3]);
    if (!slot) continue;
    occupy([owner, ...team], owner, slot, minutes);
    const subject = isCeo
      ? say(owner, 'Comité de dirección', 'Management committee')
      : say(owner, 'Reunión semanal de equipo', 'Weekly team meeting');
    series(owner, subject, 'busy', [slot.weekday], slot.start, minutes, 1, team);
  }

  // 2. Fortnightly 1:1s between each manager and each report.
  for (const owner of people.values()) {
    for (const report of reports.get(owner.user.id) ?? []) {
      const slot = findSlot(owner, [report], 30);
      if (!slot) continue;
      occupy([owner, report], owner, slot, 30);
      const subject = `1:1 ${owner.user.givenName} / ${report.user.givenName}`;
      series(owner, subject, 'busy', [slot.weekday], slot.start, 30, 2, [report]);
    }
  }

  for (const person of people.values()) {
    const { user } = person;
    const hasTeam = reports.has(user.id);
    // 3. Focus time, mostly for makers: one series on one or two days a week.
    const focusOdds = user.department === 'Tecnología' ? 0.6 : hasTeam ? 0.15 : 0.25;
    if (random.chance(focusOdds)) {
      const first = findSlot(person, [], 120);
      if (first) {
        const days = [first.weekday];
        if (random.chance(0.5)) {
          const other = (first.weekday + 2) % 5;
          if (fits(person, other, first.start, 120)) days.push(other);
        }
        for (const weekday of days) occupy([person], person, { weekday, start: first.start }, 120);
        series(
          person,
          say(person, 'Tiempo de concentración', 'Focus time'),
          'busy',
          days,
          first.start,
          120,
          1,
        );
      }
    }
    // 4. Trainings and communities people have not committed to: tentative.
    if (random.chance(0.12)) {
      const slot = findSlot(person, [], 60);
      if (slot) {
        occupy([person], person, slot, 60);
        const subject = random.pick(
          person.spanish
            ? ['Comunidad de práctica', 'Formación: inglés', 'Café con el equipo de Datos']
            : ['Community of practice', 'Spanish lessons', 'Lunch and learn'],
        );
        series(person, subject, 'tentative', [slot.weekday], slot.start, 60, 2);
      }
    }
    // 5. A remote day a week for some people in Spain: working elsewhere, not busy.
    if (!isInMexico(person.office) && random.chance(0.1)) {
      const weekday = random.pick([...person.days]);
      series(
        person,
        say(person, 'Teletrabajo', 'Working from home'),
        'workingElsewhere',
        [weekday],
        person.start,
        person.end - person.start,
        1,
      );
    }
    // 6. Client meetings in Ventas: a few single meetings most weeks.
    if (user.department === 'Ventas' && user.managerId !== null) {
      const monday = person.firstDay - weekdayOf(person.firstDay);
      for (let week = monday; week <= person.lastDay; week += 7) {
        const count = random.weighted([
          [0, 35],
          [1, 40],
          [2, 20],
          [3, 5],
        ] as const);
        for (let i = 0; i < count; i++) {
          const weekday = random.pick([...person.days]);
          const day = week + weekday;
          if (day < person.firstDay || day > person.lastDay) continue;
          const minutes = random.pick([60, 90]);
          const latest = Math.max(person.start, person.end - minutes);
          const start = person.start + 30 * random.int(0, Math.floor((latest - person.start) / 30));
          if (!fits(person, weekday, start, minutes)) continue;
          const client = random.pick(CLIENTS);
          const subject = say(person, `Reunión con ${client}`, `Meeting with ${client}`);
          single(person, subject, random.chance(0.15) ? 'tentative' : 'busy', day, start, minutes);
        }
      }
    }
    // 7. Holidays: Spain takes August and Christmas, Mexico Semana Santa, July and Christmas.
    const holiday = say(person, 'Vacaciones', 'Holiday');
    const spain = !isInMexico(person.office);
    for (let year = yearOf(person.firstDay); year <= yearOf(person.lastDay); year++) {
      if (random.chance(0.7)) {
        if (random.chance(0.5)) allDay(person, holiday, dayOf(year, 12, 24), dayOf(year + 1, 1, 1));
        else allDay(person, holiday, dayOf(year, 12, 28), dayOf(year + 1, 1, 7));
      }
      const holyMonday = easter(year) - 6;
      if (random.chance(spain ? 0.4 : 0.6)) allDay(person, holiday, holyMonday, holyMonday + 5);
      if (spain && random.chance(0.8)) {
        const firstMonday = dayOf(year, 8, 1) + ((7 - weekdayOf(dayOf(year, 8, 1))) % 7);
        const from = firstMonday + 7 * random.int(0, 2);
        allDay(person, holiday, from, from + 12);
      }
      if (!spain && random.chance(0.4)) {
        const firstMonday = dayOf(year, 7, 1) + ((7 - weekdayOf(dayOf(year, 7, 1))) % 7);
        const from = firstMonday + 7 * random.int(0, 3);
        allDay(person, holiday, from, from + 5);
      }
    }
    // A long weekend somewhere in the window for a few: a Friday off.
    if (random.chance(0.3)) {
      const friday =
        person.firstDay + ((4 - weekdayOf(person.firstDay) + 7) % 7) + 7 * random.int(0, 20);
      allDay(person, say(person, 'Día de asuntos propios', 'Day off'), friday, friday + 1);
    }
  }
  return blocks;
}
