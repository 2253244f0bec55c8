import { describe, expect, it } from 'vitest';
import { type PaneFacts, paneState } from './pane-state';

const deployed: PaneFacts = {
  inOutlook: true,
  pairId: 'pair-1',
  sso: true,
  localMode: false,
  signedInLocally: false,
};

describe('paneState', () => {
  it('shows the session when Outlook links the item to a pair and Office SSO signs in', () => {
    const start = new Date('2026-03-17T09:00:00Z');
    expect(paneState({ ...deployed, itemStart: start })).toEqual({
      kind: 'session',
      pairId: 'pair-1',
      itemStart: start,
    });
  });

  it('says the page belongs in Outlook when opened anywhere else, whatever it could sign in with', () => {
    expect(paneState({ ...deployed, inOutlook: false })).toEqual({ kind: 'outsideOutlook' });
  });

  it('falls back to "not a Tandem session" for an item without a link to a pair', () => {
    expect(paneState({ ...deployed, pairId: undefined })).toEqual({ kind: 'notTandem' });
    expect(paneState({ ...deployed, pairId: undefined, sso: false })).toEqual({
      kind: 'notTandem',
    });
  });

  it('tells a deployed Outlook without Office SSO that it cannot sign in, not to sign in locally', () => {
    expect(paneState({ ...deployed, sso: false })).toEqual({ kind: 'noSso' });
  });

  it('uses the local sign-in of the local stack when Outlook has no SSO, asking for it if absent', () => {
    const local = { ...deployed, sso: false, localMode: true };
    expect(paneState(local)).toEqual({ kind: 'noToken' });
    expect(paneState({ ...local, signedInLocally: true })).toMatchObject({ kind: 'session' });
  });
});
