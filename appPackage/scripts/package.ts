import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';

const appPackage = fileURLToPath(new URL('..', import.meta.url));
const root = join(appPackage, '..');
const require = createRequire(import.meta.url);
const schemas = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.29',
);

/** Reads an Agents Toolkit env file: KEY=VALUE lines, `#` comments, optional quotes. */
export function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const value = line
      .slice(eq + 1)
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2');
    values[line.slice(0, eq).trim()] = value;
  }
  return values;
}

/** Replaces every `${{NAME}}`; a name with no value is an error that names it. */
export function fillPlaceholders(
  text: string,
  values: Record<string, string>,
  file: string,
): string {
  const missing = new Set<string>();
  const filled = text.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || (value === '' && name !== 'APP_NAME_SUFFIX')) {
      missing.add(name);
      return '';
    }
    return value.replace(/["\\]/g, '\\$&');
  });
  if (missing.size > 0) {
    throw new Error(`${file}: no value for ${[...missing].join(', ')} in the env file`);
  }
  return filled;
}

interface RibbonIcon {
  size: number;
  url: string;
}

interface RibbonControl {
  id: string;
  label: string;
  icons?: RibbonIcon[];
  actionId?: string;
}

/** The Outlook add-in part of the manifest, as far as the checks below read it. */
interface ExtensionShape {
  runtimes?: { id: string; code: { page: string }; actions?: { id: string; type: string }[] }[];
  ribbons?: {
    contexts?: string[];
    tabs: { groups?: { id?: string; icons?: RibbonIcon[]; controls?: RibbonControl[] }[] }[];
  }[];
}

/** The parts of the manifest the checks below read (the schema validates the rest). */
interface ManifestShape {
  icons?: { color: string; outline: string };
  extensions?: ExtensionShape[];
  authorization?: { permissions?: { resourceSpecific?: { name: string; type: string }[] } };
  validDomains?: string[];
  developer?: { privacyUrl?: string; termsOfUseUrl?: string };
  webApplicationInfo?: { id?: string; resource?: string };
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
  activities?: { activityTypes?: { type: string; description: string; templateText: string }[] };
}

export interface PackageResult {
  zipPath: string;
  manifest: ManifestShape;
  files: Record<string, Uint8Array>;
}

function validator(schemaFile: string, options: { unicodeRegExp?: boolean } = {}) {
  const ajv = new Ajv({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(schemas, schemaFile), 'utf8')));
}

/** Every string of a JSON document, with its path, for the checks that look at URLs. */
function* strings(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

/**
 * The manifest's strings a localization file translates, keyed as the localization schema keys
 * them (`name.short`, `staticTabs[0].name`, `extensions[0].ribbons[0]…controls[0].label`…): every
 * string whose path matches one of the schema's keys, except URLs (pages and icons stay the same
 * in Spanish).
 */
export function localizableStrings(manifest: unknown): Record<string, string> {
  const schema = JSON.parse(
    readFileSync(join(schemas, 'MicrosoftTeams.Localization.schema.json'), 'utf8'),
  ) as { properties: Record<string, unknown>; patternProperties: Record<string, unknown> };
  const fixed = new Set(Object.keys(schema.properties).filter((k) => k.includes('.')));
  const patterns = Object.keys(schema.patternProperties).map((p) => new RegExp(p));
  const out: Record<string, string> = {};
  for (const [path, value] of strings(manifest)) {
    if (/url$/i.test(path) || /^https?:\/\//.test(value)) continue;
    if (fixed.has(path) || patterns.some((p) => p.test(path))) out[path] = value;
  }
  return out;
}

/**
 * The `{name}` parameters of an activity type's templateText, without `{actor}`, which Teams fills
 * with the caller's name (the app's, app-only) — "You can declare your parameters by encapsulating
 * parameters in curly brackets" (https://learn.microsoft.com/graph/teams-send-activityfeednotifications,
 * "Activities update"). The Graph simulator reads templates the same way.
 */
export function templateParameters(templateText: string): string[] {
  const names = [...templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => n !== 'actor'))].sort();
}

/**
 * The activity feed's rules beyond the schema (same page): each type unique in the manifest, never
 * the reserved `systemDefault`, and each translation's templateText naming exactly the English
 * one's parameters — Graph's templateParameters are the same values whatever language Teams shows.
 */
function activityProblems(
  manifest: ManifestShape,
  localized: Record<string, unknown>,
  file: string,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, activity] of (manifest.activities?.activityTypes ?? []).entries()) {
    if (seen.has(activity.type)) problems.push(`activities: ${activity.type} is declared twice`);
    if (activity.type === 'systemDefault')
      problems.push('activities: systemDefault is reserved and may not be declared');
    seen.add(activity.type);
    const key = `activities.activityTypes[${i}].templateText`;
    const translation = localized[key];
    if (typeof translation !== 'string') continue;
    const english = templateParameters(activity.templateText).join(', ');
    const theirs = templateParameters(translation).join(', ');
    if (english !== theirs)
      problems.push(`${file}: ${key} names {${theirs}}, the manifest {${english}}`);
  }
  return problems;
}

