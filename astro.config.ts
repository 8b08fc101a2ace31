import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import sitemap from '@astrojs/sitemap';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentStoreAtRuntime } from './src/build/content-store-at-runtime.ts';
import { keptOutput } from './src/build/kept-output.ts';
import { markdownWorkers } from './src/build/parallel-markdown.ts';
import { PAGES_IN_FLIGHT } from './src/build/pages-in-flight.ts';
import { previewImages } from './src/build/preview-images.ts';
import { cms } from './src/cms/integration.ts';
import { sourceDigest } from './src/build/source-digest.ts';
import { markdownProcessor } from './src/markdown/processor.ts';
import { cacheDir, devServerFlag } from './src/settings.ts';
import { pruneCss } from './src/styles/prune-css.ts';
import { sitemapFromPages } from './src/utils/publishing/sitemap.ts';

const env = process.env;
// `_` is set by the shell to the command that started the build (npm, node, /usr/bin/time…). Astro copies into a
// module's code every environment variable whose name appears in it, when the module reads `import.meta.env` as a
// whole (its own runtime does): `_` appears everywhere, so its value changed the code hash of every page, and an
// incremental rebuild started another way rendered all pages again. No part of the build reads it.
delete env._;
const root = fileURLToPath(new URL('.', import.meta.url));
// Absolute, for the sitemap filter that reads the built pages.
const outDir = path.resolve(root, env.OUT_DIR || 'dist');
const base = env.BASE_PATH || '/';
const cache = cacheDir(env, root);

// Astro keeps each file's rendered markdown in its cache until its config digest changes, and that digest
// sees the plugins (functions) as null: an edited plugin would leave every page rendered by the old code.
// The digest of the pipeline's code (src/markdown/processor.ts, the modules it imports, the lockfile) rides
// in an option the renderer ignores but both digests include (content store and incremental build).
const processor = markdownProcessor();
Object.assign(processor.options, {
  sourceDigest: sourceDigest(root, [path.join(root, 'src/markdown/processor.ts')], [path.join(root, 'package-lock.json')]),
});

export default defineConfig({
  // The public address (e.g. https://exemple.github.io). Unset = a local build: URLs in the head stay
  // root-relative and there is no sitemap, rather than advertising localhost to the world.
  site: env.SITE_URL || undefined,
  base,
  trailingSlash: 'always',
  // Tests and benchmarks build elsewhere without touching the developer's dist/ or cache.
  outDir,
  cacheDir: cache,
  // `true` collapses whitespace but keeps one space between inline elements
  // ('jsx', the default, can glue words together in French prose).
  compressHTML: true,
  // Many pages in flight (src/build/pages-in-flight.ts).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: PAGES_IN_FLIGHT },
  devToolbar: { enabled: false },
  markdown: {
    processor,
    syntaxHighlight: false,
  },
  // devServerFlag: drafts and on-page content problems in `astro dev` only (src/settings.ts).
  // markdownWorkers: a cold build of a large site starts its markdown workers now (src/build/parallel-markdown.ts).
  // previewImages: a build writes the preview images beside the pages, not as routes (src/build/preview-images.ts).
  // cms: the editor at /admin/ and, in `astro dev`, its local backend (src/cms/).
  // The sitemap only when the public address is known (SITE_URL).
  // Each page's lastmod is the day the page shows (src/utils/publishing/sitemap.ts).
  // keptOutput, last: a build keeps the previous one's output folder, then removes what it no longer makes
  // (src/build/kept-output.ts).
  integrations: [
    markdownWorkers(),
    previewImages(),
    mdx(),
    devServerFlag(),
    cms(),
    ...(env.SITE_URL ? [sitemap(sitemapFromPages(outDir, new URL(base, env.SITE_URL).href))] : []),
    keptOutput(),
  ],
  // Astro's content store is read from its file by the prerendered pages (src/build/content-store-at-runtime.ts).
  // Tailwind's CSS minus what no page needs (src/styles/prune-css.ts).
  // Scripts are never inlined into the page, however small (Astro inlines those under assetsInlineLimit): the
  // Content-Security-Policy (public/_headers) forbids inline scripts. Other assets keep Vite's default.
  vite: {
    plugins: [tailwindcss(), pruneCss(), contentStoreAtRuntime(path.join(cache, 'data-store.json'))],
    build: { assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined) },
    // The browser's scripts named by their hash alone: the name is written in every page that loads one.
    // Astro runs server code through Vite's module runner, which imports a module's imports one after the other,
    // each transformed on demand. Vite transforms them ahead, all at once, only for the browser unless asked:
    // `astro` loads the content configuration (build and dev), `ssr` renders the dev server's pages.
    environments: {
      client: { build: { rolldownOptions: { output: { entryFileNames: '_astro/[hash].js' } } } },
      astro: { dev: { preTransformRequests: true } },
      ssr: { dev: { preTransformRequests: true } },
    },
  },
  // A rebuild leaves in place (or copies from the cache) the pages whose cacheKey and code are unchanged:
  // sector pages (src/build/cache-key.ts). Pages listing every sector are always rendered; preview images have their
  // own cache (src/build/preview-images.ts).
  experimental: { incrementalBuild: true },
});
