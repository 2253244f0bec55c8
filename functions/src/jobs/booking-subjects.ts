import { movePair } from '../domain/pair/pair';
import type { ApplicationStore } from '../ports/applications';
import type { BookingSubjects } from '../ports/bookings';
import type { Clock } from '../ports/clock';
import type { PairStore } from '../ports/pairs';
import type { ProgrammeStore } from '../ports/programmes';
import { StaleVersionError } from '../ports/versioned';

/** Booking's view of confirmed pairs and their programmes, over their stores; time from `clock`. */
export function bookingSubjects(
  pairs: PairStore,
  programmes: ProgrammeStore,
  clock: Clock,
  applications: Pick<ApplicationStore, 'get'>,
): BookingSubjects {
  return {
    async load(pairId) {
      const pair = (await pairs.get(pairId))?.value;
      if (!pair) return undefined;
      const programme = (await programmes.get(pair.programmeId))?.value;
      if (!programme) return undefined;
      // What each said suits them best on the form: the planner's preference (issue #20).
      const [mentorForm, menteeForm] = await Promise.all([
        applications.get(pair.programmeId, pair.mentor.id),
        applications.get(pair.programmeId, pair.mentee.id),
      ]);
      const preferences = (a: typeof mentorForm) =>
        a ? { days: a.value.availability.days, partsOfDay: a.value.availability.partsOfDay } : {};
      return {
        preferences: { mentor: preferences(mentorForm), mentee: preferences(menteeForm) },
        pair: {
          id: pair.id,
          programmeId: pair.programmeId,
          mentorId: pair.mentor.id,
          menteeId: pair.mentee.id,
        },
        programme,
      };
    },

    async markPair(pairId, status) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const found = await pairs.get(pairId);
        if (!found || found.value.status === status) return;
        const moved = movePair(found.value, status, clock.now());
        // A transition the pair does not allow (e.g. already booked) leaves it as it is.
        if (!moved.ok) return;
        try {
          await pairs.replace(moved.pair, found.etag);
          return;
        } catch (error) {
          if (!(error instanceof StaleVersionError)) throw error;
        }
      }
    },
  };
}
