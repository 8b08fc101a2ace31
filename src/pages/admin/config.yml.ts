import type { APIRoute } from 'astro';
import { siteIndex } from '../../checks/site-index.ts';
import { cmsConfigText } from '../../cms/config.ts';
import { cmsBackend, contentDir, isDevServer } from '../../settings.ts';
import { nextOrder } from '../../utils/new-sector.ts';
import { adminPaths, withBase } from '../../utils/paths.ts';

/** Decap's configuration, from the schema: the GitHub backend once built, the dev server's local backend in `npm run dev`. */
export const GET: APIRoute = ({ site, url }) => {
  const local = isDevServer()
    ? { apiUrl: new URL(withBase(adminPaths.localBackend), url.origin).href, siteUrl: new URL(withBase('/'), url.origin).href }
    : undefined;
  const sectors = siteIndex(contentDir()).entries.filter((e) => e.kind === 'sector');
  const text = cmsConfigText({
    backend: cmsBackend(),
    siteUrl: site && new URL(withBase('/'), site).href,
    local,
    nextOrder: nextOrder(sectors.map((e) => e.order)),
  });
  return new Response(text, { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
