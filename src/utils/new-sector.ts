import { sectorSlugFromTitle } from './slug.ts';

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

export function newSector(title: string, order: number): NewSector {
  const clean = title.trim().replace(/\s+/g, ' ');
  const slug = sectorSlugFromTitle(clean);
  const long = `À compléter : ce que le prompt engineering apporte au secteur « ${clean} », en une phrase.`;
  const description = long.length <= 160 ? long : 'À compléter : ce que le prompt engineering apporte à ce secteur, en une phrase de 160 caractères au plus.';
  // JSON strings are valid YAML double-quoted strings: any title is safe (« : », quotes…).
  const content = `---
title: ${JSON.stringify(clean)}
description: ${JSON.stringify(description)}
order: ${order}
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
