// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import sitemap from '@astrojs/sitemap';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexablePageFilter } from './src/lib/sitemap.ts';
import { markdownOptions } from './src/lib/markdown.ts';
import { sourceDigest } from './src/lib/source-digest.ts';
import { devServerFlag } from './src/lib/drafts.ts';
import { contentStoreAtRuntime } from './src/integrations/content-store-at-runtime.ts';

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
const cacheDir = env.ASTRO_CACHE_DIR || './node_modules/.astro';
// Where Astro keeps the content store in a build (see src/integrations/content-store-at-runtime.ts).
const contentStoreFile = path.resolve(root, cacheDir, 'data-store.json');

// Astro keeps each file's rendered markdown in cacheDir until its config digest changes, and that digest
// sees the plugins (functions) as null: an edited plugin would leave every page rendered by the old code.
// The digest of the pipeline's code (src/lib/markdown.ts, the modules it imports, the lockfile) rides in an
// option the renderer ignores but both digests include (content store and incremental build).
const processor = unified(markdownOptions);
Object.assign(processor.options, {
  sourceDigest: sourceDigest(root, [path.join(root, 'src/lib/markdown.ts')], [path.join(root, 'package-lock.json')]),
});

export default defineConfig({
  // The public address (e.g. https://exemple.github.io). Unset = a local build: URLs in the head stay
  // root-relative and there is no sitemap, rather than advertising localhost to the world.
  site: env.SITE_URL || undefined,
  base,
  trailingSlash: 'always',
  // Tests and benchmarks build elsewhere without touching the developer's dist/ or cache.
  outDir: env.OUT_DIR || './dist',
  cacheDir,
  // `true` collapses whitespace but keeps one space between inline elements
  // ('jsx', the default, can glue words together in French prose).
  compressHTML: true,
  // Four pages in flight: each page is written twice (output and incremental cache), and with one at a time the
  // build waited on the disk (1000 sectors, cold: pages 8.8 s -> 4.9 s, whole build 18 s -> 14 s).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  devToolbar: { enabled: false },
  markdown: {
    processor,
    syntaxHighlight: false,
  },
  // devServerFlag: drafts and on-page content problems in `astro dev` only (src/lib/drafts.ts).
  // The sitemap only when the public address is known (SITE_URL).
  integrations: [mdx(), devServerFlag(), ...(env.SITE_URL ? [sitemap({ filter: indexablePageFilter(outDir, new URL(base, env.SITE_URL).href) })] : [])],
  vite: { plugins: [tailwindcss(), contentStoreAtRuntime(contentStoreFile)] },
  // A rebuild copies the pages whose cacheKey and code are unchanged from the previous build (kept in cacheDir):
  // sector pages and their preview images (src/lib/cache-key.ts). Pages listing every sector are always rendered.
  experimental: { incrementalBuild: true },
});
