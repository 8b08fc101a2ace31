import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, checkContentAround } from './lib/check-content';
import { markChecked } from './lib/checked-files';
import { contentDir } from './lib/content-dir';
import { isDevServer } from './lib/drafts';
import { formatReport, type Problem } from './lib/problems';
import { homeSchema, sectorSchema } from './lib/schema';
import { contentFiles } from './lib/site-index';
import { slugFromFileName } from './lib/slug';

const root = contentDir();

/**
 * The whole content folder goes through the checks of `npm run check` (one report for every
 * file): the build stops on any problem, before rendering when the frontmatter has one, after
 * this loader's render otherwise (the checks then use Astro's own parse of each file). In
 * `npm run dev` the same report is printed as a warning and the site keeps running.
 */
function checked(loader: Loader, renderedDir: string): Loader {
  const stop = (problems: Problem[]) => {
    const error = new Error(
      `Le contenu est à corriger : le site n’a pas été construit.\n\n${formatReport(problems)}\n\nLa même liste s’obtient en quelques secondes avec « npm run check » ; CONTRIBUTING.md explique chaque erreur.`,
    );
    // No stack: it would point at this file, and editors need only the report. A plain Error keeps
    // the text as written (Astro's own errors render [text](url) as markdown, which would garble the hints).
    error.stack = '';
    throw error;
  };
  return {
    ...loader,
    load: async (context) => {
      // Each file's checks are cached next to Astro's content cache: a rebuild re-checks only edited files.
      const cacheDir = fileURLToPath(context.config.cacheDir);
      if (isDevServer()) {
        const problems = checkContent(root, { includeDrafts: true, cacheDir });
        if (problems.length) context.logger.warn(`Contenu à corriger (le site de développement continue) :\n${formatReport(problems)}`);
        return loader.load(context);
      }
      // In a build, the markdown files this loader renders are checked on the tree Astro parses to render them
      // (src/lib/remark-checks.ts, remarkSiteChecks); the build stops after the render if any file has a problem.
      const rendersFile = (file: string) => file.startsWith(renderedDir + path.sep) && file.endsWith('.md');
      const problems = await checkContentAround(root, { cacheDir, rendersFile }, () => loader.load(context));
      if (problems.length) stop(problems);
      // Pages rendered later (MDX) need not be checked again by the pipeline.
      markChecked(contentFiles(root));
    },
  };
}

const secteurs = defineCollection({
  loader: checked(
    glob({
      base: `${root}/secteurs`,
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry, data }) => (typeof data.slug === 'string' && data.slug) || slugFromFileName(entry),
      // Pages use the rendered HTML only: keeping the markdown source too would double the data store
      // that Astro embeds in the build (memory grows with it: 1.4 GB at 5000 sectors).
      retainBody: false,
    }),
    path.resolve(root, 'secteurs'),
  ),
  schema: sectorSchema,
});

const accueil = defineCollection({
  loader: glob({ base: root, pattern: 'accueil.{md,mdx}', generateId: () => 'accueil' }),
  schema: homeSchema,
});

export const collections = { secteurs, accueil };

// Shared with `npm run check` (src/lib/schema.ts); re-exported for existing imports.
export { homeSchema, sectorSchema };
