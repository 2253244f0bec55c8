import { GraphError } from '@microsoft/microsoft-graph-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../functions/src/adapters/graph/graph-client';
import { loadConfig } from '../../../functions/src/config';
import { bookPair } from '../../../functions/src/jobs/booking';
import {
  OUT_OF_SCOPE_SCHEDULE_MODES,
  type OutOfScopeScheduleMode,
} from '../../sim/graph/calendar/calendar-store';
import type { SimPerson } from '../../sim/graph/tenant';
import { ORGANISER } from '../../sim/stack';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  sameDayInSpain,
  unrelatedCouples,
} from './booking-fixture';

/**
 * The production permission model (docs/deploy.md): Tandem's app token carries User.Read.All only;
 * Exchange RBAC for Applications gives it Calendars.ReadWrite on the organiser mailbox alone
 * (https://learn.microsoft.com/en-us/exchange/permissions-online/application-rbac). It is the
 * simulator's default; every booking test runs in it.
 */
let couples: { mentor: SimPerson; mentee: SimPerson }[];
const { stack } = localStackForFile();
beforeAll(async () => {
  const spain = ['Madrid', 'Barcelona'];
  couples = unrelatedCouples(stack, spain, spain, sameDayInSpain);
});

async function status(run: () => Promise<unknown>): Promise<[number, string] | 'ok'> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (error instanceof GraphError) return [error.statusCode, error.code ?? ''];
    throw error;
  }
}

describe('the app reaches the organiser mailbox only', () => {
  it('is refused 403 ErrorAccessDenied on any other mailbox, and served on the organiser', async () => {
    const client = createGraphClient(loadConfig(stack.env));
    const someone = couples[0]!.mentor;
    expect(await status(() => client.api(`/users/${someone.id}/calendar`).get())).toEqual([
      403,
      'ErrorAccessDenied',
    ]);
    expect(await status(() => client.api(`/users/${someone.id}/events`).get())).toEqual([
      403,
      'ErrorAccessDenied',
    ]);
    expect(
      await status(() =>
        client.api(`/users/${someone.id}/events`).post({
          subject: 'x',
          start: { dateTime: '2030-01-07T10:00:00', timeZone: 'UTC' },
          end: { dateTime: '2030-01-07T11:00:00', timeZone: 'UTC' },
        }),
      ),
    ).toEqual([403, 'ErrorAccessDenied']);
    expect(await status(() => client.api(`/users/${ORGANISER.id}/calendar`).get())).toBe('ok');
    // Directory reads are Entra's User.Read.All, tenant-wide as granted.
    expect(await status(() => client.api(`/users/${someone.id}`).select('id').get())).toBe('ok');
  });
});

const expectedFor: Record<OutOfScopeScheduleMode, 'booked' | 'refused'> = {
  freeBusy: 'booked',
  error: 'refused',
};

describe.each(OUT_OF_SCOPE_SCHEDULE_MODES)(
  'getSchedule for people outside the scope: %s',
  (mode) => {
    it(`books through the organiser's getSchedule, or refuses cleanly (${expectedFor[mode]})`, async () => {
      stack.graph.calendars.outOfScopeSchedules = mode;
      try {
        const fixture = bookingDeps(stack);
        const programme = await createProgramme(stack);
        const { mentor, mentee } = couples[OUT_OF_SCOPE_SCHEDULE_MODES.indexOf(mode) + 1]!;
        const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
        const booking = await bookPair(fixture.deps, pairId);
        expect(booking.status).toBe(expectedFor[mode]);
        if (mode === 'freeBusy') {
          // What booking planned with: free/busy and working hours, no subject or location.
          const [seen] = await fixture.deps.calendar.availability(
            ORGANISER.userPrincipalName,
            [mentee.mail],
            new Date(booking.sessions[0]!.start),
            new Date(Date.parse(booking.sessions[0]!.start) + 30 * 86_400_000),
          );
          expect(seen?.workingHours).not.toBeNull();
          expect(seen?.entries.length).toBeGreaterThan(0);
          // Graph's reply itself, as the app reads it: status, start and end, no subject.
          const reply = (await createGraphClient(loadConfig(stack.env))
            .api(`/users/${ORGANISER.userPrincipalName}/calendar/getSchedule`)
            .post({
              schedules: [mentee.mail],
              startTime: { dateTime: booking.sessions[0]!.start.slice(0, 19), timeZone: 'UTC' },
              endTime: {
                dateTime: new Date(Date.parse(booking.sessions[0]!.start) + 30 * 86_400_000)
                  .toISOString()
                  .slice(0, 19),
                timeZone: 'UTC',
              },
              availabilityViewInterval: 30,
            })) as { value: { scheduleItems: Record<string, unknown>[] }[] };
          const items = reply.value[0]!.scheduleItems;
          expect(items.length).toBeGreaterThan(0);
          for (const item of items) {
            expect(Object.keys(item).sort()).toEqual(['end', 'start', 'status']);
          }
        } else {
          expect(booking.refusal).toEqual({ code: 'noFreeBusy', personId: mentor.id });
          expect(booking.eventId ?? null).toBeNull();
        }
      } finally {
        stack.graph.calendars.outOfScopeSchedules = 'freeBusy';
      }
    });
  },
);
