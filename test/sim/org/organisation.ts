import type { SignInPerson } from '../entra/issuer';
import { generateBusyCalendars } from './calendars';
import {
  ADVISOR_DEPARTMENT,
  buildOrgShape,
  type Department,
  type OrgNode,
  type OrgShape,
} from './hierarchy';
import { type Gender, NAME_POOLS, type NameOrigin } from './names';
import {
  graphTimeOfDay,
  isInMexico,
  LANGUAGE_DISPLAY_NAMES,
  OFFICE_WEIGHTS,
  OFFICE_ZONES,
  type Office,
  type PreferredLanguage,
  WEEKDAYS,
  type Weekday,
} from './places';
import { SeededRandom, seededGuid } from './random';
import { STARTER_PEOPLE } from './starter-people';
import { STORY_PEOPLE } from './story-people';
import { jobTitleFor } from './titles';

export const TENANT_DOMAIN = 'contosoiberica.onmicrosoft.com';
export const DEFAULT_SEED = 20260301;
export const DEFAULT_PEOPLE = 600;

/** A user as Microsoft Graph shows it (property names exactly), plus the manager link. */
export interface SimUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  mail: string;
  userPrincipalName: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  preferredLanguage: PreferredLanguage;
  accountEnabled: boolean;
  managerId: string | null;
  usageLocation: string;
  userType: 'Member' | 'Guest';
  mailboxSettings: {
    /** Windows ('Romance Standard Time') or IANA ('Europe/Madrid'), as the admin chose. */
    timeZone: string;
    language: { locale: string; displayName: string };
    workingHours: {
      daysOfWeek: string[];
      /** 'HH:MM:SS.0000000' */
      startTime: string;
      endTime: string;
      timeZone: { name: string };
    };
  };
  /** Tandem's app roles assigned to this person in Entra. */
  appRoles: string[];
}

/** Graph's dateTimeTimeZone: a wall-clock time and the zone it is read in. */
export interface SimDateTime {
  dateTime: string;
  timeZone: string;
}

export interface SimRecurrence {
  pattern: { type: 'weekly'; interval: number; daysOfWeek: string[]; firstDayOfWeek: 'monday' };
  range: { type: 'endDate'; startDate: string; endDate: string; recurrenceTimeZone: string };
}

/** One event in someone's calendar: what the calendar engine loads before the demo starts. */
export interface SimBusyBlock {
  ownerId: string;
  subject: string;
  showAs: 'busy' | 'tentative' | 'oof' | 'workingElsewhere';
  /** In the owner's mailbox time zone. */
  start: SimDateTime;
  end: SimDateTime;
  isAllDay?: boolean;
  recurrence?: SimRecurrence | null;
  /** Shared meetings: the event also stands in each of these people's calendars. */
  attendeeIds?: string[];
}

export interface SimOrganisation {
  tenantDomain: string;
  /** Level by level from the CEO, a stable order. */
  users: SimUser[];
  /** Busy calendars for the six months after `now`; empty when calendars are off. */
  busy: SimBusyBlock[];
}

export interface OrganisationOptions {
  seed?: number;
  people?: number;
  /** Calendars start the day after `now` (in each owner's zone) and run six months. */
  now: Date;
  /** Benchmarks with 100,000 people skip calendars. Default true. */
  calendars?: boolean;
}

/** How the fixed people of the demo look beyond what the sign-in list records. */
interface FixedDetails {
  person: SignInPerson;
  gender: Gender;
  givenName: string;
  surname: string;
  office: Office;
  language: PreferredLanguage;
  timeZone: string;
  userType: 'Member' | 'Guest';
}

const [LUCIA_FERNANDEZ, ELENA_RIVAS, MARTA_GIL, JAMES_WHITAKER] = STARTER_PEOPLE as [
  SignInPerson,
  SignInPerson,
  SignInPerson,
  SignInPerson,
];
const [JAVIER_ORTEGA, RAUL_PRIETO, LUCIA_GOMEZ] = STORY_PEOPLE as [
  SignInPerson,
  SignInPerson,
  SignInPerson,
];

function fixed(
  person: SignInPerson,
  gender: Gender,
  office: Office,
  language: PreferredLanguage,
  timeZone: string,
  userType: 'Member' | 'Guest' = 'Member',
): FixedDetails {
  const [givenName = '', ...rest] = person.displayName.split(' ');
  return {
    person,
    gender,
    givenName,
    surname: rest.join(' '),
    office,
    language,
    timeZone,
    userType,
  };
}

