import { writeFileSync, renameSync } from 'node:fs';
import { copyFile, link, rename, rm, writeFile } from 'node:fs/promises';

/**
 * A temporary file beside the target, renamed over it: whoever reads the target (the dev server that
 * watches content/, a build sharing a cache, a run interrupted half-way) sees the old file or the new
 * one, never half of one. Hidden (a leading dot), so that the content checks never list it; unique to
 * this process and call, so that parallel writers never share one.
 */
function temporaryBeside(file: string): string {
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1;
  return `${file.slice(0, slash)}.${file.slice(slash)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

export function writeWholeFileSync(file: string, data: string | Uint8Array): void {
  const temporary = temporaryBeside(file);
  writeFileSync(temporary, data);
  renameSync(temporary, file);
}

export async function writeWholeFile(file: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryBeside(file);
  await writeFile(temporary, data);
  await rename(temporary, file);
}

/**
 * `destination` made the same file as `source` (a cache entry) by a hard link: no bytes copied and, on a disk slow to
 * create files, no new inode. Like writeWholeFile, a temporary name renamed over `destination`: neither file is ever
 * written in place, so the cache entry an older `destination` shared stays as it was. Where links cannot be made
 * (another disk, a file system without them), a copy. Either way `destination` comes out with a fresh status change
 * time, which tells a kept output folder's files this build wrote from those it left (src/build/kept-output.ts).
 */
export async function linkWhole(source: string, destination: string): Promise<void> {
  const temporary = temporaryBeside(destination);
  try {
    await link(source, temporary);
  } catch (error) {
    if (!LINK_REFUSED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await copyFile(source, temporary);
  }
  await rename(temporary, destination);
  // rename() does nothing between two links of one file: when `destination` already was `source`, the temporary
  // name is still there. Removing it leaves `destination` as a file this build wrote (its status just changed).
  await rm(temporary, { force: true });
}

/** What link() answers where the file system cannot link these two paths. */
const LINK_REFUSED = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);
