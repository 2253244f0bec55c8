import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { changeOf, isExpiredDeltaToken } from './directory-delta';

describe('changeOf (user-delta.md: a never-set property and a missing manager are absent)', () => {
  it('in a full round, reads an absent property or manager@delta as unset', () => {
    expect(changeOf({ id: 'ana', displayName: 'Ana', jobTitle: 'CEO' }, true)).toEqual({
      kind: 'upsert',
      id: 'ana',
      fields: {
        displayName: 'Ana',
        jobTitle: 'CEO',
        mail: null,
        userPrincipalName: null,
        department: null,
        officeLocation: null,
        preferredLanguage: null,
        accountEnabled: true,
        managerId: null,
      },
    });
  });

  it('in a changes round, keeps what the entry leaves out', () => {
    expect(changeOf({ id: 'ana', jobTitle: null })).toEqual({
      kind: 'upsert',
      id: 'ana',
      fields: { jobTitle: null },
    });
  });

  it('names the manager a removal removes, for org sync to judge against the stored one', () => {
    expect(
      changeOf({ id: 'ana', 'manager@delta': [{ id: 'boss', '@removed': { reason: 'deleted' } }] }),
    ).toEqual({ kind: 'upsert', id: 'ana', fields: {}, managerRemoved: 'boss' });
    expect(
      changeOf({
        id: 'ana',
        'manager@delta': [{ id: 'old', '@removed': { reason: 'deleted' } }, { id: 'new' }],
      }),
    ).toEqual({ kind: 'upsert', id: 'ana', fields: { managerId: 'new' } });
  });
});

describe('isExpiredDeltaToken (delta-query-overview.md, "Token duration")', () => {
  const error = (status: number, code: string) => Object.assign(new GraphError(status), { code });
  it('takes 410 and a 4xx syncStateNotFound or resyncRequired as expiry', () => {
    expect(isExpiredDeltaToken(error(410, 'resyncRequired'))).toBe(true);
    expect(isExpiredDeltaToken(error(400, 'syncStateNotFound'))).toBe(true);
    expect(isExpiredDeltaToken(error(400, 'resyncRequired'))).toBe(true);
  });
  it('does not take throttling, auth or other errors for expiry', () => {
    expect(isExpiredDeltaToken(error(429, 'syncStateNotFound'))).toBe(false);
    expect(isExpiredDeltaToken(error(403, 'resyncRequired'))).toBe(false);
    expect(isExpiredDeltaToken(error(400, 'Request_UnsupportedQuery'))).toBe(false);
    expect(isExpiredDeltaToken(error(503, 'syncStateNotFound'))).toBe(false);
  });
});
