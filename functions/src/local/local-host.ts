import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Dispatcher } from '../http/dispatch';
import { PROBLEM_CONTENT_TYPE, problem } from '../http/problems';
import { API_PREFIX } from '../http/route';
import { API_HEADERS, PAGE_HEADERS } from '../http/security-headers';
import { clockControl, type LocalClock } from './local-clock';

export interface LocalHostOptions {
  dispatcher: Dispatcher;
  port?: number;
  host?: string;
  /** Folder of the built tab to serve at `/` (npm start and browser tests). */
  staticDir?: string;
  /** Extra JSON documents served as-is, e.g. `/tab-config.json`. */
  documents?: Record<string, unknown>;
  /** Extra HTML pages made at each request (the local inbox, `/_local/inbox`); this host only. */
  pages?: Record<string, (url: URL) => string | Promise<string>>;
  /** The local run's clock, told and moved at `/_local/clock` (this host only; never in Azure). */
  clock?: LocalClock;
}

export interface LocalHost {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Reads a body up to `limit + 1` bytes: enough to know it is too large, never more. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    chunks.push(buffer);
    if (size > limit) break;
  }
  if (size === 0) return undefined;
  return Buffer.concat(chunks).subarray(0, limit + 1);
}

/**
 * The local host: mounts the same route table as Azure Functions on node:http (under /api), and
 * serves the built tab, so `npm start` and the tests run the production pipeline unchanged.
 */
export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const { dispatcher } = options;
  const staticRoot = options.staticDir ? resolve(options.staticDir) : undefined;
  const clock = options.clock ? clockControl(options.clock) : undefined;

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    if (!staticRoot) {
      res.writeHead(404).end();
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // Malformed percent-encoding names no file.
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
      return;
    }
    // Source maps are never served, should a build have written any (tab/vite.config.ts).
    if (decoded.includes('\0') || extname(decoded) === '.map') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const relative = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    let file = join(staticRoot, relative);
    if (!file.startsWith(staticRoot)) {
      res.writeHead(403).end();
      return;
    }
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    // Client-side routes (deep links) fall back to the app shell.
    if (!info && !extname(pathname)) {
      file = join(staticRoot, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const immutable = file.includes(`${join(staticRoot, 'assets')}`);
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(res);
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const isApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
      // Every response of this host carries the browser headers (the dispatcher adds the API's to
      // its own; these cover the pages, the documents and the host's own refusals).
      for (const [name, value] of Object.entries(isApi ? API_HEADERS : PAGE_HEADERS)) {
        res.setHeader(name, value);
      }
      if (isApi) {
        const body = await readBody(req, dispatcher.maxBodyBytes);
        const headers = {
          get: (name: string) => {
            const value = req.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : (value ?? null);
          },
        };
        const response = await dispatcher.handle({
          method: req.method ?? 'GET',
          url,
          headers,
          body,
        });
        res.writeHead(response.status, response.headers).end(response.body);
        return;
      }
      if (url.pathname === '/_local/clock' && clock) {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        let body: unknown;
        if (req.method === 'POST') {
          // JSON only: a cross-site form cannot send it without the browser asking first.
          if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
            res.writeHead(415).end(JSON.stringify({ error: 'send application/json' }));
            return;
          }
          try {
            body = JSON.parse((await readBody(req, 1024))?.toString('utf8') ?? '');
          } catch {
            res.writeHead(400).end(JSON.stringify({ error: 'the body must be JSON' }));
            return;
          }
        }
        const answer = clock(req.method ?? 'GET', body);
        res.writeHead(answer.status).end(JSON.stringify(answer.body));
        return;
      }
      const page = options.pages?.[url.pathname];
      if (page && (req.method === 'GET' || req.method === 'HEAD')) {
        const html = await page(url);
        res
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
          })
          .end(req.method === 'HEAD' ? undefined : html);
        return;
      }
      const document = options.documents?.[url.pathname];
      if (document !== undefined) {
        res
          .writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          })
          .end(JSON.stringify(document));
        return;
      }
      await serveStatic(url.pathname, res);
    } catch (error) {
      console.error('local host error', error);
      if (!res.headersSent) {
        res
          .writeHead(500, { 'content-type': PROBLEM_CONTENT_TYPE })
          .end(JSON.stringify(problem(500)));
      } else {
        res.destroy();
      }
    }
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
