import { programmePage } from '../../domain/deep-link';
import type { Programme } from '../../domain/programme/programme';
import type { Services } from '../../ports/services';
import { tell } from './tell';

/** The application moments: the applicant is told of each one of their application's. */
export type ApplicationMoment =
  | 'applicationReceived'
  | 'applicationApproved'
  | 'applicationNotSelected';

/**
 * Tells an applicant where their application stands (received, approved as a mentor, not
 * selected), opening the programme's page. One call after the application's change is stored;
 * a route handler calls it with what it has (the programme, or its id). Safe to repeat: the key is
 * the moment, the programme and the person (an application is one per person and programme).
 */
export async function tellApplicant(
  services: Pick<Services, 'outbox' | 'directory' | 'programmes' | 'clock'>,
  programme: Programme | string,
  personId: string,
  moment: ApplicationMoment,
): Promise<void> {
  const found =
    typeof programme === 'string' ? (await services.programmes.get(programme))?.value : programme;
  if (!found) return;
  await tell({ ...services, now: () => services.clock.now() }, found, {
    moment,
    to: [personId],
    subject: found.id,
    page: programmePage(found.id),
    facts: { programme: found.name },
  });
}
