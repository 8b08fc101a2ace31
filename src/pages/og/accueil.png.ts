import type { APIRoute } from 'astro';
import { getHome } from '../../data/sectors.ts';
import { cachedPreview, previewTextOf } from '../../utils/publishing/preview-image.ts';

/** The home page's preview image (og:image), drawn at build time. */
export const GET: APIRoute = async () => {
  const home = await getHome();
  return new Response(new Uint8Array(await cachedPreview(previewTextOf(home.data))), { headers: { 'Content-Type': 'image/png' } });
};
