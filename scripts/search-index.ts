// node scripts/search-index.ts — the search index of the site Astro built into OUT_DIR (default dist/).
// `npm run build` runs it after `astro build` (with PAGEFIND_AFTER_BUILD=1) so that Pagefind does not
// run while Astro's heap is still alive: the build's peak memory is the larger of the two, not their sum.
import path from 'node:path';
import { buildSearchIndex } from '../src/integrations/pagefind.ts';

const site = path.resolve(import.meta.dirname, '..', process.env.OUT_DIR || 'dist');
try {
  const indexed = await buildSearchIndex(site);
  console.log(`[pagefind] index de recherche : ${indexed} pages indexées`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
