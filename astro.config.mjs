// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import { markdownOptions } from './src/lib/markdown.ts';
import pagefind from './src/integrations/pagefind.ts';
import { devServerFlag } from './src/lib/drafts.ts';

const env = process.env;

export default defineConfig({
  site: env.SITE_URL || 'http://localhost:4321',
  base: env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Tests and benchmarks build elsewhere without touching the developer's dist/ or cache.
  outDir: env.OUT_DIR || './dist',
  cacheDir: env.ASTRO_CACHE_DIR || './node_modules/.astro',
  // `true` collapses whitespace but keeps one space between inline elements
  // ('jsx', the default, can glue words together in French prose).
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: false,
  },
  // devServerFlag: drafts and on-page content problems in `astro dev` only (src/lib/drafts.ts).
  integrations: [mdx(), pagefind(), devServerFlag()],
  vite: { plugins: [tailwindcss()] },
});
