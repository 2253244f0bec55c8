import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the Azure Functions deployment package: one ESM bundle of src/index.ts (route table and
 * jobs), host.json, and a package.json whose `main` points at it. Deployment zips this folder.
 */
export async function buildFunctions(out = join(root, 'dist')): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/index.ts')],
    outfile: join(out, 'index.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    sourcemap: true,
    // CommonJS dependencies inside an ESM bundle still call require(): give them one.
    banner: {
      js: "import { createRequire as __tandemRequire } from 'node:module'; const require = __tandemRequire(import.meta.url);",
    },
    // Provided by the Functions host at run time.
    external: ['@azure/functions-core'],
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'host.json'), join(out, 'host.json'));
  const pkg = { name: 'tandem-functions', private: true, type: 'module', main: 'index.mjs' };
  writeFileSync(join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Functions package written to ${await buildFunctions()}`);
}
