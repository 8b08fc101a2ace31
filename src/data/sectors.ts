import path from 'node:path';
import { getCollection, getEntry } from 'astro:content';
import { contentDir, editBaseUrl, isDevServer } from '../settings.ts';
import { readRepository } from '../utils/files/git.ts';
import { sectorNav, type SectorNav } from '../utils/navigation/nav.ts';
import { pageSource, type PageSource } from '../utils/files/page-source.ts';
import { neighboursById, sortSectors, type SectorLink } from '../utils/navigation/sectors.ts';

/**
 * All sectors in reading order. Drafts (`draft: true`) show in `npm run dev` and are left
 * out of the build: no page, no link, no card.
 * getCollection() rebuilds every entry on each call, so a page that called it (and sorted) once
 * per page would make the build quadratic in the number of sectors: a build computes it once.
 * The dev server recomputes so that edits show at once.
 */
let sortedOnce: ReturnType<typeof loadSorted> | undefined;

async function loadSorted() {
  return sortSectors(await getCollection('secteurs', (s) => isDevServer() || !s.data.draft));
}

export function getSortedSectors() {
  if (isDevServer()) return loadSorted();
  return (sortedOnce ??= loadSorted());
}

let navigationOnce: ReturnType<typeof loadNavigation> | undefined;

async function loadNavigation() {
  const sorted = await getSortedSectors();
  const links: SectorLink[] = sorted.map((s) => ({ id: s.id, title: s.data.title }));
  // The header's navigation, computed once: the header shows it and each sector page's cacheKey covers it.
  const header: SectorNav<SectorLink> = sectorNav(links);
  return { sorted, links, header, neighbours: neighboursById(links) };
}

/** Sorted sectors, their links, the header's navigation and each one's neighbours: computed once per build. */
export function getSectorNavigation() {
  if (isDevServer()) return loadNavigation();
  return (navigationOnce ??= loadNavigation());
}

export async function getHome() {
  const home = await getEntry('accueil', 'accueil');
  if (!home) throw new Error('Le fichier de la page d’accueil est introuvable : créez content/accueil.md.');
  return home;
}

let sourcesOnce: ReturnType<typeof loadSources> | undefined;

/**
 * When each page's file last changed and where to edit it (« Mis à jour le … », « Modifier cette page »),
 * for every sector and the home page. The content folder's git history is read once for all of them
 * (one `git log`): once per build, and on each page of the dev server that shows it, so that a commit or
 * an edit shows there too. Pages that show only the header do not read it.
 */
async function loadSources() {
  const [{ sorted }, home] = await Promise.all([getSectorNavigation(), getHome()]);
  const repository = readRepository(contentDir());
  const editBase = editBaseUrl();
  // Every command runs from the project's root (src/settings.ts): Astro's filePath is relative to it.
  const projectRoot = process.cwd();
  const sourceOf = (entry: { filePath?: string; data: object & { updated?: Date } }): PageSource =>
    entry.filePath ? pageSource(path.resolve(projectRoot, entry.filePath), entry.data.updated, { repository, editBase, projectRoot }) : {};
  return { sectors: new Map(sorted.map((s) => [s.id, sourceOf(s)])), home: sourceOf(home) };
}

export function getPageSources() {
  if (isDevServer()) return loadSources();
  return (sourcesOnce ??= loadSources());
}
