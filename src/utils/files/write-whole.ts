import { writeFileSync, renameSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

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
