import { PAIR_PAGE } from '../../../functions/src/domain/deep-link';
import { pathOfDeepLink } from '../deep-link';

/** Outlook's Safe Links wrap every link of a message; the original is their `url` parameter. */
function unwrapSafeLink(url: URL): URL {
  if (!url.hostname.endsWith('.safelinks.protection.outlook.com')) return url;
  const original = url.searchParams.get('url');
  try {
    return original ? new URL(original) : url;
  } catch {
    return url;
  }
}

/** The pair path (`pairs/<id>…`) a link into Tandem carries, or undefined. */
function deepLinkOf(url: URL, tabOrigin: string): string | undefined {
  // The Teams deep link Tandem writes when the app is in the catalogue (compose.ts `pairLink`, functions/src/domain/deep-link.ts).
  if (
    url.origin === 'https://teams.microsoft.com' &&
    /^\/l\/entity\/[^/]+\/home$/.test(url.pathname)
  ) {
    try {
      const context = JSON.parse(url.searchParams.get('context') ?? '{}') as {
        subEntityId?: unknown;
      };
      return typeof context.subEntityId === 'string' ? context.subEntityId : undefined;
    } catch {
      return undefined;
    }
  }
  // The tab's own address, written before the app is in the catalogue: only the tab that serves
  // this pane counts, so a link to some other site's `?page=` is never followed.
  if (url.origin === tabOrigin) return url.searchParams.get('page') ?? undefined;
  return undefined;
}

/**
 * The pair a Tandem session belongs to, from the links in its invitation: each pair's series
 * carries a link back to the pair (see the booking's invitation), as a Teams deep link or the
 * tab's own address. Any other appointment has none: undefined.
 */
export function pairIdOfLinks(links: readonly string[], tabOrigin: string): string | undefined {
  for (const link of links) {
    let url: URL;
    try {
      url = unwrapSafeLink(new URL(link));
    } catch {
      continue;
    }
    const deepLink = deepLinkOf(url, tabOrigin);
    const match = deepLink ? PAIR_PAGE.exec(pathOfDeepLink(deepLink).slice(1)) : null;
    if (match) return match[1];
  }
  return undefined;
}

/** Every link target of an HTML body, as the browser parses it (entities decoded). */
export function linksOfHtml(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? '');
}
