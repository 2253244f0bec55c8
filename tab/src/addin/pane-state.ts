import type { PaneState } from './SessionPane';

/** What boot found out about where the pane runs, the item it was opened on, and sign-in. */
export interface PaneFacts {
  inOutlook: boolean;
  /** The pair the item's invitation links to, if any. */
  pairId: string | undefined;
  itemStart?: Date;
  /** Office SSO is available (IdentityAPI 1.3). */
  sso: boolean;
  /** The local stack's sign-in exists (npm start); a deployed tab has none. */
  localMode: boolean;
  signedInLocally: boolean;
}

/**
 * Which screen the pane shows. A deployed Outlook without Office SSO cannot sign anyone in, so it
 * says so instead of asking for a local sign-in that only `npm start` has.
 */
export function paneState(facts: PaneFacts): PaneState {
  if (!facts.inOutlook) return { kind: 'outsideOutlook' };
  if (!facts.pairId) return { kind: 'notTandem' };
  if (!facts.sso && !facts.localMode) return { kind: 'noSso' };
  if (!facts.sso && !facts.signedInLocally) return { kind: 'noToken' };
  return { kind: 'session', pairId: facts.pairId, itemStart: facts.itemStart };
}
