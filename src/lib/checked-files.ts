import path from 'node:path';
import type { Problem } from './problems';

/**
 * What the build's loader gate (src/content.config.ts) and the markdown pipeline tell each other about
 * content files. Kept on globalThis: astro.config.mjs (the pipeline) and src/content.config.ts (the gate)
 * are loaded as separate module graphs, which share only the process.
 */

/** The checks of one file made on the tree Astro parses to render it: its own problems (lines of the file), links to other pages, ids. */
export interface RenderedChecks {
  anchors: string[];
  problems: Problem[];
  links: { url: string; line?: number }[];
}

interface Shared {
  /** Files checked without a problem: the pipeline need not check them again. */
  checked: Set<string>;
  /** Files the gate waits for Astro to render: the pipeline collects their checks instead of failing. */
  awaited: Map<string, { lineOffset: number; result?: RenderedChecks }>;
}
const store = globalThis as { promptEngineeringContentChecks?: Shared };
const shared = (): Shared => (store.promptEngineeringContentChecks ??= { checked: new Set(), awaited: new Map() });

export function markChecked(files: Iterable<string>): void {
  for (const file of files) shared().checked.add(path.resolve(file));
}

export function wasChecked(file: string): boolean {
  return shared().checked.has(path.resolve(file));
}

/** The gate will read this file's checks from its render; `lineOffset`: lines before the body Astro renders. */
export function awaitRender(file: string, lineOffset: number): void {
  shared().awaited.set(path.resolve(file), { lineOffset });
}

/** For the pipeline: whether the gate waits for this file's checks, and where to put them. */
export function awaitedRender(file: string): { lineOffset: number; result?: RenderedChecks } | undefined {
  return shared().awaited.get(path.resolve(file));
}

/** For the gate: the checks collected while rendering, if Astro rendered the file (it does not when its cache has it). */
export function takeRendered(file: string): RenderedChecks | undefined {
  const key = path.resolve(file);
  const result = shared().awaited.get(key)?.result;
  shared().awaited.delete(key);
  return result;
}
