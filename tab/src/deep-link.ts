import { PAIR_PAGE } from '../../functions/src/domain/deep-link';

/**
 * Deep links arrive as Teams' `subPageId` (or `?page=` outside Teams): a path inside the tab such as
 * `pairs/abc/sessions/3`. Only paths of known shapes are followed; anything else opens the home page.
 */
const PATTERNS = [
  /^programmes\/[\w-]+(\/apply)?$/,
  PAIR_PAGE,
  /^admin(\/[\w-]+)*$/,
  /^advisor(\/[\w-]+)*$/,
];

export function pathOfDeepLink(link: string | undefined): string {
  const clean = (link ?? '').trim().replace(/^\/+|\/+$/g, '');
  return PATTERNS.some((p) => p.test(clean)) ? `/${clean}` : '/';
}