/** The Outlook ribbon's icon sizes: Outlook picks among 16, 32 and 80 px for its layouts. */
const RIBBON_ICON_SIZES = [16, 32, 80];

/**
 * The Outlook add-in's own rules, beyond the schema: its pane is a page of the tab's host, each
 * button opens a declared action, each ribbon icon set has the three sizes, served by the tab (a
 * file of that size under `tab/public`), and the item permission Outlook needs is requested.
 */
function extensionProblems(
  manifest: ManifestShape,
  domain: string,
  tabPublicDir: string,
): string[] {
  const problems: string[] = [];
  for (const [e, extension] of (manifest.extensions ?? []).entries()) {
    const at = `extensions[${e}]`;
    const actions = new Set<string>();
    for (const [r, runtime] of (extension.runtimes ?? []).entries()) {
      const page = new URL(runtime.code.page);
      if (page.host !== domain || !page.pathname.endsWith('.html')) {
        problems.push(`${at}.runtimes[${r}].code.page must be an HTML page on ${domain}`);
      }
      for (const action of runtime.actions ?? []) actions.add(action.id);
    }
    const iconSets: [string, RibbonIcon[] | undefined][] = [];
    for (const [b, ribbon] of (extension.ribbons ?? []).entries()) {
      for (const [t, tab] of ribbon.tabs.entries()) {
        for (const [g, group] of (tab.groups ?? []).entries()) {
          const groupAt = `${at}.ribbons[${b}].tabs[${t}].groups[${g}]`;
          iconSets.push([groupAt, group.icons]);
          for (const [c, control] of (group.controls ?? []).entries()) {
            iconSets.push([`${groupAt}.controls[${c}]`, control.icons]);
            if (!control.actionId || !actions.has(control.actionId)) {
              problems.push(`${groupAt}.controls[${c}]: actionId must name a runtime action`);
            }
          }
        }
      }
    }
    for (const [where, icons] of iconSets) {
      const sizes = (icons ?? []).map((i) => i.size).sort((a, b) => a - b);
      if (sizes.join() !== RIBBON_ICON_SIZES.join()) {
        problems.push(`${where}.icons: needs one icon of each size 16, 32 and 80 px`);
      }
      for (const icon of icons ?? []) {
        const url = new URL(icon.url);
        const file = join(tabPublicDir, decodeURIComponent(url.pathname));
        if (!existsSync(file)) {
          problems.push(`${where}.icons: ${url.pathname} is not a file of the tab (${file})`);
          continue;
        }
        const png = PNG.sync.read(readFileSync(file));
        if (png.width !== icon.size || png.height !== icon.size) {
          problems.push(`${where}.icons: ${url.pathname} is ${png.width}×${png.height}`);
        }
      }
    }
    const rsc = manifest.authorization?.permissions?.resourceSpecific ?? [];
    if (!rsc.some((p) => p.name.startsWith('MailboxItem.') && p.type === 'Delegated')) {
      problems.push(
        'authorization.permissions.resourceSpecific must grant the add-in a MailboxItem permission',
      );
    }
  }
  return problems;
}

/**
 * Builds `appPackage/build/tandem-<env>.zip` from manifest.json, the icons and the localization
 * files, filling `${{…}}` from `env/.env.<env>`, and refuses a package Teams or Outlook would
 * refuse: schema v1.29, plain-HTTPS URLs on the tab's domain, icon sizes, the Outlook add-in's
 * rules, every localizable string in every language, no placeholder left.
 */