/** Which tree positions the starter and story people take (PRODUCT's demo needs them there). */
function placeFixedPeople(shape: OrgShape): Map<number, FixedDetails> {
  const { nodes, directors } = shape;
  const isLeaf = (i: number) => nodes[i]!.children.length === 0;
  const placed = new Map<number, FixedDetails>();
  const personasDirector = nodes[directors.Personas]!;
  const lucia =
    personasDirector.children.find((c) => !isLeaf(c)) ??
    personasDirector.children.find((c) => c !== shape.advisor)!;
  placed.set(lucia, fixed(LUCIA_FERNANDEZ, 'f', 'Madrid', 'es-ES', 'Romance Standard Time'));
  placed.set(shape.advisor, fixed(ELENA_RIVAS, 'f', 'Madrid', 'es-ES', 'Europe/Madrid', 'Guest'));
  placed.set(
    directors.Ventas,
    fixed(JAMES_WHITAKER, 'm', 'Madrid', 'en-GB', 'Romance Standard Time'),
  );
  // Marta is an individual contributor at the bottom of Tecnología.
  const inTechnology = subtree(nodes, directors.Tecnología).filter(isLeaf);
  const deepest = Math.max(...inTechnology.map((i) => nodes[i]!.level));
  const marta = inTechnology.find((i) => nodes[i]!.level === deepest)!;
  placed.set(marta, fixed(MARTA_GIL, 'f', 'Madrid', 'es-ES', 'Europe/Madrid'));
  const javier = directors.Marketing;
  const raul = nodes[javier]!.children.find((c) => !isLeaf(c) && nodes[c]!.children.some(isLeaf));
  placed.set(javier, fixed(JAVIER_ORTEGA, 'm', 'Madrid', 'es-ES', 'Romance Standard Time'));
  if (raul !== undefined) {
    const luciaGomez = nodes[raul]!.children.find(isLeaf)!;
    placed.set(raul, fixed(RAUL_PRIETO, 'm', 'Madrid', 'es-ES', 'Europe/Madrid'));
    placed.set(luciaGomez, fixed(LUCIA_GOMEZ, 'f', 'Barcelona', 'es-ES', 'Romance Standard Time'));
  }
  return placed;
}

function subtree(nodes: readonly OrgNode[], root: number): number[] {
  const out = [root];
  for (let at = 0; at < out.length; at++) out.push(...nodes[out[at]!]!.children);
  return out;
}

/** ASCII for addresses: accents dropped, ñ → n, anything else removed (O'Brien → obrien). */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Hands out `given.surname` addresses, numbering clashes (maria.garcia, maria.garcia2, …). */
export class AddressBook {
  private readonly taken = new Map<string, number>();

  reserve(userPrincipalName: string): void {
    this.taken.set(userPrincipalName.split('@')[0]!.toLowerCase(), 1);
  }

  allocate(givenName: string, surname: string): string {
    const firstSurname = surname.split(' ')[0] ?? surname;
    const base = `${asciiFold(givenName)}.${asciiFold(firstSurname)}`;
    let count = (this.taken.get(base) ?? 0) + 1;
    let local = count === 1 ? base : `${base}${count}`;
    // A numbered address may itself be someone's bare one (rare): skip to a free number.
    while (count > 1 && this.taken.has(local)) local = `${base}${++count}`;
    this.taken.set(base, count);
    if (local !== base) this.taken.set(local, 1);
    return `${local}@${TENANT_DOMAIN}`;
  }
}

/** Offices follow teams: a sub-tree mostly sits together, with some people elsewhere. */
function assignOffices(
  random: SeededRandom,
  shape: OrgShape,
  placed: Map<number, FixedDetails>,
): Office[] {
  const offices: Office[] = [];
  const mexicoHeavy: (readonly [Office, number])[] = OFFICE_WEIGHTS.map(([office, weight]) => [
    office,
    office === 'Ciudad de México' ? weight * 1.6 : weight,
  ]);
  for (const node of shape.nodes) {
    const fixedOffice = placed.get(node.index)?.office;
    let office: Office;
    if (fixedOffice) office = fixedOffice;
    else if (node.parent < 0) office = 'Madrid';
    else if (node.level === 2) office = random.chance(0.8) ? 'Madrid' : 'Barcelona';
    else if (node.level === 3 && node.children.length > 0)
      office = random.weighted(node.department === 'Ventas' ? mexicoHeavy : OFFICE_WEIGHTS);
    else {
      const stay = node.children.length > 0 ? 0.85 : 0.9;
      office = random.chance(stay) ? offices[node.parent]! : random.weighted(OFFICE_WEIGHTS);
    }
    offices.push(office);
  }
  return offices;
}

