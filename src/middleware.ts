import { defineMiddleware } from 'astro:middleware';
import { withPageCss } from './styles/page-css.ts';

/** Built pages only: each keeps the CSS it uses (src/styles/page-css.ts). The dev server serves its own styles. */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (import.meta.env.DEV || !response.headers.get('content-type')?.includes('text/html')) return response;
  return new Response(withPageCss(await response.text()), { status: response.status, headers: response.headers });
});
