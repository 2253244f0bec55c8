import { pairLanguage } from '../../domain/booking/invitation';
import { firstSessionAgenda } from '../../domain/pair-space/first-session-agenda';
import { ok } from '../../domain/result';
import type { PairSpaceStore } from '../../ports/pair-space';
import { AlreadyExistsError } from '../../ports/versioned';
import { type BookingStepDef, mailedPeople } from './step';

export interface SeedAgendaPorts {
  pairSpace: Pick<PairSpaceStore, 'create'>;
  now(): Date;
}

/**
 * The pair's space starts with the first session's agenda (rule 5: introductions, expectations,
 * agreeing the plan), in the pair's language, as the invitation lists it. The items have fixed
 * ids, so a repeated step finds them there and writes nothing twice.
 */
export const seedAgenda: BookingStepDef<SeedAgendaPorts> = {
  reaches: 'agendaSeeded',
  async run(ports, run) {
    const { mentor, mentee } = await mailedPeople(run);
    const items = firstSessionAgenda({
      pairId: run.booking.pairId,
      language: pairLanguage(mentor.preferredLanguage, mentee.preferredLanguage),
      firstSessionIndex: run.booking.sessions[0]?.index ?? 0,
      now: ports.now(),
    });
    for (const item of items) {
      try {
        await ports.pairSpace.create(item);
      } catch (error) {
        if (!(error instanceof AlreadyExistsError)) throw error;
      }
    }
    return ok({});
  },
};
