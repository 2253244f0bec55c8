import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../sim/graph/router';
import {
  ANA,
  fortnightlySeries,
  LUIS,
  madrid,
  NURIA,
  newStore,
  TANDEM,
  testTenant,
  YEAR_2026,
} from './test-tenant';

type Attendee = { emailAddress: { address: string }; status: { response: string; time: string } };

function graphError(run: () => unknown): GraphError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphError) return error;
    throw error;
  }
  throw new Error('expected a GraphError');
}

function statuses(event: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    (event.attendees as Attendee[]).map((a) => [a.emailAddress.address, a.status.response]),
  );
}

describe('events and attendee copies', () => {
  it("creates the series in the organizer's mailbox with Graph's reply shape and a Teams join URL", () => {
    const store = newStore();
    const { item, created } = store.create(TANDEM.id, fortnightlySeries());
    const event = store.renderCreated(item);
    expect(created).toBe(true);
    expect(event).toMatchObject({
      type: 'seriesMaster',
      isOrganizer: true,
      seriesMasterId: null,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      organizer: { emailAddress: { address: TANDEM.mail, name: TANDEM.displayName } },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'pair-42-v1',
      start: { dateTime: '2026-03-03T10:00:00.0000000', timeZone: 'Romance Standard Time' },
      recurrence: { range: { numberOfOccurrences: 10 } },
      createdDateTime: '2026-02-20T08:00:00.0000000Z',
    });
    expect((event.onlineMeeting as { joinUrl: string }).joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//,
    );
    expect(event.attendees).toEqual([
      {
        type: 'required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: ANA.displayName, address: ANA.mail },
      },
      {
        type: 'required',
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: { name: LUIS.displayName, address: LUIS.mail },
      },
    ]);
    // Reads are in UTC unless the caller prefers a zone.
    expect(store.render(item).start).toEqual({
      dateTime: '2026-03-03T09:00:00.0000000',
      timeZone: 'UTC',
    });
  });

  it('answers 201 without a join URL when the organizer’s calendar does not allow Teams', () => {
    const store = newStore();
    store.setAllowedOnlineMeetingProviders(TANDEM.id, []);
    const { item } = store.create(TANDEM.id, fortnightlySeries());
    expect(store.render(item).onlineMeeting).toBeNull();
    expect(store.render(item).isOnlineMeeting).toBe(true);
  });

  it('gives every attendee in the tenant their own copy: own id, same iCalUId, response none', () => {
    const store = newStore();
    const organizer = store.render(store.create(TANDEM.id, fortnightlySeries()).item);
    for (const attendee of [ANA, LUIS]) {
      const copies = store.list(attendee.id).map((item) => store.render(item));
      expect(copies).toHaveLength(1);
      const copy = copies[0]!;
      expect(copy.id).not.toBe(organizer.id);
      expect(copy.iCalUId).toBe(organizer.iCalUId);
      expect(copy.isOrganizer).toBe(false);
      expect(copy.responseStatus).toEqual({ response: 'none', time: '0001-01-01T00:00:00Z' });
      expect(copy.transactionId).toBeNull();
      // An unanswered invitation holds the time as tentative.
      expect(copy.showAs).toBe('tentative');
    }
    expect(store.list(NURIA.id)).toEqual([]);
  });

  it('returns the first event, not a duplicate, when the same organizer repeats a transactionId', () => {
    const store = newStore();
    const first = store.create(TANDEM.id, fortnightlySeries());
    const again = store.create(TANDEM.id, fortnightlySeries({ subject: 'retry' }));
    expect(again.created).toBe(false);
    expect(again.item.copy.id).toBe(first.item.copy.id);
    expect(store.list(TANDEM.id)).toHaveLength(1);
    expect(store.list(ANA.id)).toHaveLength(1);
    const other = store.create(ANA.id, fortnightlySeries({ attendees: [] }));
    expect(other.created).toBe(true);
    expect(other.item.copy.id).not.toBe(first.item.copy.id);
  });

  it('offers each documented-open transactionId behaviour as a mode: dedupe, noDedupe, rejectRepeat', () => {
    const noDedupe = newStore();
    noDedupe.transactionIdMode = 'noDedupe';
    noDedupe.create(TANDEM.id, fortnightlySeries());
    expect(noDedupe.create(TANDEM.id, fortnightlySeries()).created).toBe(true);
    expect(noDedupe.list(TANDEM.id)).toHaveLength(2);
    const reject = newStore();
    reject.transactionIdMode = 'rejectRepeat';
    reject.create(TANDEM.id, fortnightlySeries());
    const error = graphError(() => reject.create(TANDEM.id, fortnightlySeries()));
    expect([error.status, error.code]).toEqual([400, 'ErrorDuplicateTransactionId']);
    expect(reject.list(TANDEM.id)).toHaveLength(1);
  });

  it("keeps the organizer's singleValueExtendedProperties to filter by, not the attendees'", () => {
    const store = newStore();
    const id = 'String {5b0e6c4a-3f1d-4c8e-9a27-7d2f81b6e0c3} Name TandemSeriesKey';
    store.create(
      TANDEM.id,
      fortnightlySeries({ singleValueExtendedProperties: [{ id, value: 'key-1' }] }),
    );
    const mine = store.list(TANDEM.id).filter((i) => store.withExtendedProperty(i, id, 'key-1'));
    expect(mine).toHaveLength(1);
    expect(
      store.list(TANDEM.id).filter((i) => store.withExtendedProperty(i, id.toLowerCase(), 'key-1')),
    ).toHaveLength(1);
    expect(
      store.list(TANDEM.id).filter((i) => store.withExtendedProperty(i, id, 'key-2')),
    ).toHaveLength(0);
    expect(
      store.list(ANA.id).filter((i) => store.withExtendedProperty(i, id, 'key-1')),
    ).toHaveLength(0);
    const bad = graphError(() =>
      store.create(
        TANDEM.id,
        fortnightlySeries({ transactionId: 'other', singleValueExtendedProperties: 'x' }),
      ),
    );
    expect(bad.status).toBe(400);
  });

  it("shows an attendee's answer in the organizer's copy, with the time it was given", () => {
    const tenant = testTenant();
    const store = newStore(tenant);
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    tenant.setNow('2026-02-21T10:15:00Z');
    const anaCopy = store.list(ANA.id)[0]!;
    store.respond(ANA.id, anaCopy.copy.id, 'accepted', 'Perfecto');
    // A test playing Luis may name the organizer's event: it answers Luis's own copy.
    store.respond(LUIS.id, master.copy.id, 'tentativelyAccepted');
    const organizer = store.render(store.find(TANDEM.id, master.copy.id));
    expect(statuses(organizer)).toEqual({
      [ANA.mail]: 'accepted',
      [LUIS.mail]: 'tentativelyAccepted',
    });
    const ana = (organizer.attendees as Attendee[]).find(
      (a) => a.emailAddress.address === ANA.mail,
    );
    expect(ana?.status.time).toBe('2026-02-21T10:15:00.0000000Z');
    expect(store.render(store.find(ANA.id, anaCopy.copy.id))).toMatchObject({
      responseStatus: { response: 'accepted' },
      showAs: 'busy',
    });
    // An attendee's copy shows only their own answer.
    expect(statuses(store.render(store.find(LUIS.id, store.list(LUIS.id)[0]!.copy.id)))).toEqual({
      [ANA.mail]: 'none',
      [LUIS.mail]: 'tentativelyAccepted',
    });
  });

  it("moves a declined meeting out of the attendee's calendar while the organizer sees the decline", () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    store.respond(LUIS.id, master.copy.id, 'declined');
    expect(store.calendarView(LUIS.id, ...YEAR_2026)).toEqual([]);
    expect(statuses(store.render(store.find(TANDEM.id, master.copy.id)))[LUIS.mail]).toBe(
      'declined',
    );
    expect(store.calendarView(ANA.id, ...YEAR_2026)).toHaveLength(10);
  });

  it('refuses an answer from the organizer', () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    expect(graphError(() => store.respond(TANDEM.id, master.copy.id, 'accepted')).status).toBe(400);
  });

  it('propagates an organizer’s update to every copy; attendees may only change their own copy', () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    store.update(TANDEM.id, master.copy.id, { subject: 'Tandem: plan de mentoring' });
    const luis = store.list(LUIS.id)[0]!;
    expect(store.render(luis).subject).toBe('Tandem: plan de mentoring');
    store.update(LUIS.id, luis.copy.id, { categories: ['Mentoring'] });
    expect(store.render(luis).categories).toEqual(['Mentoring']);
    expect(store.render(store.find(TANDEM.id, master.copy.id)).categories).toEqual([]);
    const error = graphError(() =>
      store.update(LUIS.id, luis.copy.id, { start: madrid('2026-03-03T12:00:00') }),
    );
    expect(error.status).toBe(400);
  });
});

