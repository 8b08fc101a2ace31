import type { APIRoute, GetStaticPaths } from 'astro';
import { handOverPreviewImages } from '../../build/preview-images.ts';
import { getPreviewImages } from '../../data/links.ts';
import { cachedPreview } from '../../utils/publishing/preview-image.ts';

/**
 * The preview images (og:image): /og/accueil.png and one per sector, /og/secteurs/<slug>.png. A build
 * writes them beside the pages rather than as routes (src/build/preview-images.ts), so this declares
 * no page there; the dev server serves each one from the image cache, drawing it on first request.
 */
export const getStaticPaths = (async () => {
  const images = await getPreviewImages();
  if (handOverPreviewImages(images)) return [];
  return images.map(({ path, text }) => ({ params: { image: path.replace(/^\/og\//, '').replace(/\.png$/, '') }, props: { text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(new Uint8Array(await cachedPreview(props.text)), { headers: { 'Content-Type': 'image/png' } });
