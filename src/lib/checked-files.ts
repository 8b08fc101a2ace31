import path from 'node:path';

/**
 * Content files the build's loader gate has checked without finding a problem, so the markdown
 * pipeline can skip checking them again. Kept on globalThis: astro.config.mjs (the pipeline) and
 * src/content.config.ts (the gate) are loaded as separate module graphs, which share only the process.
 */
const store = globalThis as { promptEngineeringCheckedFiles?: Set<string> };

export function markChecked(files: Iterable<string>): void {
  const set = (store.promptEngineeringCheckedFiles ??= new Set());
  for (const file of files) set.add(path.resolve(file));
}

export function wasChecked(file: string): boolean {
  return store.promptEngineeringCheckedFiles?.has(path.resolve(file)) ?? false;
}
