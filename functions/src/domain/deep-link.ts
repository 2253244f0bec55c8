/**
 * The addresses of the tab's pages that leave the tab: a pair's page, linked from every
 * invitation of the pair's series (the booking's invitation, compose.ts) and from the Outlook
 * pane, and read back by the tab (tab/src/deep-link.ts) and the pane (tab/src/addin/session-link.ts).
 * Declared once, free of imports, so the tab takes it without the server around it.
 */

/** The tab's page of a pair, as a deep link carries it: `pairs/<id>`. */
export function pairPage(pairId: string): string {
  return `pairs/${pairId}`;
}

/** A programme's page for an employee (where they stand, their application): `programmes/<id>`. */
export function programmePage(programmeId: string): string {
  return `programmes/${programmeId}`;
}

/** HR's booking section of a programme: `admin/programmes/<id>/booking`. */
export function bookingPage(programmeId: string): string {
  return `admin/programmes/${programmeId}/booking`;
}

/** A pair's page (and a session in it), as a deep link names it; the pair id is group 1. */
export const PAIR_PAGE = /^pairs\/([\w-]+)(?:\/sessions\/[\w-]+)?$/;

/** The tab's own address of a page (outside Teams, or before the app is in the catalogue). */
export function tabAddress(tabUrl: string, page: string): string {
  return `${tabUrl}/?page=${encodeURIComponent(page)}`;
}

/**
 * A Teams deep link into the app's `home` tab with the page as its `subEntityId`, which the tab
 * reads back as `subPageId` (https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/deep-link-application,
 * "Deep link to navigate within your app": `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context=…`).
 */
export function teamsAddress(teamsAppId: string, page: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: page }));
  return `https://teams.microsoft.com/l/entity/${teamsAppId}/home?context=${context}`;
}
