import { describe, expect, it } from 'vitest';
import { readTabConfig } from './tab-config';

describe('the tab config is read with its schema', () => {
  const production = {
    mode: 'production',
    apiBaseUrl: 'https://api.contoso.example/api',
    tenantId: 't',
    clientId: 'c',
  };

  it('reads what deploy.sh writes, and the local host’s config', () => {
    expect(readTabConfig(production)).toEqual(production);
    const local = {
      ...production,
      mode: 'local',
      issuerUrl: 'https://localhost:1',
      demoClock: true,
    };
    expect(readTabConfig(local)).toEqual(local);
  });

  it('names the field that is missing or wrong', () => {
    const { clientId: _, ...noClient } = production;
    expect(() => readTabConfig(noClient)).toThrow(/clientId/);
    expect(() => readTabConfig({ ...production, mode: 'staging' })).toThrow(/mode/);
    expect(() => readTabConfig('not an object')).toThrow(/tab-config\.json does not read/);
  });
});
