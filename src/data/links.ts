import path from 'node:path';
import { collectRedirects } from '../lib/aliases';
import { frenchTypography } from '../lib/french-typography';
import { reservedPages } from '../lib/site-index';
import { SITE_NAME } from '../lib/site';
import { getHome, getSortedSectors } from './sectors';

/** How editors know a file: relative to the project when it is inside it. */
function displayPath(filePath: string | undefined, id: string): string {
  if (!filePath) return `le secteur « ${id} »`;
  const relative = path.relative(process.cwd(), path.resolve(filePath));
  return relative.startsWith('..') ? path.resolve(filePath) : relative;
}

/** The redirects of every sector's aliases; a clash with a real page stops the build (see lib/aliases). */
export async function getRedirects() {
  const sectors = await getSortedSectors();
  const redirects = collectRedirects(
    sectors.map((s) => ({ id: s.id, file: displayPath(s.filePath, s.id), aliases: s.data.aliases })),
    // The build runs from the project root: src/pages lists the site's other pages.
    reservedPages(),
  );
  const titles = new Map(sectors.map((s) => [s.id, s.data.title]));
  return redirects.map((r) => ({ ...r, title: titles.get(r.to) ?? r.to }));
}

/** Site path (without base) of each page's preview image. */
export const previewPath = {
  home: 'og/accueil.png',
  sector: (id: string) => `og/secteurs/${id}.png`,
};

/** The home page's preview image; pages without their own (search, references) share it. */
export async function getHomePreview() {
  const home = await getHome();
  return { path: previewPath.home, alt: `${home.data.title} ${home.data.description}` };
}

/** Text drawn on each preview image (typeset like the pages), by image path. */
export async function getPreviewTexts() {
  const home = await getHome();
  const sectors = await getSortedSectors();
  const text = (data: { title: string; description: string }) => ({
    title: frenchTypography(data.title),
    description: frenchTypography(data.description),
    siteName: SITE_NAME,
  });
  return [{ path: previewPath.home, text: text(home.data) }, ...sectors.map((s) => ({ path: previewPath.sector(s.id), text: text(s.data) }))];
}
