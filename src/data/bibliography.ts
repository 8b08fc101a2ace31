import { render } from 'astro:content';
import { buildBibliography } from '../utils/navigation/bibliography.ts';
import type { Reference } from '../markdown/footnotes/remark-references.ts';
import { getSortedSectors } from './sectors.ts';

/**
 * Every source the published sectors cite, from their footnotes. One render() per sector
 * (Astro caches it; the sector pages render the same entries), so the cost stays linear.
 */
export async function getBibliography() {
  const sectors = await Promise.all(
    (await getSortedSectors()).map(async (sector) => {
      const { remarkPluginFrontmatter } = await render(sector);
      const references: Reference[] = remarkPluginFrontmatter.references ?? [];
      return { id: sector.id, title: sector.data.title, references };
    }),
  );
  return buildBibliography(sectors);
}
