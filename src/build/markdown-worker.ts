import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions } from '../markdown/pipeline.ts';

/**
 * A worker of parallel-markdown.ts: renders markdown entries exactly as Astro's markdown entry type does
 * (astro/dist/vite-plugin-markdown/content-entry-type.js), with the site's pipeline and Astro's options.
 */
export interface RenderRequest {
  id: number;
  body: string;
  data: Record<string, unknown>;
  filePath?: string;
}

const renderer = await unified(markdownOptions).createRenderer(workerData.shared);

parentPort!.on('message', async ({ id, body, data, filePath }: RenderRequest) => {
  try {
    const result = await renderer.render(body, { frontmatter: data, fileURL: filePath ? pathToFileURL(filePath) : undefined });
    const rendered = {
      html: result.code,
      metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) },
    };
    parentPort!.postMessage({ id, rendered });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
