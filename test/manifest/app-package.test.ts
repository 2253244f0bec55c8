import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildAppPackage } from '../../appPackage/scripts/package';

const fixture = fileURLToPath(new URL('./fixtures/.env.test', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'tandem-package-'));

describe('the app package', () => {
  const built = buildAppPackage({ env: 'test', envFile: fixture, outDir: out });
  const zip = unzipSync(readFileSync(built.zipPath));

  it('is a zip of the manifest, both icons and the Spanish strings, with nothing left to fill', () => {
    expect(Object.keys(zip).sort()).toEqual(
      ['color.png', 'localization/es-es.json', 'manifest.json', 'outline.png'].sort(),
    );
    for (const bytes of Object.values(zip)) {
      expect(Buffer.from(bytes).toString('latin1')).not.toContain('${{');
    }
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.id).toBe('3f2b1c9e-7a4d-4e2b-9c1f-5d6e7f8a9b0c');
    expect(manifest.webApplicationInfo).toEqual({
      id: '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
      resource: 'api://tandem.contosoiberica.example/7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e',
    });
    expect(manifest.staticTabs[0].contentUrl).toMatch(
      /^https:\/\/tandem\.contosoiberica\.example\//,
    );
  });

  it('has a 192 × 192 colour icon and a 32 × 32 white-on-transparent outline icon', () => {
    const color = PNG.sync.read(Buffer.from(zip['color.png']!));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(Buffer.from(zip['outline.png']!));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) transparent++;
      else if (
        outline.data[i] === 255 &&
        outline.data[i + 1] === 255 &&
        outline.data[i + 2] === 255
      )
        white++;
    }
    expect(transparent + white).toBe(32 * 32);
    expect(transparent).toBeGreaterThan(400);
    expect(white).toBeGreaterThan(50);
  });

  it('says every localizable string in Spanish that the manifest says in English', () => {
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    const es = JSON.parse(Buffer.from(zip['localization/es-es.json']!).toString('utf8'));
    const english: Record<string, string> = {
      'name.short': manifest.name.short,
      'name.full': manifest.name.full,
      'description.short': manifest.description.short,
      'description.full': manifest.description.full,
      ...Object.fromEntries(
        manifest.staticTabs
          .map((t: { name?: string }, i: number) => [`staticTabs[${i}].name`, t.name])
          .filter(([, name]: [string, string | undefined]) => name !== undefined),
      ),
    };
    const spanish = Object.keys(es).filter((k) => k !== '$schema');
    expect(spanish.sort()).toEqual(Object.keys(english).sort());
    for (const key of spanish) expect(es[key].trim().length, key).toBeGreaterThan(0);
  });

  it('names the missing variable when the env file lacks one', () => {
    const partial = join(out, '.env.partial');
    writeFileSync(partial, readFileSync(fixture, 'utf8').replace(/^AAD_APP_CLIENT_ID=.*$/m, ''));
    expect(() => buildAppPackage({ env: 'partial', envFile: partial, outDir: out })).toThrow(
      /no value for AAD_APP_CLIENT_ID/,
    );
  });

  it('refuses a manifest the schema refuses, and a tab outside HTTPS', () => {
    const bad = join(out, '.env.bad');
    writeFileSync(
      bad,
      readFileSync(fixture, 'utf8').replace(/^TEAMS_APP_ID=.*$/m, 'TEAMS_APP_ID=not-a-guid'),
    );
    expect(() => buildAppPackage({ env: 'bad', envFile: bad, outDir: out })).toThrow(
      /manifest\.json\/id/,
    );
    const http = join(out, '.env.http');
    writeFileSync(
      http,
      readFileSync(fixture, 'utf8').replace(
        /^TAB_DOMAIN=.*$/m,
        'TAB_DOMAIN=tandem.example:8080/x?y=http://a',
      ),
    );
    expect(() => buildAppPackage({ env: 'http', envFile: http, outDir: out })).toThrow(/not valid/);
  });

  it('writes the same zip for the same inputs', () => {
    const again = buildAppPackage({ env: 'test', envFile: fixture, outDir: join(out, 'again') });
    expect(readFileSync(again.zipPath).equals(readFileSync(built.zipPath))).toBe(true);
  });
});