export function buildAppPackage(options: {
  env: string;
  envFile?: string;
  outDir?: string;
  /** Where the tab's static files (the ribbon icons among them) come from. */
  tabPublicDir?: string;
  /** Where manifest.json, the icons and the localization files come from (tests vary them). */
  sourceDir?: string;
}): PackageResult {
  const source = options.sourceDir ?? appPackage;
  const envFile = options.envFile ?? join(root, 'env', `.env.${options.env}`);
  if (!existsSync(envFile)) throw new Error(`No env file ${envFile}`);
  const values = readEnvFile(envFile);
  const manifestText = fillPlaceholders(
    readFileSync(join(source, 'manifest.json'), 'utf8'),
    values,
    'manifest.json',
  );
  const manifest = JSON.parse(manifestText) as ManifestShape;
  const problems: string[] = [];

  const validateManifest = validator('MicrosoftTeams.schema.json');
  if (!validateManifest(manifest)) {
    for (const e of validateManifest.errors ?? [])
      problems.push(`manifest.json${e.instancePath}: ${e.message}`);
  }
  const domain = values.TAB_DOMAIN ?? '';
  for (const [path, value] of strings(manifest)) {
    if (/^https?:\/\//.test(value) && path !== '$schema') {
      const url = new URL(value);
      if (url.protocol !== 'https:')
        problems.push(`manifest.json ${path}: must be https (${value})`);
      if (!path.startsWith('developer.') && url.host !== domain) {
        problems.push(`manifest.json ${path}: must be on ${domain} (${value})`);
      }
    }
  }
  if (!(manifest.validDomains ?? []).includes(domain))
    problems.push(`validDomains must list ${domain}`);
  const resource = manifest.webApplicationInfo?.resource as string | undefined;
  if (resource !== `api://${domain}/${manifest.webApplicationInfo?.id}`) {
    problems.push(
      'webApplicationInfo.resource must be api://<tab domain>/<client id> for Teams SSO',
    );
  }

  const tabPublic = options.tabPublicDir ?? join(root, 'tab', 'public');
  problems.push(...extensionProblems(manifest, domain, tabPublic));
  // Admins and people read these from the Teams store entry: the tab must serve them.
  for (const key of ['privacyUrl', 'termsOfUseUrl'] as const) {
    const value = manifest.developer?.[key];
    if (!value) continue;
    const page = new URL(value).pathname;
    if (!existsSync(join(tabPublic, page))) {
      problems.push(`manifest.json developer.${key}: the tab serves no ${page} (tab/public)`);
    }
  }

  const files: Record<string, Uint8Array> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const [kind, file, size] of [
    ['color', manifest.icons?.color ?? 'color.png', 192],
    ['outline', manifest.icons?.outline ?? 'outline.png', 32],
  ] as const) {
    const bytes = readFileSync(join(source, file));
    const png = PNG.sync.read(bytes);
    if (png.width !== size || png.height !== size) {
      problems.push(
        `${file}: the ${kind} icon must be ${size}×${size}, not ${png.width}×${png.height}`,
      );
    }
    if (kind === 'outline') {
      for (let i = 0; i < png.data.length; i += 4) {
        const alpha = png.data[i + 3]!;
        const white = png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255;
        if (alpha > 0 && !white) {
          problems.push(`${file}: the outline icon must be white on transparent`);
          break;
        }
      }
    }
    files[file] = bytes;
  }

  const validateLocalization = validator('MicrosoftTeams.Localization.schema.json', {
    unicodeRegExp: false,
  });
  const english = Object.keys(localizableStrings(manifest));
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const text = fillPlaceholders(
      readFileSync(join(source, language.file), 'utf8'),
      values,
      language.file,
    );
    const localized = JSON.parse(text);
    if (!validateLocalization(localized)) {
      for (const e of validateLocalization.errors ?? [])
        problems.push(`${language.file}${e.instancePath}: ${e.message}`);
    }
    const missing = english.filter((key) => !(typeof localized[key] === 'string'));
    const blank = english.filter((key) => localized[key]?.trim?.() === '');
    if (missing.length > 0) problems.push(`${language.file}: no ${missing.join(', ')}`);
    if (blank.length > 0) problems.push(`${language.file}: empty ${blank.join(', ')}`);
    problems.push(...activityProblems(manifest, localized, language.file));
    files[language.file] = Buffer.from(text);
  }
  for (const [name, bytes] of Object.entries(files)) {
    if (Buffer.from(bytes).toString('utf8').includes('${{'))
      problems.push(`${name}: a placeholder is left`);
  }
  if (problems.length > 0)
    throw new Error(`The app package is not valid:\n  ${problems.join('\n  ')}`);

  const outDir = options.outDir ?? join(appPackage, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `tandem-${options.env}.zip`);
  // A fixed timestamp keeps the zip byte-for-byte the same for the same inputs.
  writeFileSync(zipPath, zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') }));
  return { zipPath, manifest, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--env');
  const env = at >= 0 ? args[at + 1] : args.find((a) => a.startsWith('--env='))?.slice(6);
  const dirAt = args.indexOf('--env-dir');
  const envDir = dirAt >= 0 ? args[dirAt + 1] : undefined;
  const outAt = args.indexOf('--out-dir');
  const outDir = outAt >= 0 ? args[outAt + 1] : undefined;
  if (!env || !/^[a-z0-9-]+$/.test(env)) {
    console.error(
      'usage: npm run package -- --env <name> [--env-dir <dir>] [--out-dir <dir>]   (reads <dir>/.env.<name>, default env/)',
    );
    process.exit(2);
  }
  try {
    const { zipPath } = buildAppPackage({
      env,
      ...(envDir ? { envFile: join(envDir, `.env.${env}`) } : {}),
      ...(outDir ? { outDir } : {}),
    });
    console.log(`Wrote ${zipPath}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
