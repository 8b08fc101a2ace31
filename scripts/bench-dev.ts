// The dev server as an editor meets it: `astro dev` started with its caches cleared, the time until the
// first sector page is served, then the time from saving an edit of one file until the page shows it.
// Used by `npm run bench`; alone: node scripts/bench-dev.ts [sectors] (default: the real content). The tests start
// the dev server with the same startDevServer().
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { editedSector, writeSyntheticContent } from './bench-content.ts';

const root = path.resolve(import.meta.dirname, '..');
/** The `astro` command's file (the package's exports map does not expose it). */
export const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

export interface DevTimings {
  /** From `astro dev` started to the first sector page received. */
  firstPageMs: number;
  /** From an edited file saved to the page showing the edit (median of the edits). */
  editMs: number;
  edits: number[];
}

/** A free port of 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Fetches `url` until `accept` takes its body (the dev server starts, then reloads content, asynchronously); the body. */
export async function waitForPage(url: string, accept: (body: string) => boolean, timeoutMs = 30_000, intervalMs = 100): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      last = await response.text();
      if (response.ok && accept(last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} : réponse attendue non vue en ${timeoutMs / 1000} s. Dernière réponse :\n${last.slice(0, 2000)}`);
}

export interface DevServer {
  url: string;
  /** What the server printed so far (its terminal). */
  output(): string;
  /** Stops the server and removes its cache. */
  stop(): Promise<void>;
}

/** `astro dev` on `contentDir`, with a cache of its own, on a free port of 127.0.0.1: what a writer starts. */
export async function startDevServer(contentDir: string, env: NodeJS.ProcessEnv = process.env): Promise<DevServer> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pe-dev-cache-'));
  const port = await freePort();
  const child = spawn(process.execPath, [astroBin, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const closed = new Promise((r) => child.once('close', r));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await closed;
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

/** Starts `astro dev` on `contentDir` with a fresh cache, measures three edits, stops it. `sectorFile`: the sector edited and read, e.g. "secteur-0001.md". */
export async function measureDevServer(contentDir: string, sectorFile: string): Promise<DevTimings> {
  const started = performance.now();
  const server = await startDevServer(contentDir);
  const slug = path.basename(sectorFile).replace(/\.mdx?$/, '');
  const url = `${server.url}/secteurs/${slug}/`;
  try {
    await waitForPage(url, (body) => body.includes('</html>'), 180_000, 25);
    const firstPageMs = performance.now() - started;
    const file = path.join(contentDir, 'secteurs', sectorFile);
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const stamp = `banc-${Date.now()}-${i}`;
      const before = performance.now();
      writeFileSync(file, editedSector(original, stamp));
      await waitForPage(url, (body) => body.includes(stamp), 60_000, 25);
      times.push(performance.now() - before);
      // Let the watcher settle before the next edit.
      await new Promise((r) => setTimeout(r, 300));
    }
    writeFileSync(file, original);
    const sorted = [...times].sort((a, b) => a - b);
    return { firstPageMs, editMs: sorted[Math.floor(sorted.length / 2)], edits: times };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${server.output().slice(-3000)}`, { cause: error });
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = process.argv[2] ? Number(process.argv[2]) : undefined;
  const work = mkdtempSync(path.join(os.tmpdir(), 'pe-bench-dev-'));
  const content = path.join(work, 'content');
  if (count) writeSyntheticContent(content, count, readFileSync(path.join(root, 'content/accueil.md'), 'utf8'));
  else cpSync(path.join(root, 'content'), content, { recursive: true });
  const sector = count ? `secteur-${String(Math.ceil(count / 2)).padStart(4, '0')}.md` : 'sante.md';
  try {
    const t = await measureDevServer(content, sector);
    console.log(
      `${count ?? 'contenu réel'} secteurs, charge ${os.loadavg()[0].toFixed(2)} : première page ${(t.firstPageMs / 1000).toFixed(2)} s, modification visible en ${(t.editMs / 1000).toFixed(2)} s (${t.edits.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
