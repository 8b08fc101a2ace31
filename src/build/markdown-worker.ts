import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { markdownProcessor } from '../markdown/processor.ts';

/**
 * A worker of parallel-markdown.ts: renders markdown entries exactly as Astro's markdown entry type does
 * (astro/dist/vite-plugin-markdown/content-entry-type.js), with the site's processor and Astro's options.
 * Its first message gives those options (a worker may start before Astro has them); then one per entry.
 */
export type WorkerRequest = { shared: Parameters<ReturnType<typeof markdownProcessor>['createRenderer']>[0] } | RenderRequest;

interface RenderRequest {
  id: number;
  body: string;
  data: Record<string, unknown>;
  filePath?: string;
}

let renderer: ReturnType<ReturnType<typeof markdownProcessor>['createRenderer']> | undefined;

parentPort!.on('message', async (request: WorkerRequest) => {
  if ('shared' in request) {
    renderer = markdownProcessor().createRenderer(request.shared);
    return;
  }
  const { id, body, data, filePath } = request;
  try {
    const result = await (await renderer!).render(body, { frontmatter: data, fileURL: filePath ? pathToFileURL(filePath) : undefined });
    const rendered = {
      html: result.code,
      metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) },
    };
    parentPort!.postMessage({ id, rendered });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
