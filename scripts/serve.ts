#!/usr/bin/env node
// Serves the built site (dist/ or OUT_DIR) like a static host would: gzip,
// directory index, the 404 page for unknown paths, under BASE_PATH.
// Used by `npm start` and the browser tests. No dependency.
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The Content-Type of each kind of file the site has. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest)|image\/svg)/;

export interface ServeOptions {
  root?: string;
  port?: number;
  host?: string;
  base?: string;
}

export interface RunningServer {
  /** Where the site is, ending with the base path ("http://127.0.0.1:PORT/prompt/"). */
  url: string;
  close: () => Promise<void>;
}

export function startServer({
  root = process.env.OUT_DIR || 'dist',
  port = Number(process.env.PORT ?? 4321),
  host = '127.0.0.1',
  base = process.env.BASE_PATH || '/',
}: ServeOptions = {}): Promise<RunningServer> {
  const rootDir = path.resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;

  async function resolveFile(urlPath: string): Promise<string | { redirect: string } | null> {
    if (!urlPath.startsWith(prefix) && `${urlPath}/` !== prefix) return null;
    const relative = decodeURIComponent(urlPath.slice(prefix.length - 1));
    const file = path.join(rootDir, relative);
    if (!file.startsWith(rootDir)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
    if (info?.isDirectory()) {
      if (!urlPath.endsWith('/')) return { redirect: `${urlPath}/` };
      const index = path.join(file, 'index.html');
      if (await stat(index).catch(() => null)) return index;
    }
    return null;
  }

  async function send(req: IncomingMessage, res: ServerResponse, file: string, status = 200) {
    const body = await readFile(file);
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: OutgoingHttpHeaders = { 'content-type': type, 'cache-control': 'no-cache' };
    let payload = body;
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      payload = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = payload.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  const server = createServer(async (req, res) => {
    try {
      const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
      const found = await resolveFile(urlPath);
      if (found && typeof found === 'object') {
        res.writeHead(301, { location: found.redirect });
        return res.end();
      }
      if (found) return await send(req, res, found);
      const notFound = path.join(rootDir, '404.html');
      if (await stat(notFound).catch(() => null)) return await send(req, res, notFound, 404);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Page introuvable');
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    }
  });

  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const url = `http://${host}:${address.port}${prefix}`;
      resolve({ url, close: () => new Promise<void>((done) => server.close(() => done())) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await startServer();
  console.log(`\n  Site servi sur ${url}  (Ctrl+C pour arrêter)\n`);
}
