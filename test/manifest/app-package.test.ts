import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import {
  buildAppPackage,
  localizableStrings,
  templateParameters,
} from '../../appPackage/scripts/package';

const fixture = fileURLToPath(new URL('./fixtures/.env.test', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'tandem-package-'));
const sources = fileURLToPath(new URL('../../appPackage', import.meta.url));
const tabPublic = fileURLToPath(new URL('../../tab/public', import.meta.url));

/** A scratch copy of appPackage's sources, for a test to break one thing in. */
function copyOfSources(name: string): string {
  const dir = join(out, `sources-${name}`);
  for (const file of ['manifest.json', 'color.png', 'outline.png', 'localization']) {
    cpSync(join(sources, file), join(dir, file), { recursive: true });
  }
  return dir;
}

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
    const english = localizableStrings(manifest);
    const button = 'extensions[0].ribbons[0].tabs[0].groups[0].controls[0]';
    // The add-in's ribbon texts are among them, not only the app's name and description.
    expect(Object.keys(english)).toEqual(
      expect.arrayContaining([
        'name.short',
        'description.full',
        'staticTabs[0].name',
        'extensions[0].ribbons[0].tabs[0].groups[0].label',
        `${button}.label`,
        `${button}.supertip.title`,
        `${button}.supertip.description`,
      ]),
    );
    expect(english[`${button}.label`]).toBe('Session notes');
    const spanish = Object.keys(es).filter((k) => k !== '$schema');
    expect(spanish.sort()).toEqual(Object.keys(english).sort());
    for (const key of spanish) expect(es[key].trim().length, key).toBeGreaterThan(0);
    expect(es[`${button}.label`]).toBe('Notas de la sesión');
  });

  it('refuses a package whose Spanish file lacks one of the add-in’s strings', () => {
    const source = copyOfSources('no-spanish');
    const file = join(source, 'localization/es-es.json');
    const es = JSON.parse(readFileSync(file, 'utf8'));
    delete es['extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.description'];
    writeFileSync(file, JSON.stringify(es));
    expect(() =>
      buildAppPackage({ env: 'test', envFile: fixture, outDir: out, sourceDir: source }),
    ).toThrow(/es-es\.json: no extensions\[0\]\.ribbons.*supertip\.description/);
  });

  it('adds one Outlook add-in: a pane of the tab’s host on meeting details, attendee and organiser', () => {
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    expect(manifest.extensions).toHaveLength(1);
    const [extension] = manifest.extensions;
    expect(extension.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });
    const [runtime] = extension.runtimes;
    expect(runtime.code.page).toBe('https://tandem.contosoiberica.example/addin.html');
    expect(runtime.lifetime).toBe('short');
    expect(runtime.actions).toEqual([expect.objectContaining({ type: 'openPage' })]);
    const [ribbon] = extension.ribbons;
    expect(ribbon.contexts.sort()).toEqual(['meetingDetailsAttendee', 'meetingDetailsOrganizer']);
    const [group] = ribbon.tabs[0].groups;
    expect(ribbon.tabs[0].builtInTabId).toBe('TabDefault');
    expect(group.label).toBe('Tandem');
    expect(group.controls).toEqual([
      expect.objectContaining({ type: 'button', actionId: runtime.actions[0].id }),
    ]);
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({
      name: 'MailboxItem.Read.User',
      type: 'Delegated',
    });
  });

  it('lists ribbon icons of 16, 32 and 80 px that the tab serves at exactly those sizes', () => {
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    const group = manifest.extensions[0].ribbons[0].tabs[0].groups[0];
    for (const icons of [group.icons, group.controls[0].icons]) {
      expect(icons.map((i: { size: number }) => i.size)).toEqual([16, 32, 80]);
      for (const icon of icons as { size: number; url: string }[]) {
        const url = new URL(icon.url);
        expect(url.origin).toBe('https://tandem.contosoiberica.example');
        const png = PNG.sync.read(readFileSync(join(tabPublic, url.pathname)));
        expect([png.width, png.height], url.pathname).toEqual([icon.size, icon.size]);
        // Drawn on transparency, so the ribbon's own background shows around the rings.
        expect(png.data[3]).toBe(0);
      }
    }
  });

  it('refuses ribbon icons the tab does not serve at the size the manifest says', () => {
    const wrong = mkdtempSync(join(tmpdir(), 'tandem-public-'));
    mkdirSync(join(wrong, 'addin'));
    for (const size of [16, 32, 80]) {
      const png = new PNG({ width: 24, height: 24 });
      writeFileSync(join(wrong, `addin/icon-${size}.png`), PNG.sync.write(png));
    }
    expect(() =>
      buildAppPackage({ env: 'test', envFile: fixture, outDir: out, tabPublicDir: wrong }),
    ).toThrow(/addin\/icon-80\.png is 24×24/);
    expect(() =>
      buildAppPackage({
        env: 'test',
        envFile: fixture,
        outDir: out,
        tabPublicDir: join(out, 'nowhere'),
      }),
    ).toThrow(/addin\/icon-16\.png is not a file of the tab/);
  });

  it('refuses a package whose privacy or terms page the tab does not serve', () => {
    const bare = mkdtempSync(join(tmpdir(), 'tandem-public-'));
    cpSync(tabPublic, bare, { recursive: true });
    rmSync(join(bare, 'privacy.html'));
    expect(() =>
      buildAppPackage({ env: 'test', envFile: fixture, outDir: out, tabPublicDir: bare }),
    ).toThrow(/developer\.privacyUrl: the tab serves no \/privacy\.html/);
  });

  it('refuses a button that opens no declared action, and a pane served off the tab’s host', () => {
    const source = copyOfSources('bad-extension');
    const file = join(source, 'manifest.json');
    const manifest = readFileSync(file, 'utf8')
      .replace('"actionId": "OpenSessionPane"', '"actionId": "Elsewhere"')
      .replace(/https:\/\/\$\{\{TAB_DOMAIN\}\}\/addin\.html/, 'https://addins.example/addin.html');
    writeFileSync(file, manifest);
    let message = '';
    try {
      buildAppPackage({ env: 'test', envFile: fixture, outDir: out, sourceDir: source });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/controls\[0\]: actionId must name a runtime action/);
    expect(message).toMatch(/runtimes\[0\]\.code\.page must be an HTML page on tandem/);
  });

  it('declares an activity type for every moment Tandem tells someone of, in English and Spanish', () => {
    const manifest = JSON.parse(Buffer.from(zip['manifest.json']!).toString('utf8'));
    const es = JSON.parse(Buffer.from(zip['localization/es-es.json']!).toString('utf8'));
    const types = manifest.activities.activityTypes as { type: string; templateText: string }[];
    // docs/notifications.md lists the moments; the port (functions/src/ports/notifications.ts) too.
    expect(types.map((t) => t.type)).toEqual(
      expect.arrayContaining(['applicationReceived', 'paired', 'feedbackDue', 'pairsAtRisk']),
    );
    const paired = types.findIndex((t) => t.type === 'paired');
    expect(templateParameters(types[paired]!.templateText)).toEqual([
      'firstSession',
      'partner',
      'programme',
    ]);
    expect(es[`activities.activityTypes[${paired}].templateText`]).toMatch(/^\{actor\}: formas/);
    // Sending app-only with resource-specific consent on each person's installation.
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({
      name: 'TeamsActivity.Send.User',
      type: 'Application',
    });
  });

  it('refuses a translation whose template names other parameters, and systemDefault declared', () => {
    const source = copyOfSources('bad-activity');
    const file = join(source, 'localization/es-es.json');
    const es = JSON.parse(readFileSync(file, 'utf8'));
    es['activities.activityTypes[3].templateText'] = '{actor}: formas pareja con {pareja}';
    writeFileSync(file, JSON.stringify(es));
    const manifestFile = join(source, 'manifest.json');
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, 'utf8').replace('"type": "callOpen"', '"type": "systemDefault"'),
    );
    let message = '';
    try {
      buildAppPackage({ env: 'test', envFile: fixture, outDir: out, sourceDir: source });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /activityTypes\[3\]\.templateText names \{pareja\}, the manifest \{firstSession, partner, programme\}/,
    );
    expect(message).toMatch(/systemDefault is reserved/);
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
