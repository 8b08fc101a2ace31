import { getCollection, getEntry } from 'astro:content';
import { isDevServer } from '../lib/drafts';
import { neighboursById, sortSectors } from '../lib/sectors';

/**
 * All sectors in reading order. Drafts (`draft: true`) show in `npm run dev` and are left
 * out of the build: no page, no link, no card. Astro caches collections, so this is cheap.
 */
export async function getSortedSectors() {
  return sortSectors(await getCollection('secteurs', (s) => isDevServer() || !s.data.draft));
}

export async function getSectorNavigation() {
  const sorted = await getSortedSectors();
  return {
    sorted,
    nav: sorted.map((s) => ({ id: s.id, title: s.data.title })),
    neighbours: neighboursById(sorted),
  };
}

export async function getHome() {
  const home = await getEntry('accueil', 'accueil');
  if (!home) throw new Error('Le fichier de la page d’accueil est introuvable : créez content/accueil.md.');
  return home;
}
