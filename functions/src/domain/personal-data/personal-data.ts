import type { Application } from '../application/application';
import type { Booking } from '../booking/booking';
import type { Pair } from '../pair/pair';
import type { SpaceEntry } from '../pair-space/pair-space';
import type { Programme } from '../programme/programme';

/**
 * A person's own data (GDPR access and erasure): everything Tandem keeps that they gave it —
 * applications, and what they wrote in their pairs' spaces (private notes included) — exported
 * whole, and erased when their participation is over.
 */

export interface MyPairData {
  pair: Pair;
  programme: Pick<Programme, 'id' | 'name' | 'kind' | 'status'>;
  booking: Pick<Booking, 'status'> | undefined;
  /** What this person wrote in the pair's space. */
  mine: SpaceEntry[];
}

export type ErasureBlocker =
  | { code: 'activeApplication'; programmeId: string; programmeName: string }
  | { code: 'activePair'; pairId: string; programmeName: string };

/**
 * What stops an erasure now. A pair still running keeps the other person's sessions and shared
 * space going, and an application under review is HR's to decide: the person withdraws, or HR ends
 * the pair (or closes the programme) first — Tandem never removes someone from a running
 * programme behind everyone's back.
 */
export function erasureBlockers(
  applications: readonly {
    application: Application;
    programme: Pick<Programme, 'id' | 'name' | 'status'>;
  }[],
  pairs: readonly MyPairData[],
): ErasureBlocker[] {
  const blockers: ErasureBlocker[] = [];
  for (const { application, programme } of applications) {
    const decided = application.status === 'withdrawn' || application.status === 'rejected';
    const reviewing = ['pilot', 'open', 'matching'].includes(programme.status);
    if (!decided && reviewing) {
      blockers.push({
        code: 'activeApplication',
        programmeId: programme.id,
        programmeName: programme.name,
      });
    }
  }
  for (const { pair, programme, booking } of pairs) {
    const over =
      programme.status === 'closed' || booking?.status === 'ended' || booking?.status === 'refused';
    if (!over) {
      blockers.push({ code: 'activePair', pairId: pair.id, programmeName: programme.name });
    }
  }
  return blockers;
}

/** The export: one JSON document, in a stable order, with what each part is. */
export function exportDocument(input: {
  person: { id: string; name: string; username: string };
  exportedAt: Date;
  applications: readonly Application[];
  pairs: readonly MyPairData[];
}) {
  return {
    about:
      'Everything Tandem keeps that you gave it: your applications and what you wrote in your pairs’ spaces, private notes included. Your organisation’s directory (name, manager, department) comes from Microsoft Entra ID and is not Tandem’s to export.',
    exportedAt: input.exportedAt.toISOString(),
    person: input.person,
    applications: [...input.applications].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    pairs: input.pairs.map(({ pair, programme, booking, mine }) => ({
      pairId: pair.id,
      programme,
      role: pair.mentor.id === input.person.id ? 'mentor' : 'mentee',
      with: pair.mentor.id === input.person.id ? pair.mentee : pair.mentor,
      status: pair.status,
      booking: booking?.status ?? null,
      confirmedAt: pair.createdAt,
      written: [...mine].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    })),
  };
}
