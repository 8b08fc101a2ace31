import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index of a built site into `<site>/pagefind/`; returns how many pages it indexed.
 * Only elements marked data-pagefind-body (the sector articles) are indexed.
 * Result URLs are relative to the output folder; the search page adds the base path.
 */
export async function buildSearchIndex(site: string): Promise<number> {
  const fail = (what: string, errors: string[]) => {
    throw new Error(`Pagefind : échec ${what} dans ${site} :\n${errors.join('\n')}`);
  };
  try {
    // The site is French only: force the French stemmer (« médicales » finds « médical »).
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: 'fr',
      // Not prose: screen-reader hints, footnote calls (« 1 2. ») and the sources list,
      // which /references/ covers; they made noisy excerpts. Likewise the copies of the sources
      // shown as footnote previews, the « # » heading anchors and « Sur cette page ».
      excludeSelectors: ['.sr-only', '[data-footnote-ref]', 'section[data-footnotes]', '.fn-preview', '.heading-anchor', '.toc'],
    });
    if (!index) return fail('de la création de l’index', errors);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) fail('de l’indexation des pages', added.errors);
    const outputPath = path.join(site, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail('de l’écriture de l’index', written.errors);
    // page_count above counts every HTML file read; the entry file says how many were indexed.
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8'));
    const indexed = entry.languages?.fr?.page_count ?? 0;
    if (!indexed) fail('de l’indexation : aucune page en français indexée (les articles des secteurs portent data-pagefind-body)', []);
    return indexed;
  } finally {
    await pagefind.close();
  }
}

/**
 * Indexes once Astro has written the pages, so `astro build` alone (as the tests run it) produces a
 * searchable site. With PAGEFIND_AFTER_BUILD=1 (`npm run build`) it leaves the index to
 * scripts/search-index.ts, run after Astro's process has exited: Pagefind's memory then no longer
 * adds up with Astro's still-live heap.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.PAGEFIND_AFTER_BUILD === '1') {
          logger.info('index de recherche : construit après Astro (scripts/search-index.ts)');
          return;
        }
        const indexed = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`index de recherche : ${indexed} pages indexées`);
      },
    },
  };
}
