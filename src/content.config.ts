import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { checkContent } from './lib/check-content';
import { markChecked } from './lib/checked-files';
import { contentDir } from './lib/content-dir';
import { isDevServer } from './lib/drafts';
import { formatReport } from './lib/problems';
import { homeSchema, sectorSchema } from './lib/schema';
import { contentFiles } from './lib/site-index';
import { slugFromFileName } from './lib/slug';

const root = contentDir();

/**
 * Before Astro reads any file, the whole content folder goes through the checks of
 * `npm run check` (one report for every file): the build stops on any problem. In
 * `npm run dev` the same report is printed as a warning and the site keeps running.
 */
function checked(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      const dev = isDevServer();
      // Each file's checks are cached next to Astro's content cache: a rebuild re-checks only edited files.
      const problems = checkContent(root, { includeDrafts: dev, cacheDir: fileURLToPath(context.config.cacheDir) });
      if (problems.length) {
        const report = formatReport(problems);
        if (!dev) {
          const error = new Error(`Le contenu est à corriger : le site n’a pas été construit.\n\n${report}\n\nLa même liste s’obtient en quelques secondes avec « npm run check » ; CONTRIBUTING.md explique chaque erreur.`);
          // No stack: it would point at this file, and editors need only the report. A plain Error keeps
          // the text as written (Astro's own errors render [text](url) as markdown, which would garble the hints).
          error.stack = '';
          throw error;
        }
        context.logger.warn(`Contenu à corriger (le site de développement continue) :\n${report}`);
      }
      // The build renders only checked files: the markdown pipeline need not check them again (remarkSiteChecks).
      if (!dev) markChecked(contentFiles(root));
      return loader.load(context);
    },
  };
}

const secteurs = defineCollection({
  loader: checked(glob({
    base: `${root}/secteurs`,
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry, data }) => (typeof data.slug === 'string' && data.slug) || slugFromFileName(entry),
    // Pages use the rendered HTML only: keeping the markdown source too would double the data store
    // that Astro embeds in the build (memory grows with it: 1.4 GB at 5000 sectors).
    retainBody: false,
  })),
  schema: sectorSchema,
});

const accueil = defineCollection({
  loader: glob({ base: root, pattern: 'accueil.{md,mdx}', generateId: () => 'accueil' }),
  schema: homeSchema,
});

export const collections = { secteurs, accueil };

// Shared with `npm run check` (src/lib/schema.ts); re-exported for existing imports.
export { homeSchema, sectorSchema };
