import { FIRST_SESSION_AGENDA } from '../pair-space/first-session-agenda';

/**
 * The invitation both people receive for the whole series (PRODUCT rule 5): in the pair's
 * language, with the first session's agenda — introductions, expectations, agreeing the plan —
 * and a way back to the pair's space in the tab.
 */
export type InvitationLanguage = 'es' | 'en';

export interface InvitationInput {
  language: InvitationLanguage;
  programmeName: string;
  mentorName: string;
  menteeName: string;
  sessions: number;
  sessionMinutes: number;
  /** Deep link to the pair's space in the Tandem tab. */
  pairUrl: string;
}

const TEXT = {
  es: {
    subject: (i: InvitationInput) =>
      `Tandem · ${i.programmeName}: ${i.mentorName} y ${i.menteeName}`,
    intro: (i: InvitationInput) =>
      `${i.mentorName} (mentor) y ${i.menteeName} (mentee): estas son vuestras ${i.sessions} sesiones de ${i.sessionMinutes} minutos del programa «${i.programmeName}». Aceptad la serie completa; si una sesión no os viene bien, movedla sola: la serie sigue.`,
    firstSession: 'Primera sesión',
    link: 'Agenda, notas y objetivos en Tandem',
    footer: 'Las notas privadas solo las lee quien las escribe.',
  },
  en: {
    subject: (i: InvitationInput) =>
      `Tandem · ${i.programmeName}: ${i.mentorName} and ${i.menteeName}`,
    intro: (i: InvitationInput) =>
      `${i.mentorName} (mentor) and ${i.menteeName} (mentee): these are your ${i.sessions} sessions of ${i.sessionMinutes} minutes in "${i.programmeName}". Please accept the whole series; if one session does not suit you, move just that one — the series stays.`,
    firstSession: 'First session',
    link: 'Agenda, notes and goals in Tandem',
    footer: 'Private notes are read only by whoever writes them.',
  },
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

export function invitation(input: InvitationInput): { subject: string; html: string } {
  const t = TEXT[input.language];
  const items = FIRST_SESSION_AGENDA[input.language]
    .map((item) => `<li>${escapeHtml(item)}</li>`)
    .join('');
  return {
    subject: t.subject(input),
    html: [
      `<p>${escapeHtml(t.intro(input))}</p>`,
      `<p><strong>${escapeHtml(t.firstSession)}</strong></p>`,
      `<ol>${items}</ol>`,
      `<p><a href="${escapeHtml(input.pairUrl)}">${escapeHtml(t.link)}</a></p>`,
      `<p><small>${escapeHtml(t.footer)}</small></p>`,
    ].join(''),
  };
}

/** The pair's language: Spanish unless both prefer English (the seeds' organisations are Spanish). */
export function pairLanguage(
  a: string | null | undefined,
  b: string | null | undefined,
): InvitationLanguage {
  const english = (l: string | null | undefined) => !!l && l.toLowerCase().startsWith('en');
  return english(a) && english(b) ? 'en' : 'es';
}

/** What Outlook's cancellation says to both people when their programme closes. */
export function programmeClosedComment(
  programmeName: string,
  language: InvitationLanguage,
): string {
  return language === 'en'
    ? `The programme "${programmeName}" has closed: the sessions still ahead are cancelled.`
    : `El programa «${programmeName}» ha terminado: se cancelan las sesiones que quedaban.`;
}
