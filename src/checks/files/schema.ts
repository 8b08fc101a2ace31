import { z } from 'astro/zod';
import { closest } from '../report/closest.ts';

/**
 * What an editor may write at the top of a content file: the collections' schemas
 * (src/content.config.ts) and the checks' (`npm run check`, the build's gate). Messages are French
 * and say how to fix the mistake: editors read them.
 */

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A zod error callback: "missing" and "wrong type" get their own French sentence. */
function fieldError(field: string, expected: string, example: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? `le champ « ${field} » est obligatoire : ajoutez par exemple la ligne ${example}`
      : `le champ « ${field} » doit être ${expected} (valeur actuelle : ${JSON.stringify(issue.input)}), par exemple ${example}`;
}

/** Unknown keys are errors (a typo must not vanish); the message suggests the intended key. */
function strictFields<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      return issue.keys
        .map((key) => {
          const guess = closest(key, known);
          return `champ inconnu « ${key} »${guess ? ` : vouliez-vous écrire « ${guess} » ?` : ''} Les champs possibles sont : ${known.join(', ')}.`;
        })
        .join(' ');
    },
  });
}

const text = (field: string, example: string) => z.string({ error: fieldError(field, 'un texte entre guillemets', example) }).trim();

export const sectorSchema = strictFields({
  title: text('title', 'title: "La logistique"').min(1, 'le titre (title) ne peut pas être vide : écrivez le nom du secteur entre guillemets'),
  description: text('description', 'description: "Une phrase qui résume la page."')
    .min(1, 'la description ne peut pas être vide : écrivez une phrase qui résume la page')
    .max(160, 'la description doit tenir en 160 caractères au plus (elle sert d’aperçu dans les moteurs de recherche) : raccourcissez-la'),
  order: z
    .number({ error: fieldError('order', 'un nombre entier sans guillemets', 'order: 7') })
    .int('order doit être un nombre entier (1, 2, 3…), sans virgule')
    .positive('order doit être un entier positif (1, 2, 3…)'),
  draft: z.boolean({ error: fieldError('draft', 'true ou false, sans guillemets', 'draft: true') }).optional(),
  updated: z.coerce
    .date({ error: 'le champ « updated » doit être une date au format AAAA-MM-JJ, sans guillemets, par exemple updated: 2026-01-31' })
    .optional(),
  /** Overrides the URL slug given by the file name. */
  slug: z
    .string({ error: fieldError('slug', 'un texte', 'slug: "jeux-video"') })
    .regex(slugPattern, 'slug : lettres minuscules sans accents, chiffres et tirets (ex. « jeux-video »)')
    .optional(),
  /** Old paths of this page (e.g. "/secteurs/ancien-nom/"): each becomes a redirect. */
  aliases: z
    .array(z.string().startsWith('/', 'chaque alias est un chemin qui commence par « / »'), {
      error: fieldError('aliases', 'une liste de chemins', 'aliases: ["/secteurs/ancien-nom/"]'),
    })
    .optional(),
});

export const homeSchema = strictFields({
  title: text('title', 'title: "Le titre de la page d’accueil"').min(1, 'le titre (title) ne peut pas être vide'),
  description: text('description', 'description: "Une phrase qui résume le site."')
    .min(1, 'la description ne peut pas être vide')
    .max(160, 'la description doit tenir en 160 caractères au plus : raccourcissez-la'),
  conclusion: text('conclusion', 'conclusion: "La phrase de conclusion."').min(1, 'la conclusion ne peut pas être vide'),
});
