import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** What git knows about a folder: where its repository starts, and when each of its files last changed. */
export interface Repository {
  /** The repository's top folder, as git gives it (a real path). */
  root: string;
  /**
   * The day ("2026-03-15", in the committer's time zone) of the last commit that touched each file of the
   * folder, by real path. Files with uncommitted changes have none (that commit is not when they last
   * changed), nor have files never committed; a shallow clone gives none at all (see readRepository).
   */
  lastCommitDays: Map<string, string>;
}

/** Runs git in `cwd`; undefined when git is missing or fails (not a repository). */
function git(cwd: string, args: string[]): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/**
 * Reads a folder's git history once: three git processes, whatever the number of files. Undefined
 * outside a repository (or without git). In a shallow clone every file would seem to date from the
 * last commit, so no file gets a date: better none than a wrong one (the deploy workflow clones the
 * whole history, `fetch-depth: 0`).
 */
export function readRepository(dir: string): Repository | undefined {
  const top = git(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository']);
  if (!top) return undefined;
  const [root, shallow] = top.trim().split('\n');
  const lastCommitDays = new Map<string, string>();
  if (shallow === 'true') return { root, lastCommitDays };

  // Changed in the work tree or the index (renames give two paths): their last commit is not their last change.
  const changed = new Set<string>();
  const entries = (git(dir, ['status', '--porcelain', '-z', '--untracked-files=no', '--', '.']) ?? '').split('\0');
  for (let i = 0; i < entries.length; i++) {
    if (!entries[i]) continue;
    changed.add(entries[i].slice(3));
    // "R  new" then "old": the old path comes bare.
    if (/[RC]/.test(entries[i].slice(0, 2))) changed.add(entries[++i]);
  }
  // Newest first: a file's first appearance is its last commit. -z: any file name, as written.
  const log = git(dir, ['log', '--format=%x1e%cd', '--date=short', '--name-only', '-z', '--', '.']) ?? '';
  for (const commit of log.split('\x1e').slice(1)) {
    const [day, ...files] = commit.split('\0');
    for (const name of files) {
      const file = name.replace(/^\n/, '');
      if (!file || changed.has(file)) continue;
      const full = path.join(root, file);
      if (!lastCommitDays.has(full)) lastCommitDays.set(full, day);
    }
  }
  return { root, lastCommitDays };
}
