import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findIana } from 'windows-iana';
import {
  DEPARTMENTS,
  MAX_DEPTH,
  MAX_SPAN,
  MIN_DEPTH,
  MIN_PEOPLE,
  MIN_SPAN,
} from '../../../sim/org/hierarchy';
import {
  AddressBook,
  asciiFold,
  generateOrganisation,
  type SimOrganisation,
  type SimUser,
  TENANT_DOMAIN,
  toSignInPeople,
} from '../../../sim/org/organisation';
import { OFFICE_ZONES, type Office } from '../../../sim/org/places';
import { STARTER_PEOPLE } from '../../../sim/org/starter-people';
import { STORY_PEOPLE } from '../../../sim/org/story-people';

const NOW = new Date('2026-11-25T06:00:00Z');

interface TreeFacts {
  roots: SimUser[];
  depth: number;
  spans: number[];
  /** Every managerId points at someone in the directory and no chain loops. */
  wellFormed: boolean;
  levelOf: Map<string, number>;
}

/** Walks the manager links the way a Graph client would, without trusting the generator. */
function treeFacts(users: readonly SimUser[]): TreeFacts {
  const byId = new Map(users.map((u) => [u.id, u]));
  const reports = new Map<string, number>();
  let wellFormed = byId.size === users.length;
  for (const u of users) {
    if (u.managerId === null) continue;
    if (!byId.has(u.managerId)) wellFormed = false;
    reports.set(u.managerId, (reports.get(u.managerId) ?? 0) + 1);
  }
  const levelOf = new Map<string, number>();
  for (const u of users) {
    const chain: SimUser[] = [];
    let at: SimUser | undefined = u;
    while (at && !levelOf.has(at.id) && chain.length <= users.length) {
      chain.push(at);
      at = at.managerId === null ? undefined : byId.get(at.managerId);
    }
    if (chain.length > users.length) {
      wellFormed = false;
      break;
    }
    let level = at ? levelOf.get(at.id)! : 0;
    for (let i = chain.length - 1; i >= 0; i--) levelOf.set(chain[i]!.id, ++level);
  }
  return {
    roots: users.filter((u) => u.managerId === null),
    depth: Math.max(...levelOf.values()),
    spans: [...reports.values()],
    wellFormed,
    levelOf,
  };
}

function byIdOf(org: SimOrganisation): Map<string, SimUser> {
  return new Map(org.users.map((u) => [u.id, u]));
}

