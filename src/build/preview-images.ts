import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import pLimit from 'p-limit';
import { writePreview, type PreviewImage } from '../utils/publishing/preview-image.ts';
import { PAGES_IN_FLIGHT } from './pages-in-flight.ts';

/**
 * A build writes the preview images itself, beside the pages Astro writes, instead of giving Astro one
 * route per image: each route costs Astro's page machinery, a file in its incremental cache and the
 * file operations that go with it, which made the images half of a large site's page generation
 * (README, « Passage à l’échelle »). The images have a cache of their own (preview-image.ts): an image
 * whose text is unchanged is linked from it, on every build, the incremental ones included.
 *
 * The route src/pages/og/[...image].png.ts lists the images: in a build it hands them over here and
 * declares no page; the dev server, where this integration does nothing, serves them as routes.
 */

// The route runs in Astro's prerender bundle, another module graph than this integration's.
const HAND_OVER = Symbol.for('prompt-engineering-secteurs.preview-images');
const shared = globalThis as { [HAND_OVER]?: (images: PreviewImage[]) => void };

/** In a build, hands the images over to be written beside the pages and returns true; elsewhere false. */
export function handOverPreviewImages(images: PreviewImage[]): boolean {
  const take = shared[HAND_OVER];
  take?.(images);
  return take !== undefined;
}

/** Writes each image into `outDir` at its site path, PAGES_IN_FLIGHT at a time (each drawn off the main thread). */
export async function writePreviewImages(outDir: string, images: PreviewImage[], cacheFolder?: string): Promise<void> {
  const files = images.map((image) => ({ ...image, file: path.join(outDir, image.path) }));
  await Promise.all([...new Set(files.map(({ file }) => path.dirname(file)))].map((folder) => mkdir(folder, { recursive: true })));
  const limit = pLimit(PAGES_IN_FLIGHT);
  await Promise.all(
    files.map(({ path: sitePath, text, file }) =>
      limit(() =>
        writePreview(text, file, cacheFolder).catch((error: unknown) => {
          throw new Error(`Image d’aperçu ${sitePath} (« ${text.title} ») : ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }),
      ),
    ),
  );
}

export function previewImages(): AstroIntegration {
  let outDir = '';
  const handed = new Set<string>();
  const writes: Promise<void>[] = [];
  return {
    name: 'preview-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      // Written while Astro renders the pages: the drawing runs on other threads than Astro's.
      'astro:build:start': () => {
        shared[HAND_OVER] = (images) => {
          // Each image once, should Astro ask for the route's paths again.
          const fresh = images.filter((image) => !handed.has(image.path));
          for (const image of fresh) handed.add(image.path);
          const writing = writePreviewImages(outDir, fresh);
          // Reported when the build ends (below), not as an unhandled rejection in the meantime.
          writing.catch(() => {});
          writes.push(writing);
        };
      },
      'astro:build:done': async () => {
        delete shared[HAND_OVER];
        await Promise.all(writes);
      },
    },
  };
}
