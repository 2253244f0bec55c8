import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser } from '../e2e/browser';
import { ensureChromium } from '../ensure-chromium';
import { ensureTabBuilt } from '../sim/build-tab';
import { startLocalStack } from '../sim/stack';
import { median } from './median';
import type { BenchRow } from './run';

/** Gzipped size of the JavaScript a page loads before anything lazy: entry + modulepreloads. */
function initialJsGzip(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(/^\.?\//, ''));
  return files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length,
    0,
  );
}

async function serveStatic(dir: string) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const type = extname(file) === '.js' ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Median over runs of the time from navigation start until `selector` is visible. */
async function timeToRender(browser: Browser, url: string, selector: string, runs = 7) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(selector, { state: 'visible' });
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  return median(times);
}

/**
 * The tab's initial JavaScript (gzip) and its time to first meaningful render in headless Chromium
 * — the sign-in screen listing demo people, with its runtime config and API round trips — against an
 * empty Vite React page built and served in the same run.
 */
export default async function bench(): Promise<BenchRow[]> {
  ensureChromium();
  const tabDist = await ensureTabBuilt({ quiet: true });
  const emptyDist = join(tmpdir(), 'tandem-bench-empty-react');
  await build({
    root: fileURLToPath(new URL('./fixtures/empty-react/', import.meta.url)),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: emptyDist, emptyOutDir: true, target: 'es2022' },
  });
  const stack = await startLocalStack({ staticDir: tabDist });
  const empty = await serveStatic(emptyDist);
  const browser = await launchBrowser();
  try {
    const tabMs = await timeToRender(browser, `${stack.url}/`, 'main ul li button');
    const emptyMs = await timeToRender(browser, `${empty.url}/`, 'h1');
    const tabKb = initialJsGzip(tabDist) / 1024;
    const emptyKb = initialJsGzip(emptyDist) / 1024;
    return [
      {
        bench: 'tab',
        metric: 'initial JS (gzip)',
        value: tabKb,
        unit: 'kB',
        reference: { label: 'empty Vite React page', value: emptyKb },
        ratio: tabKb / emptyKb,
        note: 'target ≤ 150 kB',
      },
      {
        bench: 'tab',
        metric: 'first meaningful render',
        value: tabMs,
        unit: 'ms',
        reference: { label: 'empty Vite React page', value: emptyMs },
        ratio: tabMs / emptyMs,
        note: 'median of 7, headless Chromium',
      },
    ];
  } finally {
    await browser.close();
    empty.server.close();
    await stack.close();
  }
}
