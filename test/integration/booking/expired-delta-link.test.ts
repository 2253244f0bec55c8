import { beforeAll, describe, expect, test } from 'vitest';
import { bookPair } from '../../../functions/src/jobs/booking';
import { DELTA_EXPIRY_FORMS } from '../../sim/graph/tenant';
import { localStackForFile } from '../stack-for-file';
import {
  bookingDeps,
  confirmPair,
  createProgramme,
  sameDayInSpain,
  unrelatedCouples,
} from './booking-fixture';

/**
 * Booking runs an org-sync round first (PRODUCT rule 1, read live). After a week without sync the
 * delta link has expired, in any of the forms Microsoft documents (concepts/delta-query-overview.md,
 * "Token duration", "Synchronization reset"): the round starts over in full and booking proceeds.
 */
let fixture: ReturnType<typeof bookingDeps>;

const { stack } = localStackForFile();
beforeAll(async () => {
  fixture = bookingDeps(stack);
});

async function control(method: string, path: string, body: unknown) {
  const response = await fetch(`${stack.graph.url}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('booking after the directory delta link expired', () => {
  test.each(DELTA_EXPIRY_FORMS.map((form, i) => ({ form, i })))(
    '$form: a full round, then the series is booked',
    async ({ form, i }) => {
      const programme = await createProgramme(stack);
      const couples = unrelatedCouples(stack, ['Madrid'], ['Barcelona'], sameDayInSpain);
      const { mentor, mentee } = couples[i]!;
      // A first round leaves a delta link in the snapshot's state.
      await fixture.services.directorySync.refresh();
      await control('PUT', '/delta-expiry', { form });
      await control('POST', '/clock', {
        now: new Date(Date.now() + 8 * 24 * 3600_000).toISOString(),
      });
      try {
        const pairId = await confirmPair(fixture.pairs, programme, mentor, mentee);
        const booking = await bookPair(fixture.deps, pairId);
        expect([booking.status, booking.refusal, booking.lastError]).toEqual([
          'booked',
          null,
          null,
        ]);
        expect(booking.sessions.every((s) => s.occurrenceId)).toBe(true);
      } finally {
        await control('POST', '/clock', { now: new Date().toISOString() });
        await control('PUT', '/delta-expiry', { form: 'gone' });
      }
    },
  );
});
