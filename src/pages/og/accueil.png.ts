import type { APIRoute } from 'astro';
import { getPreviewTexts } from '../../data/links.ts';
import { previewPath } from '../../utils/navigation/paths.ts';
import { cachedPreview } from '../../utils/publishing/preview-image.ts';

/** The home page's preview image (og:image), drawn at build time. */
export const GET: APIRoute = async () => {
  const home = (await getPreviewTexts()).find((p) => p.path === previewPath.home)!;
  return new Response(new Uint8Array(await cachedPreview(home.text)), { headers: { 'Content-Type': 'image/png' } });
};
