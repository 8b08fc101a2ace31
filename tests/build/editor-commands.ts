import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUILD_COMMAND, buildEnvironment, projectRoot, type BuildResult } from './build-site.ts';

export interface CommandResult {
  status: number | null;
  output: string;
}

/** Runs an editor command (`npm run check`, `npm run new-sector`) as npm does, on another content folder. */
export function runScript(script: 'check-content' | 'new-sector', contentDir: string, args: string[] = []): CommandResult {
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', `${script}.ts`), ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: contentDir },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Node with these arguments from the project's root, without waiting (a test's own server can answer
 * meanwhile); `env` is added to this process's environment, or is the whole of it with `{ whole: true }`.
 */
export function run(args: string[], env: NodeJS.ProcessEnv, { whole = false } = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: whole ? env : { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** `npm run check` without waiting: the mistake fixtures run side by side. */
export function checkAsync(contentDir: string): Promise<CommandResult> {
  return run([path.join(projectRoot, 'scripts/check-content.ts')], { CONTENT_DIR: contentDir });
}

/** Like buildSite() (`npm run build`, fresh output and cache folders), without waiting, for builds that fail at the content check. */
export async function buildAsync(contentDir: string): Promise<BuildResult> {
  const work = mkdtempSync(path.join(tmpdir(), 'pe-build-'));
  const outDir = path.join(work, 'dist');
  const env = buildEnvironment(outDir, path.join(work, 'cache'), { CONTENT_DIR: contentDir });
  return { ...(await run(BUILD_COMMAND, env, { whole: true })), outDir };
}

/** Runs `task` on every item, at most `limit` at a time (the machine has two cores). */
export async function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The lines a report gives for one file: the indented lines after the file's name. */
export function reportFor(output: string, file: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.trim() === file);
  if (start === -1) return [];
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('  '));
  return lines.slice(start + 1, end === -1 ? undefined : end).map((line) => line.trim());
}

/** A fingerprint of every file of a folder (pages, images, any other), to prove that a command modified none. */
export function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8', withFileTypes: false });
  return Object.fromEntries(
    files
      .filter((f) => statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );
}

/** The environment of an editor's shell: without vitest's variables (with them, Astro's dev server serves no page). */
export function editorEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(key)));
}
