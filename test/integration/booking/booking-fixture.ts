import { graphCalendar } from '../../../functions/src/adapters/graph/calendar';
import { createGraphClient } from '../../../functions/src/adapters/graph/graph-client';
import { bookingTable } from '../../../functions/src/adapters/tables/booking-table';
import { pairTable } from '../../../functions/src/adapters/tables/pair-table';
import { composeBackend } from '../../../functions/src/compose';
import { loadConfig } from '../../../functions/src/config';
import { newPair } from '../../../functions/src/domain/pair/pair';
import type { BookingDeps } from '../../../functions/src/jobs/booking';
import { bookingSubjects } from '../../../functions/src/jobs/booking-subjects';
import { systemClock } from '../../../functions/src/ports/clock';
import type { SimPerson } from '../../sim/graph/tenant';
import { type LocalStack, ORGANISER } from '../../sim/stack';
import { apiAs } from '../api-client';

export const HR = 'Lucía Fernández';

/** Booking's dependencies built from the local stack's configuration, as Azure would build them. */
export function bookingDeps(stack: LocalStack) {
  const config = loadConfig(stack.env);
  const { services } = composeBackend(config);
  const connection = {
    kind: 'connectionString' as const,
    connectionString: stack.env.TANDEM_STORAGE_CONNECTION!,
  };
  const pairs = pairTable(connection);
  const deps: BookingDeps = {
    bookings: bookingTable(connection),
    subjects: bookingSubjects(pairs, services.programmes, systemClock),
    directory: services.directory,
    directorySync: services.directorySync,
    calendar: graphCalendar(createGraphClient(config)),
    organizer: ORGANISER.userPrincipalName,
    pairUrl: (id) => `${stack.url}/?page=pairs/${id}`,
    pairSpace: services.pairSpace,
    outbox: services.outbox,
    now: () => new Date(),
  };
  return { deps, pairs, services };
}

/** The managers above someone in the simulated directory. */
export function chainOf(stack: LocalStack, id: string): string[] {
  const out: string[] = [];
  for (let at = stack.graph.tenant.findUser(id) as SimPerson | undefined; at?.managerId; ) {
    out.push(at.managerId);
    at = stack.graph.tenant.findUser(at.managerId) as SimPerson | undefined;
  }
  return out;
}

/** People of an office, enabled, with a mailbox, outside HR's and the advisor's roles. */
export function peopleIn(stack: LocalStack, office: string): SimPerson[] {
  return (stack.graph.tenant.list() as SimPerson[]).filter(
    (p) =>
      p.accountEnabled && p.officeLocation === office && !(p.appRoles ?? []).length && p.managerId,
  );
}

/** Minutes of a "HH:MM:SS…" time. */
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Hours that meet all year: Madrid's day until 18:00 meets Mexico City's from 09:00. */
export function madridMeetsMexico(mentor: SimPerson, mentee: SimPerson): boolean {
  return (
    mentee.mailboxSettings.workingHours.endTime >= '18:00' &&
    mentor.mailboxSettings.workingHours.startTime <= '09:00'
  );
}

/** Two people in Spain whose days share at least three hours (Canarias an hour behind). */
export function sameDayInSpain(mentor: SimPerson, mentee: SimPerson): boolean {
  const span = (p: SimPerson) => {
    const shift = p.officeLocation === 'Las Palmas de Gran Canaria' ? 60 : 0;
    const h = p.mailboxSettings.workingHours;
    return [minutes(h.startTime) + shift, minutes(h.endTime) + shift] as const;
  };
  const [a0, a1] = span(mentor);
  const [b0, b1] = span(mentee);
  return Math.min(a1, b1) - Math.max(a0, b0) >= 180;
}

/**
 * Mentor–mentee couples, each person at most once, with no reporting line either way and hours
 * that `fits` accepts.
 */
export function unrelatedCouples(
  stack: LocalStack,
  mentorOffices: string[],
  menteeOffices: string[],
  fits: (mentor: SimPerson, mentee: SimPerson) => boolean,
) {
  const mentors = mentorOffices.flatMap((o) => peopleIn(stack, o));
  const mentees = menteeOffices.flatMap((o) => peopleIn(stack, o));
  const out: { mentor: SimPerson; mentee: SimPerson }[] = [];
  const used = new Set<string>();
  for (const mentee of mentees) {
    if (used.has(mentee.id)) continue;
    const mentor = mentors.find(
      (m) =>
        m.id !== mentee.id &&
        !used.has(m.id) &&
        fits(m, mentee) &&
        !chainOf(stack, mentee.id).includes(m.id) &&
        !chainOf(stack, m.id).includes(mentee.id),
    );
    if (!mentor) continue;
    used.add(mentor.id);
    used.add(mentee.id);
    out.push({ mentor, mentee });
  }
  return out;
}

/** A programme HR created through the API (PRODUCT defaults: 10 sessions, 6 months, 60 min). */
export async function createProgramme(stack: LocalStack): Promise<{ id: string; name: string }> {
  const api = apiAs(stack);
  const created = await api(HR, 'POST', '/programmes', { body: { kind: 'classic' } });
  return { id: created.body.id, name: created.body.name };
}

/** A confirmed pair in storage, as confirmation leaves it for booking. */
export async function confirmPair(
  pairs: ReturnType<typeof pairTable>,
  programme: { id: string; name: string },
  mentor: SimPerson,
  mentee: SimPerson,
): Promise<string> {
  const pair = newPair({
    id: crypto.randomUUID(),
    programme,
    mentor: { id: mentor.id, name: mentor.displayName },
    mentee: { id: mentee.id, name: mentee.displayName },
    score: 1000,
    reasons: [],
    proposalId: crypto.randomUUID(),
    confirmedBy: 'hr',
    now: new Date(),
  });
  const confirmed = await pairs.confirm(pair, 1);
  if (!confirmed.ok) throw new Error(`Pair refused: ${JSON.stringify(confirmed.reason)}`);
  return pair.id;
}
