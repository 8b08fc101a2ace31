import path from 'node:path';

/** The editor's content folder: `CONTENT_DIR` (absolute or relative to the project), default `content`. */
export function contentDir(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  return path.resolve(cwd, env.CONTENT_DIR?.trim() || 'content');
}
