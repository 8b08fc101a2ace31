// node scripts/search-index.ts — the search index of the site Astro built into OUT_DIR (default dist/).
// `npm run build` runs it in place of Astro's process once Astro has built the site (scripts/astro-build.ts), so that
// Pagefind does not run while Astro's heap is still alive: the build's peak memory is the larger of the two, not their sum.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { searchIndexPath } from '../src/utils/navigation/paths.ts';

/**
 * Builds the Pagefind search index of a built site into `<site>/pagefind/`; returns how many pages it indexed.
 * Only elements marked data-pagefind-body (the sector articles) are indexed.
 * Result URLs are relative to the output folder; the search page adds the base path.
 */
async function buildSearchIndex(site: string): Promise<number> {
  const fail = (what: string, errors: string[]) => {
    throw new Error(`Pagefind : échec ${what} dans ${site} :\n${errors.join('\n')}`);
  };
  try {
    // The site is French only: force the French stemmer (« médicales » finds « médical »).
    const { index, errors } = await pagefind.createIndex({
      forceLanguage: 'fr',
      // Not prose: screen-reader hints, footnote calls (« 1 2. ») and the sources list,
      // which /references/ covers; they made noisy excerpts. Likewise the copies of the sources
      // shown as footnote previews, the « # » heading anchors, « Sur cette page », the « Copier »
      // buttons and the callouts' titles (« Astuce »).
      excludeSelectors: [
        '.sr-only',
        '[data-footnote-ref]',
        'section[data-footnotes]',
        '.fn-preview',
        '.heading-anchor',
        '.toc',
        '.copy-button',
        '.callout-title',
      ],
    });
    if (!index) return fail('de la création de l’index', errors);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) fail('de l’indexation des pages', added.errors);
    const outputPath = path.join(site, searchIndexPath);
    // The build keeps its output folder (src/build/kept-output.ts): the index of the previous one goes first, or the
    // fragments of removed pages would stay (Pagefind leaves a file it would write again as it is).
    await rm(outputPath, { recursive: true, force: true });
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

const site = path.resolve(import.meta.dirname, '..', process.env.OUT_DIR || 'dist');
try {
  const indexed = await buildSearchIndex(site);
  console.log(`[pagefind] index de recherche : ${indexed} pages indexées`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
