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

/** The parts of the manifest the checks below read (the schema validates the rest). */
interface ManifestShape {
  icons?: { color: string; outline: string };
  validDomains?: string[];
  webApplicationInfo?: { id?: string; resource?: string };
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
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
 * Builds `appPackage/build/tandem-<env>.zip` from manifest.json, the icons and the localization
 * files, filling `${{…}}` from `env/.env.<env>`, and refuses a package Teams or Outlook would
 * refuse: schema v1.29, plain-HTTPS URLs on the tab's domain, icon sizes, no placeholder left.
 */
export function buildAppPackage(options: {
  env: string;
  envFile?: string;
  outDir?: string;
}): PackageResult {
  const envFile = options.envFile ?? join(root, 'env', `.env.${options.env}`);
  if (!existsSync(envFile)) throw new Error(`No env file ${envFile}`);
  const values = readEnvFile(envFile);
  const manifestText = fillPlaceholders(
    readFileSync(join(appPackage, 'manifest.json'), 'utf8'),
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

  const files: Record<string, Uint8Array> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const [kind, file, size] of [
    ['color', manifest.icons?.color ?? 'color.png', 192],
    ['outline', manifest.icons?.outline ?? 'outline.png', 32],
  ] as const) {
    const bytes = readFileSync(join(appPackage, file));
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
  for (const language of manifest.localizationInfo?.additionalLanguages ?? []) {
    const text = fillPlaceholders(
      readFileSync(join(appPackage, language.file), 'utf8'),
      values,
      language.file,
    );
    const localized = JSON.parse(text);
    if (!validateLocalization(localized)) {
      for (const e of validateLocalization.errors ?? [])
        problems.push(`${language.file}${e.instancePath}: ${e.message}`);
    }
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
  if (!env) {
    console.error('usage: npm run package -- --env <name>   (reads env/.env.<name>)');
    process.exit(2);
  }
  try {
    const { zipPath } = buildAppPackage({ env });
    console.log(`Wrote ${zipPath}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
