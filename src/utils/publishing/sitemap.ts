import { readFileSync } from 'node:fs';
import path from 'node:path';

const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/i;
// What src/utils/publishing/structured-data.ts writes for the day the page shows (« Mis à jour le … »).
const DATE_MODIFIED = /"dateModified":"(\d{4}-\d{2}-\d{2})"/;

/** The built HTML of a page URL under `siteBase` (site + base), from `outDir`; undefined for what is not a built page. */
function builtPage(outDir: string, siteBase: string) {
  const prefix = new URL(siteBase.endsWith('/') ? siteBase : `${siteBase}/`).pathname;
  return (url: string): string | undefined => {
    const { pathname } = new URL(url);
    if (!pathname.startsWith(prefix) || !pathname.endsWith('/')) return undefined;
    try {
      return readFileSync(path.join(outDir, decodeURIComponent(pathname.slice(prefix.length)), 'index.html'), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * Sitemap filter: only the HTML pages search engines may index. The 404 page and the alias
 * redirects say `noindex` in their head, so the built file itself decides (drafts have no page in
 * production builds). `url` is absolute, under `siteBase` (site + base); pages live in `outDir`.
 */
export function indexablePageFilter(outDir: string, siteBase: string) {
  const page = builtPage(outDir, siteBase);
  return (url: string): boolean => {
    const html = page(url);
    return html !== undefined && !NOINDEX.test(html);
  };
}

/**
 * Sitemap entries with `lastmod`: the day the built page itself gives as its JSON-LD dateModified,
 * so the sitemap never disagrees with « Mis à jour le … ». A page without one gets no lastmod.
 */
export function lastmodFromPage(outDir: string, siteBase: string) {
  const page = builtPage(outDir, siteBase);
  return <Item extends { url: string; lastmod?: string }>(item: Item): Item => {
    const day = DATE_MODIFIED.exec(page(item.url) ?? '')?.[1];
    return day ? { ...item, lastmod: day } : item;
  };
}
