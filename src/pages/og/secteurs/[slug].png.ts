import type { APIRoute, GetStaticPaths } from 'astro';
import { getPreviewTexts, previewPath } from '../../../data/links';
import { getSortedSectors } from '../../../data/sectors';
import { cachedPreview } from '../../../lib/preview-image';

/** One preview image (og:image) per sector, drawn at build time and cached by content. */
export const getStaticPaths = (async () => {
  const texts = new Map((await getPreviewTexts()).map((p) => [p.path, p.text]));
  return (await getSortedSectors()).map((s) => ({ params: { slug: s.id }, props: { text: texts.get(previewPath.sector(s.id))! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => new Response(new Uint8Array(await cachedPreview(props.text)), { headers: { 'Content-Type': 'image/png' } });
