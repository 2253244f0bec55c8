import type { InvitationLanguage } from '../booking/invitation';
import { TANDEM_AUTHOR } from './authors';
import type { AgendaItem } from './pair-space';

/**
 * The first session's agenda (product rule 5): introductions, expectations, agreeing the plan. The
 * invitation lists it and the pair's space starts with it, in the pair's language.
 */
export const FIRST_SESSION_AGENDA: Record<InvitationLanguage, readonly string[]> = {
  es: ['Presentaciones', 'Expectativas de cada uno', 'Acordar el plan y los objetivos'],
  en: ['Introductions', 'What each of you expects', 'Agreeing the plan and goals'],
};

/**
 * The items Tandem writes into a newly booked pair's agenda, for the first session. Their ids are
 * fixed, so writing them again (a booking step repeated) stores nothing twice.
 */
export function firstSessionAgenda(input: {
  pairId: string;
  language: InvitationLanguage;
  firstSessionIndex: number;
  now: Date;
}): AgendaItem[] {
  const at = input.now.toISOString();
  return FIRST_SESSION_AGENDA[input.language].map((text, i) => ({
    id: `first-session-${i + 1}`,
    pairId: input.pairId,
    authorId: TANDEM_AUTHOR,
    createdAt: at,
    updatedAt: at,
    type: 'agenda',
    sessionIndex: input.firstSessionIndex,
    text,
    done: false,
  }));
}
