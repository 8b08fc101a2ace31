import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The cap on Astro's V8 heap for a build of `sectors` sectors, in MB.
 * Why a cap: V8 lets garbage grow the heap to 3–4 times what is live and keeps the pages, so an
 * uncapped build of 5000 sectors holds ~1.2 GB for ~250 MB live (heap snapshot mid-build: 180 MB).
 * Why this size: at 5000 sectors, 300 MB makes the collector thrash (115 s instead of 48 s) while
 * 400 MB costs a few seconds for ~300 MB less. Past 5000 sectors the cap grows with the content
 * (80 KB per sector, about twice what each keeps live at the worst moment), so that a larger site
 * is slower to collect, never out of memory.
 */
export function astroHeapLimitMb(sectors: number): number {
  return Math.max(400, Math.ceil((sectors * 80) / 1024));
}

/**
 * The young generation's semi-space, in MB. V8 grows it up to 32–64 MB for allocation-heavy work
 * such as rendering markdown; at 8 MB the same 5000-sector build peaks ~200 MB lower (700–760 MB
 * instead of ~960) in no more CPU time.
 */
export const SEMI_SPACE_MB = 8;

/** NODE_OPTIONS with the build's heap sizes added, except those whoever runs the build already chose. */
export function withHeapLimit(nodeOptions: string | undefined, limitMb: number): string {
  let options = nodeOptions?.trim() ?? '';
  if (!/--max-old-space-size[=\s]/.test(options)) options += ` --max-old-space-size=${limitMb}`;
  if (!/--max-semi-space-size[=\s]/.test(options)) options += ` --max-semi-space-size=${SEMI_SPACE_MB}`;
  return options.trim();
}

/** How many sector files a content folder holds (0 when it has none), as the build will see them. */
export function countSectors(contentDir: string): number {
  try {
    return readdirSync(path.join(contentDir, 'secteurs')).filter((f) => /\.mdx?$/.test(f)).length;
  } catch {
    return 0;
  }
}