describe('the demo organisation Contoso Ibérica', () => {
  let org: SimOrganisation;
  beforeAll(() => {
    org = generateOrganisation({ now: NOW, calendars: false });
  });

  it('has 600 people by default under the tenant domain', () => {
    expect(org.users).toHaveLength(600);
    expect(org.tenantDomain).toBe('contosoiberica.onmicrosoft.com');
    expect(TENANT_DOMAIN).toBe(org.tenantDomain);
  });

  it('is identical for the same seed and now, and its directory does not depend on now', {
    timeout: 60_000,
  }, () => {
    const first = generateOrganisation({ now: NOW });
    const second = generateOrganisation({ now: NOW });
    expect(second).toEqual(first);
    const later = generateOrganisation({ now: new Date('2027-06-10T12:00:00Z') });
    expect(later.users).toEqual(org.users);
    expect(first.users).toEqual(org.users);
    expect(later.busy).not.toEqual(first.busy);
  });

  it('gives another seed other people and other ids, but the same starter people', () => {
    const other = generateOrganisation({ now: NOW, seed: 7, calendars: false });
    const ids = new Set(org.users.map((u) => u.id));
    const generated = other.users.filter(
      (u) => ![...STARTER_PEOPLE, ...STORY_PEOPLE].some((p) => p.id === u.id),
    );
    expect(generated.filter((u) => ids.has(u.id))).toEqual([]);
    for (const person of STARTER_PEOPLE) expect(byIdOf(other).get(person.id)).toBeDefined();
  });

  it('has exactly one root, the CEO in Dirección, and a tree without loops', () => {
    const facts = treeFacts(org.users);
    expect(facts.wellFormed).toBe(true);
    expect(facts.roots).toHaveLength(1);
    expect(facts.roots[0]!.department).toBe('Dirección');
    expect(facts.roots[0]!.jobTitle).toMatch(/Consejer[oa] Delegad[oa]|CEO/);
    expect(org.users[0]).toBe(facts.roots[0]);
  });

  it.each([1, 2, 3, 20260301, 99])(
    'is 6 to 8 levels deep with spans of 3 to 10 (seed %i)',
    (seed) => {
      const facts = treeFacts(generateOrganisation({ now: NOW, seed, calendars: false }).users);
      expect(facts.wellFormed).toBe(true);
      expect(facts.depth).toBeGreaterThanOrEqual(MIN_DEPTH);
      expect(facts.depth).toBeLessThanOrEqual(MAX_DEPTH);
      expect(Math.min(...facts.spans)).toBeGreaterThanOrEqual(MIN_SPAN);
      expect(Math.max(...facts.spans)).toBeLessThanOrEqual(MAX_SPAN);
    },
  );

  it('has a director reporting to the CEO for every department, and everyone else below', () => {
    const ceo = org.users[0]!;
    const departments = new Set(org.users.map((u) => u.department));
    for (const department of DEPARTMENTS) expect(departments).toContain(department);
    expect([...departments].sort()).toEqual([...DEPARTMENTS, 'Asesoría externa'].sort());
    const directors = org.users.filter(
      (u) => u.managerId === ceo.id && u.department !== 'Dirección',
    );
    expect(directors.map((d) => d.department).sort()).toEqual(
      DEPARTMENTS.filter((d) => d !== 'Dirección').sort(),
    );
    const byId = byIdOf(org);
    for (const u of org.users) {
      if (u.managerId === null || u.userType === 'Guest') continue;
      const manager = byId.get(u.managerId)!;
      // People sit in their manager's department, except directors under the CEO.
      if (manager.id !== ceo.id) expect(u.department).toBe(manager.department);
    }
  });

  it('keeps each office in its own time zone, named the Windows or the IANA way', () => {
    const seen = new Set<string>();
    for (const u of org.users) {
      const office = OFFICE_ZONES[u.officeLocation as Office];
      expect(office, u.officeLocation).toBeDefined();
      const { timeZone, workingHours, language } = u.mailboxSettings;
      expect([office.windows, office.iana]).toContain(timeZone);
      if (timeZone === office.windows) expect(findIana(timeZone)).toContain(office.iana);
      expect(workingHours.timeZone.name).toBe(timeZone);
      expect(u.usageLocation).toBe(office.usageLocation);
      expect(language.locale).toBe(u.preferredLanguage);
      expect(workingHours.startTime).toMatch(/^\d\d:\d\d:00\.0000000$/);
      expect(workingHours.endTime > workingHours.startTime).toBe(true);
      seen.add(timeZone);
    }
    expect([...seen].sort()).toEqual(
      [
        'America/Mexico_City',
        'Atlantic/Canary',
        'Central Standard Time (Mexico)',
        'Europe/Madrid',
        'GMT Standard Time',
        'Romance Standard Time',
      ].sort(),
    );
    expect(new Set(org.users.map((u) => u.officeLocation)).size).toBe(4);
  });

  it('speaks mostly Spanish, with English speakers spread and es-MX in Mexico', () => {
    const count = (lang: string) => org.users.filter((u) => u.preferredLanguage === lang).length;
    expect(count('es-ES') + count('es-MX')).toBeGreaterThan(org.users.length * 0.75);
    expect(count('en-GB')).toBeGreaterThan(0);
    expect(count('en-US')).toBeGreaterThan(0);
    const inMexico = org.users.filter((u) => u.officeLocation === 'Ciudad de México');
    expect(inMexico.filter((u) => u.preferredLanguage === 'es-MX').length).toBeGreaterThan(
      inMexico.length / 2,
    );
    expect(
      org.users.filter((u) => u.preferredLanguage === 'es-MX' && u.usageLocation !== 'MX'),
    ).toEqual([]);
    const englishOffices = new Set(
      org.users.filter((u) => u.preferredLanguage.startsWith('en')).map((u) => u.officeLocation),
    );
    expect(englishOffices.size).toBeGreaterThanOrEqual(3);
  });

  it('gives everyone a unique ASCII address (mail equals the UPN)', () => {
    const upns = org.users.map((u) => u.userPrincipalName.toLowerCase());
    expect(new Set(upns).size).toBe(upns.length);
    expect(new Set(org.users.map((u) => u.mail.toLowerCase())).size).toBe(upns.length);
    for (const u of org.users) {
      expect(u.userPrincipalName).toMatch(
        /^[a-z0-9]+\.[a-z0-9]+@contosoiberica\.onmicrosoft\.com$/,
      );
      expect(u.mail).toBe(u.userPrincipalName);
    }
  });

  it('folds accents and ñ out of addresses and numbers clashes', () => {
    expect(asciiFold('Íñigo')).toBe('inigo');
    expect(asciiFold("O'Brien")).toBe('obrien');
    expect(asciiFold('Núñez')).toBe('nunez');
    const book = new AddressBook();
    book.reserve('lucia.fernandez@contosoiberica.onmicrosoft.com');
    expect(book.allocate('Lucía', 'Fernández García')).toBe(
      'lucia.fernandez2@contosoiberica.onmicrosoft.com',
    );
    expect(book.allocate('Lucia', 'Fernandez')).toBe(
      'lucia.fernandez3@contosoiberica.onmicrosoft.com',
    );
    expect(book.allocate('José Luis', 'Núñez')).toBe(
      'joseluis.nunez@contosoiberica.onmicrosoft.com',
    );
  });

  it('keeps the four starter people exactly as the sign-in knows them', () => {
    const byId = byIdOf(org);
    for (const person of STARTER_PEOPLE) {
      const user = byId.get(person.id)!;
      expect(user, person.displayName).toBeDefined();
      expect({
        id: user.id,
        displayName: user.displayName,
        userPrincipalName: user.userPrincipalName,
        roles: user.appRoles,
        department: user.department,
        jobTitle: user.jobTitle,
      }).toEqual(person);
      expect(user.accountEnabled).toBe(true);
    }
  });

  it('places the starter people where their story needs them', () => {
    const byId = byIdOf(org);
    const facts = treeFacts(org.users);
    const ceo = facts.roots[0]!;
    const [lucia, elena, marta, james] = STARTER_PEOPLE.map((p) => byId.get(p.id)!) as [
      SimUser,
      SimUser,
      SimUser,
      SimUser,
    ];
    const luciaManager = byId.get(lucia.managerId!)!;
    expect(luciaManager.department).toBe('Personas');
    expect(luciaManager.managerId).toBe(ceo.id);
    expect(james.managerId).toBe(ceo.id);
    expect(james.preferredLanguage).toMatch(/^en-/);
    const underJames = org.users.filter((u) => {
      for (let at = u.managerId; at; at = byId.get(at)?.managerId ?? null)
        if (at === james.id) return true;
      return false;
    });
    expect(underJames.length).toBeGreaterThan(10);
    expect(underJames.every((u) => u.department === 'Ventas')).toBe(true);
    expect(org.users.some((u) => u.managerId === marta.id)).toBe(false);
    expect(elena.userType).toBe('Guest');
    expect(elena.department).toBe('Asesoría externa');
  });

  it.each([20260301, 1, 42])(
    'keeps the reverse-mentoring line Lucía Gómez → Raúl Prieto → Javier Ortega (seed %i)',
    (seed) => {
      const byId = byIdOf(generateOrganisation({ now: NOW, seed, calendars: false }));
      const [javier, raul, lucia] = STORY_PEOPLE.map((p) => byId.get(p.id)!) as [
        SimUser,
        SimUser,
        SimUser,
      ];
      expect(lucia.managerId).toBe(raul.id);
      expect(raul.managerId).toBe(javier.id);
      expect(byId.get(javier.managerId!)!.managerId).toBeNull();
      expect([javier, raul, lucia].map((u) => u.department)).toEqual([
        'Marketing',
        'Marketing',
        'Marketing',
      ]);
    },
  );

  it('gives Tandem.Admin to a few HR people and Tandem.Advisor to the one guest only', () => {
    const admins = org.users.filter((u) => u.appRoles.includes('Tandem.Admin'));
    expect(admins.length).toBeGreaterThanOrEqual(2);
    expect(admins.length).toBeLessThanOrEqual(5);
    expect(admins.every((u) => u.department === 'Personas' && u.userType === 'Member')).toBe(true);
    expect(admins.map((u) => u.id)).toContain(STARTER_PEOPLE[0]!.id);
    const advisors = org.users.filter((u) => u.appRoles.includes('Tandem.Advisor'));
    const guests = org.users.filter((u) => u.userType === 'Guest');
    expect(advisors.map((u) => u.id)).toEqual([STARTER_PEOPLE[1]!.id]);
    expect(guests).toEqual(advisors);
    const roles = new Set(org.users.flatMap((u) => u.appRoles));
    expect([...roles].sort()).toEqual(['Tandem.Admin', 'Tandem.Advisor']);
  });

  it('has a handful of disabled accounts, none of them managers or starter people', () => {
    const disabled = org.users.filter((u) => !u.accountEnabled);
    expect(disabled.length).toBeGreaterThanOrEqual(3);
    expect(disabled.length).toBeLessThanOrEqual(10);
    const fixedIds = new Set([...STARTER_PEOPLE, ...STORY_PEOPLE].map((p) => p.id));
    for (const u of disabled) {
      expect(fixedIds.has(u.id)).toBe(false);
      expect(org.users.some((r) => r.managerId === u.id)).toBe(false);
    }
  });

  it('offers every enabled person to the local sign-in, starter people first', () => {
    const people = toSignInPeople(org);
    expect(people.slice(0, 4)).toEqual(STARTER_PEOPLE);
    expect(people.slice(4, 7)).toEqual(STORY_PEOPLE);
    expect(people).toHaveLength(org.users.filter((u) => u.accountEnabled).length);
    expect(new Set(people.map((p) => p.id)).size).toBe(people.length);
    const disabled = new Set(org.users.filter((u) => !u.accountEnabled).map((u) => u.id));
    expect(people.filter((p) => disabled.has(p.id))).toEqual([]);
  });

  it('keeps the tree, the addresses and the fixed people valid for any size and seed', {
    timeout: 120_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: MIN_PEOPLE, max: 4000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (people, seed) => {
          const sample = generateOrganisation({ now: NOW, people, seed, calendars: false });
          const facts = treeFacts(sample.users);
          const byId = byIdOf(sample);
          const [javier, raul, lucia] = STORY_PEOPLE.map((p) => byId.get(p.id));
          return (
            sample.users.length === people &&
            facts.wellFormed &&
            facts.roots.length === 1 &&
            facts.depth >= MIN_DEPTH &&
            facts.depth <= MAX_DEPTH &&
            Math.min(...facts.spans) >= MIN_SPAN &&
            Math.max(...facts.spans) <= MAX_SPAN &&
            new Set(sample.users.map((u) => u.userPrincipalName)).size === people &&
            STARTER_PEOPLE.every(
              (p) => byId.get(p.id)?.userPrincipalName === p.userPrincipalName,
            ) &&
            lucia?.managerId === raul?.id &&
            raul?.managerId === javier?.id
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses organisations too small for the 6-level tree', () => {
    expect(() => generateOrganisation({ now: NOW, people: MIN_PEOPLE - 1 })).toThrow(RangeError);
    expect(generateOrganisation({ now: NOW, people: MIN_PEOPLE }).users).toHaveLength(MIN_PEOPLE);
  });

  it('scales to 100,000 people in a valid tree without calendars', { timeout: 120_000 }, () => {
    const big = generateOrganisation({ now: NOW, people: 100_000, calendars: false });
    expect(big.users).toHaveLength(100_000);
    expect(big.busy).toEqual([]);
    const facts = treeFacts(big.users);
    expect(facts.wellFormed).toBe(true);
    expect(facts.roots).toHaveLength(1);
    expect(facts.depth).toBeGreaterThanOrEqual(MIN_DEPTH);
    expect(facts.depth).toBeLessThanOrEqual(MAX_DEPTH);
    expect(Math.min(...facts.spans)).toBeGreaterThanOrEqual(MIN_SPAN);
    expect(Math.max(...facts.spans)).toBeLessThanOrEqual(MAX_SPAN);
    const upns = new Set(big.users.map((u) => u.userPrincipalName));
    expect(upns.size).toBe(100_000);
    for (const person of STARTER_PEOPLE)
      expect(big.users.find((u) => u.id === person.id)?.userPrincipalName).toBe(
        person.userPrincipalName,
      );
  });
});
