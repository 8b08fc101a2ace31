import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';

const STORE_MODULE = '\0astro:data-layer-content';

/**
 * Marks the module as content data, as Astro marks its own store module (astro/dist/core/build/incremental-metadata.js):
 * the incremental build leaves it out of each page's code hash, where the store file's absolute path would
 * otherwise make every page look changed whenever ASTRO_CACHE_DIR moves (npm run bench moves it). What the store
 * holds is covered by the pages' cacheKeys.
 */
export const CONTENT_DATA = { astroIncremental: { kind: 'content-data' } };

/** The module that stands in for Astro's: it reads the store when the prerendered pages first need it. */
export function storeReaderModule(storeFile: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'));\n`;
}

/**
 * Astro bundles the whole content store (every page's rendered HTML) into the prerender code as one
 * string literal, read, parsed and re-serialised by Astro's loader, then parsed and copied by the
 * bundler: most of a large build's peak memory (README, « Mémoire »). Pages are prerendered in
 * the same process, on the same machine, right after bundling, from that same file: the bundled
 * module reads the file instead. Only the prerender environment (run at build time) is concerned,
 * and where the file is missing Astro's own module is used.
 */
export function contentStoreAtRuntime(storeFile: string): Plugin {
  return {
    name: 'content-store-at-runtime',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'prerender',
    load: {
      // Before Astro's loader. The bundler matches the filter in native code (no \0 there):
      // other modules never reach JavaScript.
      order: 'pre',
      filter: { id: /astro:data-layer-content$/ },
      handler(id) {
        if (id !== STORE_MODULE || !existsSync(storeFile)) return null;
        return { code: storeReaderModule(storeFile), meta: CONTENT_DATA };
      },
    },
  };
}