function nameOrigin(random: SeededRandom, office: Office): NameOrigin {
  if (isInMexico(office))
    return random.weighted([
      ['mx', 88],
      ['en', 7],
      ['es', 5],
    ] as const);
  return random.weighted([
    ['es', 91],
    ['en', 9],
  ] as const);
}

function preferredLanguageOf(
  random: SeededRandom,
  origin: NameOrigin,
  office: Office,
): PreferredLanguage {
  if (origin === 'es') return 'es-ES';
  if (origin === 'mx') return 'es-MX';
  return isInMexico(office)
    ? random.chance(0.85)
      ? 'en-US'
      : 'en-GB'
    : random.chance(0.75)
      ? 'en-GB'
      : 'en-US';
}

/** Spain keeps 8:00–10:00 starts and ~9 h days with lunch; some work four days; Mexico 9–18. */
function workingHoursOf(
  random: SeededRandom,
  office: Office,
): {
  days: Weekday[];
  start: number;
  end: number;
} {
  if (isInMexico(office)) {
    const start = random.weighted([
      [540, 70],
      [480, 20],
      [600, 10],
    ] as const);
    return { days: [...WEEKDAYS], start, end: start + 540 };
  }
  const start = random.weighted([
    [480, 15],
    [510, 15],
    [540, 50],
    [570, 12],
    [600, 8],
  ] as const);
  const length = random.chance(0.8) ? 540 : 510;
  const days: Weekday[] = random.chance(0.04) ? WEEKDAYS.slice(0, 4) : [...WEEKDAYS];
  return { days, start, end: start + length };
}

/**
 * Contoso Ibérica, deterministically from a seed: about 600 people (or as many as asked) in a
 * 6–8 level tree under one CEO, four offices in three time zones, Spanish and English speakers,
 * working hours, a few HR admins, one external advisor, a handful of disabled accounts, and busy
 * calendars for the six months after `now`. The same seed and `now` give the same organisation;
 * the directory (ids included) never depends on `now`.
 */
