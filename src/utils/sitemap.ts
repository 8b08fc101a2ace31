import { readFileSync } from 'node:fs';
import path from 'node:path';

const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/i;

/**
 * Sitemap filter: only the HTML pages search engines may index. The 404 page and the alias
 * redirects say `noindex` in their head, so the built file itself decides (drafts have no page in
 * production builds). `url` is absolute, under `siteBase` (site + base); pages live in `outDir`.
 */
export function indexablePageFilter(outDir: string, siteBase: string) {
  const prefix = new URL(siteBase.endsWith('/') ? siteBase : `${siteBase}/`).pathname;
  return (url: string): boolean => {
    const { pathname } = new URL(url);
    if (!pathname.startsWith(prefix) || !pathname.endsWith('/')) return false;
    const file = path.join(outDir, decodeURIComponent(pathname.slice(prefix.length)), 'index.html');
    try {
      return !NOINDEX.test(readFileSync(file, 'utf8'));
    } catch {
      return false;
    }
  };
}
