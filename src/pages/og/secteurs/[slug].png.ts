import type { APIRoute, GetStaticPaths } from 'astro';
import { getSortedSectors } from '../../../data/sectors.ts';
import { cachedPreview, previewKey, previewTextOf } from '../../../utils/publishing/preview-image.ts';

/**
 * One preview image (og:image) per sector, drawn at build time and cached by content.
 * Its cacheKey (incremental build) is the image cache's own key: the drawn text, the drawing's
 * version and the font files; Astro tracks the drawing code. An unchanged image is copied from the
 * previous build.
 */
export const getStaticPaths = (async () => {
  return (await getSortedSectors()).map((s) => {
    const text = previewTextOf(s.data);
    return { params: { slug: s.id }, props: { text }, cacheKey: previewKey(text) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(new Uint8Array(await cachedPreview(props.text)), { headers: { 'Content-Type': 'image/png' } });
