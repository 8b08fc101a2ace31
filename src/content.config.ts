/** The two collections: every sector (content/secteurs/), checked as a whole before the build goes on, and the home page. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { checkedLoader } from './checks/content-checks.ts';
import { homeSchema, sectorSchema } from './checks/files/schema.ts';
import { contentDir, isDevServer } from './settings.ts';
import { slugFromFileName } from './utils/text/slug.ts';

const root = contentDir();

const secteurs = defineCollection({
  loader: checkedLoader(
    glob({
      base: `${root}/secteurs`,
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry, data }) => (typeof data.slug === 'string' && data.slug) || slugFromFileName(entry),
      // Pages use the rendered HTML only: keeping the markdown source too would double the data store
      // the build holds in memory.
      retainBody: false,
      deferRender: isDevServer(),
    }),
    root,
  ),
  schema: sectorSchema,
});

const accueil = defineCollection({
  loader: glob({ base: root, pattern: 'accueil.{md,mdx}', generateId: () => 'accueil' }),
  schema: homeSchema,
});

export const collections = { secteurs, accueil };
