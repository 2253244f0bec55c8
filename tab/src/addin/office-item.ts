/// <reference types="office-js" />

/** What the pane reads of the calendar item it was opened on. */
export interface CalendarItem {
  subject: string;
  /** The body as HTML: the booking's invitation carries the link back to the pair. */
  bodyHtml: string;
  /** When this occurrence (or the series' first one) starts, if Outlook says. */
  start?: Date;
  /** The item's id, and the series master's id for an occurrence (Mailbox 1.7). */
  itemId?: string;
  seriesId?: string;
}

/** The host as Office.onReady reports it, or undefined outside Office (office.js absent or idle). */
export async function officeReady(timeoutMs = 5000): Promise<Office.HostType | undefined> {
  if (typeof Office === 'undefined') return undefined;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]);
  return info?.host ?? undefined;
}

function settle<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    call((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message ?? 'Office call failed'));
    });
  });
}

/**
 * The open calendar item. An attendee reads it (appointment read: plain properties); the organiser
 * has it open for editing (appointment compose: the same fields through `getAsync`).
 */
export async function readCalendarItem(): Promise<CalendarItem | undefined> {
  const item = Office.context.mailbox?.item as
    | (Office.AppointmentRead & Office.AppointmentCompose)
    | null
    | undefined;
  if (!item) return undefined;
  const subject =
    typeof item.subject === 'string'
      ? item.subject
      : await settle<string>((cb) => (item.subject as Office.Subject).getAsync(cb));
  const bodyHtml = await settle<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb));
  let start: Date | undefined;
  if (item.start instanceof Date) start = item.start;
  else if (item.start && typeof (item.start as Office.Time).getAsync === 'function') {
    start = await settle<Date>((cb) => (item.start as Office.Time).getAsync(cb)).catch(
      () => undefined,
    );
  }
  return {
    subject,
    bodyHtml,
    start,
    itemId: typeof item.itemId === 'string' ? item.itemId : undefined,
    seriesId: typeof item.seriesId === 'string' ? item.seriesId : undefined,
  };
}

/**
 * A token for the Tandem API by Office SSO: Outlook asks Entra for the app of the manifest's
 * `webApplicationInfo`, the same audience as the Teams tab's token. Undefined where the host lacks
 * IdentityAPI 1.3 (older Outlook), so the caller can fall back.
 */
export function officeSsoToken(): (() => Promise<string>) | undefined {
  if (!Office.context.requirements?.isSetSupported('IdentityAPI', '1.3')) return undefined;
  return () => Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
}

/** Office's display language ("es-ES") and whether its theme is dark. */
export function officeLook(): { locale: string; dark: boolean } {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  return { locale: Office.context.displayLanguage ?? navigator.language, dark: isDark(background) };
}

function isDark(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => Number.parseInt(c!, 16) / 255) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