export function generateOrganisation(options: OrganisationOptions): SimOrganisation {
  const seed = options.seed ?? DEFAULT_SEED;
  const people = options.people ?? DEFAULT_PEOPLE;
  const random = new SeededRandom(seed, 'directory');
  const shape = buildOrgShape(random, people);
  const { nodes } = shape;
  const placed = placeFixedPeople(shape);
  const offices = assignOffices(random, shape, placed);
  const addresses = new AddressBook();
  for (const { person } of placed.values()) addresses.reserve(person.userPrincipalName);

  const areas = new Array<number>(nodes.length).fill(0);
  const users: SimUser[] = new Array(nodes.length);
  for (const node of nodes) {
    if (node.level === 3) areas[node.index] = node.rank;
    else if (node.level > 3) areas[node.index] = areas[node.parent]!;
    const office = offices[node.index]!;
    const zone = OFFICE_ZONES[office];
    const special = placed.get(node.index);
    const hours = workingHoursOf(random, office);
    let user: Omit<SimUser, 'mailboxSettings' | 'managerId'> & { timeZone: string };
    if (special) {
      const p = special.person;
      user = {
        id: p.id,
        displayName: p.displayName,
        givenName: special.givenName,
        surname: special.surname,
        mail: p.userPrincipalName,
        userPrincipalName: p.userPrincipalName,
        jobTitle: p.jobTitle ?? '',
        department: p.department ?? node.department,
        officeLocation: office,
        preferredLanguage: special.language,
        accountEnabled: true,
        usageLocation: zone.usageLocation,
        userType: special.userType,
        appRoles: [...p.roles],
        timeZone: special.timeZone,
      };
    } else {
      const origin = nameOrigin(random, office);
      const gender: Gender = random.chance(0.5) ? 'f' : 'm';
      const pool = NAME_POOLS[origin];
      const givenName = random.pick(gender === 'f' ? pool.female : pool.male);
      const surname = pool.twoSurnames
        ? `${random.pick(pool.surnames)} ${random.pick(pool.surnames)}`
        : random.pick(pool.surnames);
      const preferredLanguage = preferredLanguageOf(random, origin, office);
      const address = addresses.allocate(givenName, surname);
      const department = node.department as Department;
      user = {
        id: seededGuid(seed, `user:${node.index}`),
        displayName: `${givenName} ${surname}`,
        givenName,
        surname,
        mail: address,
        userPrincipalName: address,
        jobTitle: jobTitleFor(random, {
          role: node.role,
          department,
          area: areas[node.index]!,
          rank: node.rank,
          level: node.level,
          gender,
          english: origin === 'en',
        }),
        department,
        officeLocation: office,
        preferredLanguage,
        accountEnabled: true,
        usageLocation: zone.usageLocation,
        userType: 'Member',
        appRoles: [],
        // Admins pick Windows or IANA names for mailboxes; both reach Graph (https://learn.microsoft.com/en-us/graph/api/resources/mailboxsettings).
        timeZone: random.chance(0.7) ? zone.windows : zone.iana,
      };
    }
    const timeZone = user.timeZone;
    // One literal with every property in the same order: 100,000 users share one object shape.
    users[node.index] = {
      id: user.id,
      displayName: user.displayName,
      givenName: user.givenName,
      surname: user.surname,
      mail: user.mail,
      userPrincipalName: user.userPrincipalName,
      jobTitle: user.jobTitle,
      department: user.department,
      officeLocation: user.officeLocation,
      preferredLanguage: user.preferredLanguage,
      accountEnabled: true,
      managerId: node.parent < 0 ? null : users[node.parent]!.id,
      usageLocation: user.usageLocation,
      userType: user.userType,
      mailboxSettings: {
        timeZone,
        language: {
          locale: user.preferredLanguage,
          displayName: LANGUAGE_DISPLAY_NAMES[user.preferredLanguage],
        },
        workingHours: {
          daysOfWeek: [...hours.days],
          startTime: graphTimeOfDay(hours.start),
          endTime: graphTimeOfDay(hours.end),
          timeZone: { name: timeZone },
        },
      },
      appRoles: user.appRoles,
    };
  }

  // Personas' director and one more HR person administer Tandem with Lucía Fernández.
  const personasDirector = users[shape.directors.Personas]!;
  if (!personasDirector.appRoles.includes('Tandem.Admin'))
    personasDirector.appRoles.push('Tandem.Admin');
  const hrCandidates = subtree(nodes, shape.directors.Personas).filter(
    (i) => !placed.has(i) && i !== shape.directors.Personas && nodes[i]!.department === 'Personas',
  );
  if (hrCandidates.length > 0) users[random.pick(hrCandidates)]!.appRoles.push('Tandem.Admin');

  // A handful of leavers whose accounts are disabled but not yet deleted.
  const leavers = nodes.filter(
    (n) => n.role === 'individual' && !placed.has(n.index) && users[n.index]!.appRoles.length === 0,
  );
  const disabled = Math.min(leavers.length, Math.max(3, Math.round(people / 200)));
  for (let i = 0; i < disabled; i++) {
    const at = random.int(i, leavers.length - 1);
    [leavers[i], leavers[at]] = [leavers[at]!, leavers[i]!];
    users[leavers[i]!.index]!.accountEnabled = false;
  }

  const busy =
    options.calendars === false
      ? []
      : generateBusyCalendars(users, {
          now: options.now,
          random: new SeededRandom(seed, 'calendars'),
        });
  return { tenantDomain: TENANT_DOMAIN, users, busy };
}

/** Everyone who can sign in locally: the starter people first, then the story, then the rest. */
export function toSignInPeople(org: SimOrganisation): SignInPerson[] {
  const first = [...STARTER_PEOPLE, ...STORY_PEOPLE].map((p) => p.id);
  const rank = new Map(first.map((id, i) => [id, i]));
  return org.users
    .filter((u) => u.accountEnabled)
    .map((u, i) => ({ u, order: rank.get(u.id) ?? first.length + i }))
    .sort((a, b) => a.order - b.order)
    .map(({ u }) => ({
      id: u.id,
      displayName: u.displayName,
      userPrincipalName: u.userPrincipalName,
      roles: [...u.appRoles],
      department: u.department,
      jobTitle: u.jobTitle,
    }));
}

export { ADVISOR_DEPARTMENT };
