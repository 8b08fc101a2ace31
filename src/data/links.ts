import { checkAliases } from '../checks/site/aliases.ts';
import { sitePages } from '../checks/files/site-index.ts';
import { previewPath } from '../utils/navigation/paths.ts';
import { previewTextOf, type PreviewImage } from '../utils/publishing/preview-image.ts';
import { getHome, getSortedSectors } from './sectors.ts';

/**
 * The redirects of every sector's aliases. A mistake (an alias that is another page's address) has
 * already stopped the build with its line in the content checks' report; such aliases make no redirect.
 */
export async function getRedirects() {
  const sectors = await getSortedSectors();
  const { redirects } = checkAliases(
    sectors.map((s) => ({ id: s.id, file: s.filePath ?? s.id, aliases: s.data.aliases })),
    sitePages(),
  );
  const titles = new Map(sectors.map((s) => [s.id, s.data.title]));
  return redirects.map((r) => ({ ...r, title: titles.get(r.to) ?? r.to }));
}

/** The home page's preview image; pages without their own (search, references) share it. */
export async function getHomePreview() {
  const home = await getHome();
  return { path: previewPath.home, alt: `${home.data.title} ${home.data.description}` };
}

/** Every preview image of the site: the home page's and each published sector's. */
export async function getPreviewImages(): Promise<PreviewImage[]> {
  const [home, sectors] = await Promise.all([getHome(), getSortedSectors()]);
  return [{ path: previewPath.home, text: previewTextOf(home.data) }, ...sectors.map((s) => ({ path: previewPath.sector(s.id), text: previewTextOf(s.data) }))];
}
