import { describe, expect, it } from 'vitest';
import { pairPage, tabAddress, teamsAddress } from '../../../functions/src/domain/deep-link';
import { pathOfDeepLink } from '../deep-link';
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

describe('the links the API writes (functions/src/domain/deep-link.ts)', () => {
  const id = '0b7c7d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
  it('are read back by the pane, as the Teams deep link and as the tab address', () => {
    expect(
      pairIdOfLinks([teamsAddress('3f2b1c9e-7a4d-4e2b-9c1f-5d6e7f8a9b0c', pairPage(id))], TAB),
    ).toBe(id);
    expect(pairIdOfLinks([tabAddress(TAB, pairPage(id))], TAB)).toBe(id);
    expect(
      pairIdOfLinks([tabAddress('https://elsewhere.example', pairPage(id))], TAB),
    ).toBeUndefined();
  });

  it('open the pair page in the tab', () => {
    expect(pathOfDeepLink(pairPage(id))).toBe(`/pairs/${id}`);
    expect(pathOfDeepLink(`${pairPage(id)}/sessions/3`)).toBe(`/pairs/${id}/sessions/3`);
  });
});
