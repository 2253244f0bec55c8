import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const base = {
  TANDEM_TENANT_ID: '6d1f0a8e-2b1c-4c55-9f0e-3a2b1c4d5e6f',
  TANDEM_CLIENT_ID: '0f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
  TANDEM_STORAGE_ACCOUNT_URL: 'https://tandem.table.core.windows.net',
};

describe('key set and issuer URLs', () => {
  it.each(['TANDEM_JWKS_URL', 'TANDEM_ISSUER'])('refuses an http:// %s off loopback', (name) => {
    expect(() => loadConfig({ ...base, [name]: 'http://login.example.com/keys' })).toThrow(
      new RegExp(`${name}: must be an https:// URL`),
    );
  });

  it.each([
    'http://127.0.0.1:4000/keys',
    'http://[::1]:4000/keys',
    'http://localhost:4000/keys',
    'https://login.microsoftonline.com/t/discovery/v2.0/keys',
  ])('accepts %s', (url) => {
    const config = loadConfig({ ...base, TANDEM_JWKS_URL: url, TANDEM_ISSUER: url });
    expect(config.jwksUrl).toBe(url);
    expect(config.issuer).toBe(url);
  });

  it.each([
    'http://127.0.0.1.example.com/keys',
    'http://localhost.example.com/keys',
    'ftp://127.0.0.1/keys',
  ])('refuses %s', (url) => {
    expect(() => loadConfig({ ...base, TANDEM_JWKS_URL: url })).toThrow(/TANDEM_JWKS_URL/);
  });

  it("defaults to Entra's https endpoints", () => {
    const config = loadConfig(base);
    expect(config.jwksUrl).toMatch(/^https:\/\/login\.microsoftonline\.com\//);
    expect(config.issuer).toMatch(/^https:\/\/login\.microsoftonline\.com\//);
  });
});

describe('the Microsoft cloud', () => {
  it.each([
    ['global', 'https://graph.microsoft.com', 'https://login.microsoftonline.com'],
    ['usGov', 'https://graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['usGovDoD', 'https://dod-graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['china', 'https://microsoftgraph.chinacloudapi.cn', 'https://login.chinacloudapi.cn'],
  ])('%s: Graph root, scope and Entra endpoints follow it', (cloud, graph, login) => {
    const config = loadConfig({ ...base, TANDEM_CLOUD: cloud });
    expect(config.graphUrl).toBe(graph);
    expect(config.graphScope).toBe(`${graph}/.default`);
    expect(config.authority).toBe(`${login}/${base.TANDEM_TENANT_ID}`);
    expect(config.issuer).toBe(`${login}/${base.TANDEM_TENANT_ID}/v2.0`);
    expect(config.jwksUrl).toBe(`${login}/${base.TANDEM_TENANT_ID}/discovery/v2.0/keys`);
  });

  it('defaults to the global cloud and refuses an unknown one', () => {
    expect(loadConfig(base).graphScope).toBe('https://graph.microsoft.com/.default');
    expect(() => loadConfig({ ...base, TANDEM_CLOUD: 'germany' })).toThrow(/TANDEM_CLOUD/);
  });

  it('points Graph anywhere with TANDEM_GRAPH_URL, keeping the scope of the cloud', () => {
    const config = loadConfig({
      ...base,
      TANDEM_CLOUD: 'usGov',
      TANDEM_GRAPH_URL: 'https://localhost:8443/',
    });
    expect(config.graphUrl).toBe('https://localhost:8443');
    expect(config.graphScope).toBe('https://graph.microsoft.us/.default');
    expect(() => loadConfig({ ...base, TANDEM_GRAPH_URL: 'http://localhost:8443' })).toThrow(
      /TANDEM_GRAPH_URL/,
    );
  });
});

describe('the longest Graph wait slept in place', () => {
  it('is 30 s unless set', () => {
    expect(loadConfig(base).graphMaxWaitSeconds).toBe(30);
    expect(loadConfig({ ...base, TANDEM_GRAPH_MAX_WAIT_SECONDS: '5' }).graphMaxWaitSeconds).toBe(5);
  });

  it.each(['soon', '-1', '181', '2.5'])('refuses %s, naming the setting', (value) => {
    expect(() => loadConfig({ ...base, TANDEM_GRAPH_MAX_WAIT_SECONDS: value })).toThrow(
      /TANDEM_GRAPH_MAX_WAIT_SECONDS/,
    );
  });
});
