import { pairPage } from '../../domain/deep-link';
import { ok } from '../../domain/result';
import { type TellPorts, tell } from '../notifications/tell';
import type { BookingStepDef } from './step';

export type NotifyPorts = TellPorts;

/**
 * Both people are told their series is in their calendars (`seriesBooked`), and — should the
 * confirmation's own step not have stored it (a crash right after the pair was made) — that they
 * are a pair (`paired`, the same key: stored once either way). Outbox entries only; the sender
 * job delivers them. Safe to repeat: each entry's key is the moment, the pair and the person.
 */
export const notifyPair: BookingStepDef<NotifyPorts> = {
  reaches: 'notified',
  async run(ports, run) {
    const { pair, programme } = run.subject;
    const [mentor, mentee] = await Promise.all([
      run.person(pair.mentorId),
      run.person(pair.menteeId),
    ]);
    const name = (id: string, person: typeof mentor) => person?.displayName ?? id;
    const partnerOf = (id: string) =>
      id === pair.mentorId ? name(pair.menteeId, mentee) : name(pair.mentorId, mentor);
    const to = [pair.mentorId, pair.menteeId];
    const page = pairPage(pair.id);
    await tell(ports, programme, {
      moment: 'paired',
      to,
      subject: pair.id,
      page,
      facts: (id) => ({
        programme: programme.name,
        partner: partnerOf(id),
        firstSession: run.booking.sessions[0]?.start ?? null,
      }),
    });
    await tell(ports, programme, {
      moment: 'seriesBooked',
      to,
      subject: pair.id,
      page,
      facts: (id) => ({ partner: partnerOf(id), sessions: run.booking.sessions.length }),
    });
    return ok({});
  },
};
