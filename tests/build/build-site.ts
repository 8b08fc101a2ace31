import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commitAll, git } from '../git.ts';

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

/**
 * The environment of a test build into `outDir` with the cache folder `cacheDir`. Vitest puts Vite's
 * import.meta.env into process.env (BASE_URL='/', MODE='test', NODE_ENV='test'…); passed on, they would
 * override the build's own (BASE_URL='/' ignored BASE_PATH).
 */
export function buildEnvironment(outDir: string, cacheDir: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV, ...parentEnv } = process.env;
  return { ...parentEnv, ASTRO_TELEMETRY_DISABLED: '1', ...env, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir };
}

/** `npm run build` itself (astro build, then the search index: scripts/build.ts), without npm's processes. */
export const BUILD_COMMAND = ['--run', 'build'];

/**
 * Builds the site into `outDir` with the given cache folder (kept between builds: incremental rebuilds);
 * `options` as a writer types them after `npm run build --`.
 */
export function buildInto(outDir: string, cacheDir: string, env: Record<string, string> = {}, options: string[] = []): BuildResult {
  const command = options.length ? [...BUILD_COMMAND, '--', ...options] : BUILD_COMMAND;
  const result = spawnSync(process.execPath, command, { cwd: projectRoot, encoding: 'utf8', env: buildEnvironment(outDir, cacheDir, env) });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

/** Every file of a folder (a built site), relative with "/", sorted. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
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

/** The edit address the feature builds are given. */
export const EDIT_URL = 'https://github.com/compte/depot/edit/main/';

/**
 * A git repository holding the real content plus a fixture in `site/contenu/` (a content folder that is
 * not at the repository's root), committed on known days: everything on 1 March 2026, then `edited`
 * (paths in the content folder) on 15 March 2026, late in the evening in Paris (still the 15th there,
 * the 15th in UTC too). `uncommitted` files are then changed without a commit. Returns the repository
 * and its content folder.
 */
export function gitContentWith(fixture: string, { edited = [] as string[], uncommitted = [] as string[] } = {}): { repo: string; content: string } {
  const repo = mkdtempSync(path.join(tmpdir(), 'pe-depot-'));
  const content = path.join(repo, 'site/contenu');
  cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures', fixture), content, { recursive: true });
  git(repo, ['init', '-q']);
  commitAll(repo, 'contenu', '2026-03-01T10:00:00+01:00');
  const touch = (file: string, text: string) => appendFileSync(path.join(content, file), text);
  for (const file of edited) touch(file, '\nUn paragraphe ajouté plus tard.\n');
  commitAll(repo, 'modifications', '2026-03-15T23:30:00+01:00');
  for (const file of uncommitted) touch(file, '\nUn paragraphe pas encore enregistré dans git.\n');
  return { repo, content };
}

/** A clone of `repo` with its last commit only (as CI's default checkout makes): git cannot tell when files changed. */
export function shallowClone(repo: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-superficiel-'));
  git(dir, ['clone', '-q', '--depth', '1', `file://${repo}`, '.']);
  return dir;
}
