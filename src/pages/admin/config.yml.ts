import type { APIRoute } from 'astro';
import { siteIndex } from '../../checks/files/site-index.ts';
import { cmsConfigText } from '../../cms/config.ts';
import { cmsBackend, contentDir, isDevServer } from '../../settings.ts';
import { nextOrder } from '../../utils/files/new-sector.ts';
import { adminPaths, withBase } from '../../utils/navigation/paths.ts';

/** Decap's configuration, from the schema: the GitHub backend once built, the dev server's local backend in `npm run dev`. */
export const GET: APIRoute = ({ site, url }) => {
  const local = isDevServer()
    ? { apiUrl: new URL(withBase(adminPaths.localBackend), url.origin).href, siteUrl: new URL(withBase('/'), url.origin).href }
    : undefined;
  // The site's index (frontmatters, read again only when a file changes): the orders, as npm run new-sector reads them.
  const orders = siteIndex(contentDir())
    .entries.filter((e) => e.kind === 'sector')
    .map((e) => e.order);
  const text = cmsConfigText({
    backend: cmsBackend(),
    siteUrl: site && new URL(withBase('/'), site).href,
    local,
    nextOrder: nextOrder(orders),
  });
  return new Response(text, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
