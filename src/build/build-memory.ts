import { sectorFiles } from '../checks/files/content-files.ts';

/**
 * From this many sectors on, Astro's heap is sized for memory rather than speed. Below it, V8's own
 * sizing is fastest and stays far from 1 GB; above it, V8 lets garbage grow the heap to several
 * times what is live and keeps the pages (README, « Mémoire »).
 */
export const SIZE_FOR_MEMORY_FROM = 2500;

/** The young generation's semi-space, in MB, on large sites: V8 grows it much larger while markdown renders. */
export const SEMI_SPACE_MB = 8;

/**
 * The cap on Astro's old space, in MB, on large sites: lower, the collector thrashes. Past 5000
 * sectors it grows with the content (about twice what each sector keeps live at the worst moment),
 * so that a larger site is slower to collect, never out of memory.
 */
export function astroHeapLimitMb(sectors: number): number {
  return Math.max(400, Math.ceil((sectors * 80) / 1024));
}

/** The V8 options a build of `sectors` sectors runs Astro with (none below SIZE_FOR_MEMORY_FROM). */
export function heapOptions(sectors: number): string[] {
  if (sectors < SIZE_FOR_MEMORY_FROM) return [];
  return [`--max-old-space-size=${astroHeapLimitMb(sectors)}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}

/** NODE_OPTIONS with `options` added, except those whoever runs the build already set. */
export function withNodeOptions(nodeOptions: string | undefined, options: string[]): string {
  const given = nodeOptions?.trim() ?? '';
  const added = options.filter((option) => {
    const name = option.split('=')[0];
    return !new RegExp(`${name}[=\\s]`).test(given);
  });
  return [given, ...added].filter(Boolean).join(' ');
}

/** How many sector files a content folder holds, as the build will see them. */
export function countSectors(contentDir: string): number {
  return sectorFiles(contentDir).length;
}
