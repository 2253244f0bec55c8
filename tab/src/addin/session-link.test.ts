import { describe, expect, it } from 'vitest';
import { pairIdOfLinks } from './session-link';

const TAB = 'https://tandem.contoso.example';
const teamsLink = (subEntityId: string, appId = '3f2b1c9e-7a4d-4e2b-9c1f-5d6e7f8a9b0c') =>
  `https://teams.microsoft.com/l/entity/${appId}/home?context=${encodeURIComponent(
    JSON.stringify({ subEntityId }),
  )}`;

describe('finding the pair of a Tandem session from its invitation’s links', () => {
  it('reads the pair from the Teams deep link the booking writes', () => {
    expect(pairIdOfLinks([teamsLink('pairs/p-123')], TAB)).toBe('p-123');
    expect(pairIdOfLinks([teamsLink('pairs/p-123/sessions/2')], TAB)).toBe('p-123');
  });

  it('reads the pair from the tab’s own address, but only on the tab that serves the pane', () => {
    expect(pairIdOfLinks([`${TAB}/?page=pairs%2Fp-9`], TAB)).toBe('p-9');
    expect(pairIdOfLinks([`https://elsewhere.example/?page=pairs%2Fp-9`], TAB)).toBeUndefined();
  });

  it('unwraps Outlook’s Safe Links before reading the link', () => {
    const wrapped = `https://eur01.safelinks.protection.outlook.com/?url=${encodeURIComponent(
      teamsLink('pairs/p-7'),
    )}&data=05%7C02&reserved=0`;
    expect(pairIdOfLinks([wrapped], TAB)).toBe('p-7');
  });

  it('skips the meeting’s other links and finds the pair among them', () => {
    const links = [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d',
      'mailto:someone@contoso.example',
      'not a url',
      teamsLink('pairs/p-42'),
    ];
    expect(pairIdOfLinks(links, TAB)).toBe('p-42');
  });

  it('finds no pair in any other appointment, nor in a link to another part of Tandem', () => {
    expect(pairIdOfLinks([], TAB)).toBeUndefined();
    expect(pairIdOfLinks(['https://intranet.contoso.example/lunch'], TAB)).toBeUndefined();
    expect(pairIdOfLinks([teamsLink('programmes/x1')], TAB)).toBeUndefined();
    expect(pairIdOfLinks([teamsLink('pairs/../admin')], TAB)).toBeUndefined();
    const broken = 'https://teams.microsoft.com/l/entity/a/home?context=%7Bnot-json';
    expect(pairIdOfLinks([broken], TAB)).toBeUndefined();
  });
});
