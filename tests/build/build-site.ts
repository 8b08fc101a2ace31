import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * Builds the site with the given environment into a fresh temporary folder,
 * with a fresh content-layer cache so a test never reads a stale render.
 */
export function buildSite(env: Record<string, string> = {}): BuildResult {
  const work = mkdtempSync(path.join(tmpdir(), 'pe-build-'));
  return buildInto(path.join(work, 'dist'), path.join(work, 'cache'), env);
}

/** Builds the site into `outDir` with the given cache folder (kept between builds: incremental rebuilds). */
export function buildInto(outDir: string, cacheDir: string, env: Record<string, string> = {}): BuildResult {
  // Vitest puts Vite's import.meta.env into process.env (BASE_URL='/', MODE='test', NODE_ENV='test'…);
  // passed on, they would override the build's own (BASE_URL='/' ignored BASE_PATH).
  const { BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV, ...parentEnv } = process.env;
  // `npm run build` itself (astro build, then the search index: scripts/build.ts), without npm's processes.
  const result = spawnSync(process.execPath, ['--run', 'build'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...parentEnv, ASTRO_TELEMETRY_DISABLED: '1', ...env, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** A content folder made of the real content plus the files of a fixture folder (fixture files win). */
export function contentWith(fixture: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-content-'));
  cpSync(path.join(projectRoot, 'content'), dir, { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures', fixture), dir, { recursive: true });
  return dir;
}

export function removeAll(...dirs: string[]) {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
