import { describe, expect, it } from 'vitest';
import { invitation } from '../booking/invitation';
import { TANDEM_AUTHOR } from './authors';
import { FIRST_SESSION_AGENDA, firstSessionAgenda } from './first-session-agenda';
import { editAgendaItem, mayDelete, newAgendaItem } from './pair-space';

const NOW = new Date('2027-03-10T12:00:00Z');

describe('the first session’s agenda (rule 5)', () => {
  it('starts the pair’s agenda in the pair’s language, for the first session, with fixed ids', () => {
    for (const language of ['es', 'en'] as const) {
      const items = firstSessionAgenda({ pairId: 'p1', language, firstSessionIndex: 0, now: NOW });
      expect(items.map((i) => i.text)).toEqual(FIRST_SESSION_AGENDA[language]);
      expect(items.every((i) => i.sessionIndex === 0 && i.authorId === TANDEM_AUTHOR)).toBe(true);
      expect(items.every((i) => i.pairId === 'p1' && !i.done)).toBe(true);
      // Written again (a booking step repeated), the same ids: nothing stored twice.
      const again = firstSessionAgenda({ pairId: 'p1', language, firstSessionIndex: 0, now: NOW });
      expect(again.map((i) => i.id)).toEqual(items.map((i) => i.id));
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    }
    expect(FIRST_SESSION_AGENDA.es[0]).toBe('Presentaciones');
    expect(FIRST_SESSION_AGENDA.en[0]).toBe('Introductions');
  });

  it('is the agenda the invitation lists', () => {
    for (const language of ['es', 'en'] as const) {
      const { html } = invitation({
        language,
        programmeName: 'P',
        mentorName: 'A',
        menteeName: 'B',
        sessions: 10,
        sessionMinutes: 60,
        pairUrl: 'https://example.test/pair',
      });
      for (const item of FIRST_SESSION_AGENDA[language]) expect(html).toContain(`<li>${item}</li>`);
    }
  });

  it('lets either member rewrite or delete Tandem’s items, but not the other member’s', () => {
    const [seeded] = firstSessionAgenda({
      pairId: 'p1',
      language: 'es',
      firstSessionIndex: 0,
      now: NOW,
    });
    for (const member of ['mentor-1', 'mentee-1']) {
      const edited = editAgendaItem(seeded!, member, { text: 'Presentarnos con calma' }, NOW);
      expect(edited.ok && edited.value.text).toBe('Presentarnos con calma');
      expect(mayDelete(seeded!, member, 'mentor')).toEqual({ ok: true, value: true });
    }
    const theirs = newAgendaItem(
      { id: 'a1', pairId: 'p1', authorId: 'mentee-1', now: NOW },
      { text: 'x' },
    );
    expect(mayDelete(theirs, 'mentor-1', 'mentor')).toEqual({
      ok: false,
      reason: { code: 'notAuthor' },
    });
    expect(editAgendaItem(theirs, 'mentor-1', { text: 'y' }, NOW)).toEqual({
      ok: false,
      reason: { code: 'notAuthor' },
    });
  });
});
