import path from 'node:path';
import { getCollection, getEntry } from 'astro:content';
import { contentDir, editBaseUrl, isDevServer } from '../settings.ts';
import { readRepository, type Repository } from '../utils/files/git.ts';
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
  const linkOf = new Map(links.map((link) => [link.id, link]));
  const neighbours = new Map(
    [...neighboursById(sorted)].map(([id, { previous, next }]) => [id, { previous: previous && linkOf.get(previous.id), next: next && linkOf.get(next.id) }]),
  );
  // The header's navigation, computed once: the header shows it and each sector page's cacheKey covers it.
  const header: SectorNav<SectorLink> = sectorNav(links);
  const repo = repository();
  const sources = new Map(sorted.map((s) => [s.id, sourceOf(s, repo)]));
  return { sorted, links, header, neighbours, sources, repo };
}

/** Sorted sectors, their links, the header's navigation, each one's neighbours and page source, the git history read for them: computed once per build. */
export function getSectorNavigation() {
  if (isDevServer()) return loadNavigation();
  return (navigationOnce ??= loadNavigation());
}

export async function getHome() {
  const home = await getEntry('accueil', 'accueil');
  if (!home) throw new Error('Le fichier de la page d’accueil est introuvable : créez content/accueil.md.');
  return home;
}

/**
 * The content folder's git history, read once per build (one `git log` for every file), again on each
 * page of the dev server so that a commit or an edit shows there too.
 */
let repositoryOnce: { value: Repository | undefined } | undefined;

function repository(): Repository | undefined {
  if (isDevServer()) return readRepository(contentDir());
  return (repositoryOnce ??= { value: readRepository(contentDir()) }).value;
}

/**
 * When an entry's file last changed and where to edit it (« Mis à jour le … », « Modifier cette page »).
 * `repo`: the history already read (getSectorNavigation's), so that the dev server reads it once per
 * page, not once per sector. No default: outside git it is undefined, and a default would read again.
 */
export function sourceOf(entry: { filePath?: string; data: object & { updated?: Date } }, repo: Repository | undefined): PageSource {
  // Every command runs from the project's root (src/settings.ts): Astro's filePath is relative to it.
  const projectRoot = process.cwd();
  if (!entry.filePath) return {};
  return pageSource(path.resolve(projectRoot, entry.filePath), entry.data.updated, { repository: repo, editBase: editBaseUrl(), projectRoot });
}
