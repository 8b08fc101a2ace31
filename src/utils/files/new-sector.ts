import { frontmatterLine } from '../text/frontmatter-text.ts';
import { sectorPath } from '../navigation/paths.ts';
import { sectorSlugFromTitle } from '../text/slug.ts';

/** What `npm run new-sector -- "La logistique"` writes: file name and a French template that passes every check. */
export interface NewSector {
  slug: string;
  fileName: string;
  content: string;
}

/** The next free `order`: one more than the largest used (orders that are not positive integers are ignored). */
export function nextOrder(orders: readonly unknown[]): number {
  const used = orders.filter((o): o is number => Number.isInteger(o) && (o as number) > 0);
  return used.length ? Math.max(...used) + 1 : 1;
}

/** A title as a new sector keeps it: trimmed, runs of spaces made one. */
export function cleanTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ');
}

/** The sectors a content folder already has, as the site index lists them. */
export interface ExistingSector {
  file: string;
  url: string;
  order: unknown;
}

export type NewSectorPlace = { slug: string; fileName: string; order: number } | { refusal: string };

/**
 * Where a new sector goes, or why it cannot be created: the file name from the title without its
 * article, the next free order, and never an address another file already gives. `npm run new-sector`
 * and the CMS's local backend (src/cms/local-backend.ts) both ask here. `show` displays a file's path.
 */
export function placeNewSector(title: string, sectors: readonly ExistingSector[], show: (file: string) => string = (f) => f): NewSectorPlace {
  const slug = sectorSlugFromTitle(cleanTitle(title));
  if (!slug) return { refusal: `Le titre « ${title} » ne donne pas d’adresse (il faut au moins une lettre ou un chiffre) : choisissez un autre titre.` };
  const taken = sectors.find((s) => s.url === sectorPath(slug));
  if (taken)
    return {
      refusal:
        `Rien n’a été créé : ${show(taken.file)} existe déjà et donne l’adresse ${sectorPath(slug)}. ` +
        'Ce fichier n’a pas été modifié. Ouvrez-le pour le compléter, ou choisissez un autre titre.',
    };
  return { slug, fileName: `${slug}.md`, order: nextOrder(sectors.map((s) => s.order)) };
}

/** The refusal when the file appeared anyway (another name for the same address, or meanwhile). */
export function alreadyThere(file: string): string {
  return `Rien n’a été créé : ${file} existe déjà (il n’a pas été modifié).`;
}

export function newSector(title: string, order: number): NewSector {
  const clean = cleanTitle(title);
  const slug = sectorSlugFromTitle(clean);
  const long = `À compléter : ce que le prompt engineering apporte au secteur « ${clean} », en une phrase.`;
  const description = long.length <= 160 ? long : 'À compléter : ce que le prompt engineering apporte à ce secteur, en une phrase de 160 caractères au plus.';
  const content = `---
${frontmatterLine('title', clean)}
${frontmatterLine('description', description)}
${frontmatterLine('order', order)}
---

<!--
  Page créée par « npm run new-sector ». Remplacez les textes « À compléter », puis lancez « npm run check ».
  Pour citer une source : écrivez un appel de note [^1] à la fin de la phrase,
  et en bas du fichier la ligne : [^1]: [Titre exact de la source](https://adresse-complete-de-la-source)
  Guide complet : CONTRIBUTING.md
-->

À compléter : dans ce secteur, le prompt engineering sert à…

## Exemples d’usage

- À compléter : un premier usage concret.
- À compléter : un deuxième usage concret.
`;
  return { slug, fileName: `${slug}.md`, content };
}
