import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FRAME_ANCESTORS, PAGE_HEADERS } from '../../functions/src/http/security-headers';

/**
 * The tab's hosting (Azure Static Web Apps) sends security headers on every response
 * (globalHeaders: https://learn.microsoft.com/en-us/azure/static-web-apps/configuration#global-headers).
 * Teams, Outlook and the Microsoft 365 app frame the tab and the add-in pane, so frame-ancestors
 * lists each host Microsoft documents
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/m365-apps/extend-m365-teams-personal-tab#configure-content-security-policy-headers)
 * plus *.cloud.microsoft, the hosts' newer domain
 * (https://learn.microsoft.com/en-us/microsoft-365/enterprise/cloud-microsoft-domain).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const config = JSON.parse(readFileSync(join(root, 'tab/public/staticwebapp.config.json'), 'utf8'));
// The one list of framing hosts, shared with the local host (functions/src/http/security-headers.ts).
const FRAME_HOSTS: readonly string[] = FRAME_ANCESTORS.filter((source) => source !== "'self'");

function headerProblems(headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const csp = headers['Content-Security-Policy'] ?? '';
  const ancestors = /frame-ancestors ([^;]*)/.exec(csp)?.[1]?.split(/\s+/) ?? [];
  for (const host of FRAME_HOSTS)
    if (!ancestors.includes(host)) problems.push(`frame-ancestors lacks ${host}`);
  for (const source of ancestors) {
    if (source !== "'self'" && !FRAME_HOSTS.includes(source))
      problems.push(`frame-ancestors allows ${source}`);
  }
  if (headers['X-Content-Type-Options'] !== 'nosniff')
    problems.push('no X-Content-Type-Options: nosniff');
  if (
    !/^(strict-origin-when-cross-origin|no-referrer|same-origin|strict-origin)$/.test(
      headers['Referrer-Policy'] ?? '',
    )
  )
    problems.push('Referrer-Policy must not send full URLs to other sites');
  const maxAge = Number(/max-age=(\d+)/.exec(headers['Strict-Transport-Security'] ?? '')?.[1] ?? 0);
  if (maxAge < 31536000) problems.push('HSTS max-age must be a year or more');
  if ('X-Frame-Options' in headers)
    problems.push('X-Frame-Options would stop Teams and Outlook framing the tab');
  return problems;
}

describe("the tab's Static Web Apps configuration", () => {
  it('sends CSP frame-ancestors for the Microsoft 365 hosts, nosniff, Referrer-Policy and HSTS', () => {
    expect(headerProblems(config.globalHeaders)).toEqual([]);
  });

  it('sends exactly the page headers the local host sends (one policy, both hosts)', () => {
    const sent = Object.fromEntries(
      Object.entries(config.globalHeaders as Record<string, string>).map(([k, v]) => [
        k.toLowerCase(),
        v,
      ]),
    );
    for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(sent[name], name).toBe(value);
  });

  it.each([
    ['no HSTS', 'Strict-Transport-Security', undefined, /HSTS/],
    ['a short HSTS', 'Strict-Transport-Security', 'max-age=300', /HSTS/],
    ['no nosniff', 'X-Content-Type-Options', undefined, /nosniff/],
    ['any framer', 'Content-Security-Policy', "frame-ancestors 'self' *", /allows \*/],
    [
      'Outlook left out',
      'Content-Security-Policy',
      "frame-ancestors 'self' teams.microsoft.com",
      /outlook\.office\.com/,
    ],
    ['X-Frame-Options', 'X-Frame-Options', 'DENY', /X-Frame-Options/],
  ])('fails with %s', (_, header, value, expected) => {
    const headers: Record<string, string> = { ...config.globalHeaders };
    if (value === undefined) delete headers[header];
    else headers[header] = value;
    expect(headerProblems(headers).join('\n')).toMatch(expected);
  });
});
