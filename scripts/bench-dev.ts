// The dev server as an editor meets it: `astro dev` started with its caches cleared, the time until the
// first sector page is served, then the time from saving an edit of one file until the page shows it.
// Used by `npm run bench`; alone: node scripts/bench-dev.ts [sectors] (default: the real content).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { editedSector, writeSyntheticContent } from './bench-content.ts';

const root = path.resolve(import.meta.dirname, '..');
const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

export interface DevTimings {
  /** From `astro dev` started to the first sector page received. */
  firstPageMs: number;
  /** From an edited file saved to the page showing the edit (median of the edits). */
  editMs: number;
  edits: number[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function poll(url: string, accept: (body: string) => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok && accept(await response.text())) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} : pas de réponse attendue en ${timeoutMs / 1000} s`);
}

/** Starts `astro dev` on `contentDir` with a fresh cache, measures, stops it. `page` is the sector edited and read, e.g. "secteur-0001". */
export async function measureDevServer(contentDir: string, sectorFile: string, edits = 3): Promise<DevTimings> {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pe-bench-dev-cache-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [astroBin, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const slug = path.basename(sectorFile).replace(/\.mdx?$/, '');
  const url = `http://127.0.0.1:${port}/secteurs/${slug}/`;
  try {
    await poll(url, (body) => body.includes('</html>'), 180_000);
    const firstPageMs = performance.now() - started;
    const file = path.join(contentDir, 'secteurs', sectorFile);
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const stamp = `banc-${Date.now()}-${i}`;
      const before = performance.now();
      writeFileSync(file, editedSector(original, stamp));
      await poll(url, (body) => body.includes(stamp), 60_000);
      times.push(performance.now() - before);
      // Let the watcher settle before the next edit.
      await new Promise((r) => setTimeout(r, 300));
    }
    writeFileSync(file, original);
    const sorted = [...times].sort((a, b) => a - b);
    return { firstPageMs, editMs: sorted[Math.floor(sorted.length / 2)], edits: times };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${output.slice(-3000)}`, { cause: error });
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    rmSync(cacheDir, { recursive: true, force: true });
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
