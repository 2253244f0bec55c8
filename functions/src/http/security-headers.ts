/**
 * The browser headers Tandem sends, in one place: the dispatcher adds `API_HEADERS` to every API
 * response (Azure Functions and the local host alike), the local host adds `PAGE_HEADERS` to the
 * tab's files. Azure's static hosting must send the same values (docs/security.md lists them).
 */

/**
 * Who may frame the tab: Tandem itself and the Microsoft 365 hosts that embed Teams tabs and
 * Outlook add-ins, as Microsoft lists them under "Set Content Security Policy headers to allow
 * Teams and any other host applications of your app":
 * https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/tab-requirements
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
] as const;

/**
 * The tab's pages. The policy restricts framing, plugins and `<base>`; it does not restrict scripts
 * or connections: the Outlook pane loads office.js from Microsoft's CDN (which loads more of its
 * own), and the API and sign-in origins are configuration (docs/security.md).
 */
export const PAGE_CSP = [
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Headers every response of the tab's host carries. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * Every API response: JSON, problems and the CSV report are data, never a page, so nothing may
 * render or frame them; they carry personal data, so no cache keeps them.
 */
export const API_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
