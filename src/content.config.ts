import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir } from './lib/content-dir';
import { slugFromFileName } from './lib/slug';

const root = contentDir();

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What an editor may write at the top of a sector file. Unknown keys are errors: a typo must not vanish. */
export const sectorSchema = z.strictObject({
  title: z.string().trim().min(1, 'le titre (title) ne peut pas être vide'),
  description: z
    .string()
    .trim()
    .min(1, 'la description ne peut pas être vide')
    .max(160, 'la description doit tenir en 160 caractères au plus (elle sert d’aperçu dans les moteurs de recherche)'),
  order: z.number().int('order doit être un nombre entier').positive('order doit être un entier positif (1, 2, 3…)'),
  draft: z.boolean().optional(),
  updated: z.coerce.date().optional(),
  /** Overrides the URL slug given by the file name. */
  slug: z.string().regex(slugPattern, 'slug : lettres minuscules sans accents, chiffres et tirets (ex. « jeux-video »)').optional(),
  /** Old paths of this page (e.g. "/secteurs/ancien-nom/"): each becomes a redirect. */
  aliases: z.array(z.string().startsWith('/', 'chaque alias est un chemin qui commence par « / »')).optional(),
});

export const homeSchema = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().min(1).max(160),
  conclusion: z.string().trim().min(1),
});

const secteurs = defineCollection({
  loader: glob({
    base: `${root}/secteurs`,
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry, data }) => (typeof data.slug === 'string' && data.slug) || slugFromFileName(entry),
  }),
  schema: sectorSchema,
});

const accueil = defineCollection({
  loader: glob({ base: root, pattern: 'accueil.{md,mdx}', generateId: () => 'accueil' }),
  schema: homeSchema,
});

export const collections = { secteurs, accueil };
