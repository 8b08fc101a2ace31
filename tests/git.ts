import { execFileSync } from 'node:child_process';

/**
 * git in `cwd` for tests: its own author, no signing, no user configuration, and, with `date`
 * (ISO with its time zone), commits dated that day, so that pages show a known « Mis à jour le ».
 */
export function git(cwd: string, args: string[], date?: string): string {
  const env: Record<string, string | undefined> = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.org',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.org',
  };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env, encoding: 'utf8' });
}

/** Commits every file of the repository in `cwd` on `date`. */
export function commitAll(cwd: string, message: string, date: string) {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '--allow-empty', '-m', message], date);
}
