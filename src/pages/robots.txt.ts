import type { APIRoute } from 'astro';
import { withBase } from '../utils/navigation/paths.ts';

/**
 * Everything may be crawled. The sitemap is announced only when the site's public address is
 * known (SITE_URL): a local build has no sitemap (robots.txt needs an absolute URL there).
 */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /'];
  if (site) lines.push('', `Sitemap: ${new URL(withBase('/sitemap-index.xml'), site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
