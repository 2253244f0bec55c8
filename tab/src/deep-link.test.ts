import { describe, expect, it } from 'vitest';
import { pathOfDeepLink } from './deep-link';

describe('pathOfDeepLink', () => {
  it('follows links to a pair, a session, a programme and the admin area', () => {
    expect(pathOfDeepLink('pairs/p-42')).toBe('/pairs/p-42');
    expect(pathOfDeepLink('/pairs/p-42/sessions/3/')).toBe('/pairs/p-42/sessions/3');
    expect(pathOfDeepLink('programmes/prog1/apply')).toBe('/programmes/prog1/apply');
    expect(pathOfDeepLink('admin/programmes/prog1')).toBe('/admin/programmes/prog1');
  });

  it('opens the home page for anything else', () => {
    for (const link of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      'pairs/../admin',
      'x',
    ]) {
      expect(pathOfDeepLink(link)).toBe('/');
    }
  });
});
