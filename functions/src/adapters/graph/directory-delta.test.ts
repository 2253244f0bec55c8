import type { Client } from '@microsoft/microsoft-graph-client';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { changeOf, graphDirectorySource, isExpiredDeltaToken } from './directory-delta';
import { GraphReplyError } from './event-wire';

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

describe('graphDirectorySource reads each delta page with its schema', () => {
  /** A client whose every request answers `reply` (the chain the adapter calls). */
  function answering(reply: unknown): Client {
    const request = {
      select: () => request,
      header: () => request,
      get: async () => reply,
    };
    return { api: () => request } as unknown as Client;
  }
  const firstPage = async (reply: unknown) => {
    for await (const page of graphDirectorySource(answering(reply)).readRound(null)) return page;
  };

  it('reads a page of users, keeping the delta link', async () => {
    const page = await firstPage({
      value: [{ id: 'u1', displayName: 'Ana', 'manager@delta': [{ id: 'm1' }] }],
      '@odata.deltaLink': 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=x',
    });
    expect(page?.deltaLink).toMatch(/deltatoken/);
    expect(page?.changes).toEqual([
      expect.objectContaining({
        kind: 'upsert',
        id: 'u1',
        fields: expect.objectContaining({ managerId: 'm1' }),
      }),
    ]);
  });

  it('refuses a page whose users have no id, or whose value is not a list', async () => {
    await expect(firstPage({ value: [{ displayName: 'Ana' }] })).rejects.toThrow(GraphReplyError);
    await expect(firstPage({ value: 'none' })).rejects.toThrow(/directory delta.*value/);
  });
});
