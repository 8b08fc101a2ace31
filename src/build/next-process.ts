import { spawnSync } from 'node:child_process';

/**
 * Runs a Node script in place of this process (execve): the build's steps, heap sizing, Astro and the search index,
 * follow one another in one process id, each starting with an empty heap, so that the build's peak memory is the
 * largest step's rather than the sum of two, and no Node process waits beside another. Windows has no execve: the
 * script runs as a child and this process exits with its status.
 */
export function continueIn(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): never {
  const argv = [script, ...args];
  if (typeof process.execve === 'function') process.execve(process.execPath, [process.execPath, ...argv], env);
  const child = spawnSync(process.execPath, argv, { stdio: 'inherit', env });
  process.exit(child.status ?? 1);
}
