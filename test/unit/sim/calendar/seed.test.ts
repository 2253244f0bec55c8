import { describe, expect, it } from 'vitest';
import { CalendarStore } from '../../../sim/graph/calendar/calendar-store';
import { instantOf } from '../../../sim/graph/calendar/zones';
import type { SimContext } from '../../../sim/graph/context';
import { generateOrganisation } from '../../../sim/org/organisation';

const NOW = new Date('2026-02-20T08:00:00Z');

function organisation(people: number, calendars = true) {
  const org = generateOrganisation({ now: NOW, people, calendars });
  const byKey = new Map(
    org.users.flatMap((u) => [
      [u.id.toLowerCase(), u],
      [u.mail.toLowerCase(), u],
      [u.userPrincipalName.toLowerCase(), u],
    ]),
  );
  const ctx: SimContext = { now: () => NOW, findUser: (key) => byKey.get(key.toLowerCase()) };
  return { org, store: new CalendarStore(ctx) };
}

describe('seeding the demo organisation', () => {
  it("puts every busy block in its owner's calendar and each shared one in its attendees' too", () => {
    const { org, store } = organisation(120);
    expect(org.busy.length).toBeGreaterThan(100);
    store.seed(org.busy);
    const expected = new Map<string, number>();
    for (const block of org.busy) {
      for (const id of new Set([block.ownerId, ...(block.attendeeIds ?? [])])) {
        expected.set(id, (expected.get(id) ?? 0) + 1);
      }
    }
    for (const [id, count] of expected) expect(store.countItems(id)).toBe(count);

    const shared = org.busy.find((b) => b.recurrence && (b.attendeeIds?.length ?? 0) > 1)!;
    const [organizer] = store
      .list(shared.ownerId)
      .filter((i) => store.render(i).subject === shared.subject);
    const iCalUId = store.render(organizer!).iCalUId;
    for (const attendeeId of shared.attendeeIds!) {
      if (attendeeId === shared.ownerId) continue;
      const copy = store.list(attendeeId).find((i) => store.render(i).iCalUId === iCalUId);
      expect(copy && store.responseStatus(copy).response).toBe('accepted');
    }
  });

  it("shows a shared series as its attendees' busy time in getSchedule", () => {
    const { org, store } = organisation(120);
    store.seed(org.busy);
    const shared = org.busy.find(
      (b) => b.recurrence && b.showAs === 'busy' && (b.attendeeIds?.length ?? 0) > 0,
    )!;
    const start = instantOf(shared.start);
    const attendee = org.users.find((u) => u.id === shared.attendeeIds![0])!;
    const [schedule] = store.getSchedule(
      [attendee.mail],
      start - 86_400_000,
      start + 86_400_000,
      30,
    );
    expect(
      schedule?.scheduleItems.some(
        (i) =>
          i.subject === shared.subject && Date.parse(`${i.start.dateTime.slice(0, 23)}Z`) === start,
      ),
    ).toBe(true);
    // The slot the meeting starts in reads busy, or out of office when a holiday covers it.
    expect(['2', '3']).toContain(schedule?.availabilityView[48]);
  });

  it('serves 100,000 people without calendars from an empty seed, creating nothing per person', () => {
    // The directory at benchmark size, as the simulated tenant answers look-ups (no calendars).
    const template = generateOrganisation({ now: NOW, people: 80, calendars: false }).users[5]!;
    const person = (n: number) => ({
      ...template,
      id: `p-${n}`,
      mail: `p${n}@contoso.test`,
      userPrincipalName: `p${n}@contoso.test`,
    });
    const ctx: SimContext = {
      now: () => NOW,
      findUser: (key) => {
        const n = Number(/^p-?(\d+)/.exec(key)?.[1] ?? Number.NaN);
        return n >= 0 && n < 100_000 ? person(n) : undefined;
      },
    };
    const store = new CalendarStore(ctx);
    store.seed([]);
    const from = NOW.getTime();
    expect(store.calendarView('p-99999', from, from + 7 * 86_400_000)).toEqual([]);
    const [schedule] = store.getSchedule(['p99999@contoso.test'], from, from + 86_400_000, 60);
    expect(schedule?.availabilityView).toBe('0'.repeat(24));
    expect(schedule?.workingHours).toEqual(template.mailboxSettings.workingHours);
    expect(store.countItems('p-99999')).toBe(0);
  });
});
