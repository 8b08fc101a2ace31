import type { APIRoute, GetStaticPaths } from 'astro';
import { getPreviewTexts } from '../../../data/links.ts';
import { previewPath } from '../../../utils/navigation/paths.ts';
import { getSortedSectors } from '../../../data/sectors.ts';
import { cachedPreview, previewKey } from '../../../utils/publishing/preview-image.ts';

/**
 * One preview image (og:image) per sector, drawn at build time and cached by content.
 * Its cacheKey (incremental build) is the image cache's own key: the drawn text, the drawing's
 * version and the font files; Astro tracks the drawing code. An unchanged image is copied from the
 * previous build.
 */
export const getStaticPaths = (async () => {
  const texts = new Map((await getPreviewTexts()).map((p) => [p.path, p.text]));
  return (await getSortedSectors()).map((s) => {
    const text = texts.get(previewPath.sector(s.id))!;
    return { params: { slug: s.id }, props: { text }, cacheKey: previewKey(text) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(new Uint8Array(await cachedPreview(props.text)), { headers: { 'Content-Type': 'image/png' } });