describe('exceptions and cancellations', () => {
  it('turns a patched occurrence into an exception for everyone and asks again about that session', () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    store.respond(ANA.id, master.copy.id, 'accepted');
    const third = store.instances(TANDEM.id, master.copy.id, ...YEAR_2026)[2]!;
    const moved = store.update(TANDEM.id, store.idOf(third), {
      start: madrid('2026-04-01T12:00:00'),
      end: madrid('2026-04-01T13:00:00'),
    });
    expect(moved.type).toBe('exception');
    const organizer = store.instances(TANDEM.id, master.copy.id, ...YEAR_2026);
    expect(organizer.map((o) => o.type)).toEqual([
      'occurrence',
      'occurrence',
      'exception',
      'occurrence',
      'occurrence',
      'occurrence',
      'occurrence',
      'occurrence',
      'occurrence',
      'occurrence',
    ]);
    const exception = store.render(organizer[2]!, 'Europe/Madrid');
    expect(exception).toMatchObject({
      type: 'exception',
      seriesMasterId: master.copy.id,
      recurrence: null,
      start: { dateTime: '2026-04-01T12:00:00.0000000' },
      originalStart: '2026-03-31T08:00:00Z',
    });
    expect(statuses(exception)[ANA.mail]).toBe('none');
    expect(statuses(store.render(organizer[3]!))[ANA.mail]).toBe('accepted');
    // The series itself is unchanged; Luis's copy shows the move too.
    expect(store.render(store.find(TANDEM.id, master.copy.id)).type).toBe('seriesMaster');
    const luis = store.calendarView(LUIS.id, ...YEAR_2026);
    expect(luis.filter((o) => o.type === 'exception').map((o) => o.startMs)).toEqual([
      Date.parse('2026-04-01T10:00:00Z'),
    ]);
  });

  it('removes a cancelled occurrence from instances and lists it in cancelledOccurrences', () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    const instances = store.instances(TANDEM.id, master.copy.id, ...YEAR_2026);
    const cancelled = store.idOf(instances[4]!);
    store.cancel(TANDEM.id, cancelled, 'Festivo');
    expect(store.instances(TANDEM.id, master.copy.id, ...YEAR_2026)).toHaveLength(9);
    expect(store.render(store.find(TANDEM.id, master.copy.id)).cancelledOccurrences).toEqual([
      cancelled,
    ]);
    expect(store.calendarView(ANA.id, ...YEAR_2026)).toHaveLength(9);
    expect(graphError(() => store.find(TANDEM.id, cancelled)).status).toBe(404);
  });

  it('lets only the organizer cancel (an attendee gets 400 ErrorAccessDenied, per event-cancel)', () => {
    const store = newStore();
    store.create(TANDEM.id, fortnightlySeries());
    const ana = store.list(ANA.id)[0]!;
    const error = graphError(() => store.cancel(ANA.id, ana.copy.id));
    expect([error.status, error.code]).toEqual([400, 'ErrorAccessDenied']);
    expect(error.message).toContain('organizer');
  });

  it("cancels the whole series from its master: attendees' copies read isCancelled and free", () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    store.respond(ANA.id, master.copy.id, 'accepted');
    store.cancel(TANDEM.id, master.copy.id);
    expect(store.render(store.find(TANDEM.id, master.copy.id)).isCancelled).toBe(true);
    expect(store.calendarView(TANDEM.id, ...YEAR_2026)).toEqual([]);
    const anaView = store.calendarView(ANA.id, ...YEAR_2026);
    expect(anaView.every((o) => store.render(o).isCancelled === true)).toBe(true);
    const [schedule] = store.getSchedule(
      [ANA.mail],
      Date.parse('2026-03-03T08:00:00Z'),
      Date.parse('2026-03-03T11:00:00Z'),
      60,
    );
    expect(schedule?.availabilityView).toBe('000');
  });

  it('frees the transactionId once the organizer deleted the event, so a new create makes a new one', () => {
    const store = newStore();
    const master = store.create(TANDEM.id, fortnightlySeries()).item;
    store.remove(TANDEM.id, master.copy.id);
    expect(graphError(() => store.find(TANDEM.id, master.copy.id)).code).toBe('ErrorItemNotFound');
    const again = store.create(TANDEM.id, fortnightlySeries());
    expect(again.created).toBe(true);
  });
});
