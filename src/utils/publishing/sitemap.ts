import { readFileSync } from 'node:fs';
import path from 'node:path';

const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/i;
// What src/utils/publishing/structured-data.ts writes for the day the page shows (« Mis à jour le … »).
const DATE_MODIFIED = /"dateModified":"(\d{4}-\d{2}-\d{2})"/;

/** What the sitemap needs of a built page: whether search engines may index it, and the day it shows. */
interface PageFacts {
  indexable: boolean;
  day?: string;
}

/**
 * The sitemap's options, read from the built pages (`url` absolute, under `siteBase` = site + base; pages
 * in `outDir`). Each page is read once, by the filter, and remembered for serialize.
 * - `filter`: only the HTML pages search engines may index. The 404 page and the alias redirects say
 *   `noindex` in their head, so the built file itself decides (drafts have no page in production builds).
 * - `serialize`: `lastmod` is the day the page gives as its JSON-LD dateModified, so the sitemap never
 *   disagrees with « Mis à jour le … ». A page without one gets no lastmod.
 */
export function sitemapFromPages(outDir: string, siteBase: string) {
  const prefix = new URL(siteBase.endsWith('/') ? siteBase : `${siteBase}/`).pathname;
  const known = new Map<string, PageFacts>();
  const facts = (url: string): PageFacts => {
    const remembered = known.get(url);
    if (remembered) return remembered;
    const { pathname } = new URL(url);
    let html: string | undefined;
    if (pathname.startsWith(prefix) && pathname.endsWith('/')) {
      try {
        html = readFileSync(path.join(outDir, decodeURIComponent(pathname.slice(prefix.length)), 'index.html'), 'utf8');
      } catch {
        // Not a built page.
      }
    }
    const found = { indexable: html !== undefined && !NOINDEX.test(html), day: DATE_MODIFIED.exec(html ?? '')?.[1] };
    known.set(url, found);
    return found;
  };
  return {
    filter: (url: string): boolean => facts(url).indexable,
    serialize: <Item extends { url: string; lastmod?: string }>(item: Item): Item => {
      const { day } = facts(item.url);
      return day ? { ...item, lastmod: day } : item;
    },
  };
}
