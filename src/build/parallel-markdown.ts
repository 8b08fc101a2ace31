import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoaderContext } from 'astro/loaders';
import { SIZE_FOR_MEMORY_FROM } from './build-memory.ts';
import type { RenderRequest } from './markdown-worker.ts';

/**
 * A build renders every markdown file while it syncs the content, one after the other on the main
 * thread: most of a large site's sync. The loader is given Astro's markdown entry type with its render
 * function replaced by a pool of worker threads running the same pipeline, so that every core renders.
 * Small sites do not pay the workers' start-up; large ones, whose build is sized for memory
 * (build-memory.ts), do not pay their heaps.
 */
const FROM_FILES = 200;

type Rendered = { html: string; metadata: Record<string, unknown> };
type RenderFunction = (entry: { body?: string; data: Record<string, unknown>; filePath?: string }) => Promise<Rendered>;

/** The loader's context (Astro passes its entry types, which its public type does not list). */
type ContextWithEntryTypes = LoaderContext & { entryTypes: Map<string, { getRenderFunction?: (config: unknown) => Promise<RenderFunction> }> };

export function withParallelMarkdown(context: LoaderContext, files: number): { context: LoaderContext; close: () => Promise<void> } {
  const { entryTypes: types } = context as ContextWithEntryTypes;
  const markdown = types.get('.md');
  if (files < FROM_FILES || files >= SIZE_FOR_MEMORY_FROM || !markdown?.getRenderFunction) return { context, close: async () => {} };
  const { markdown: options, image } = context.config;
  const shared = { image, syntaxHighlight: options.syntaxHighlight, shikiConfig: options.shikiConfig, gfm: options.gfm, smartypants: options.smartypants };
  const waiting = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>();
  // Started when Astro first asks for the render function: a rebuild whose files are all unchanged renders none.
  let workers: Worker[] = [];
  const startWorkers = () => {
    workers = Array.from({ length: Math.max(1, os.availableParallelism()) }, () => {
      const worker = new Worker(new URL('./markdown-worker.ts', import.meta.url), { workerData: { shared } });
      worker.on('message', ({ id, rendered, error }: { id: number; rendered?: Rendered; error?: string }) => {
        const request = waiting.get(id)!;
        waiting.delete(id);
        if (rendered) request.resolve(rendered);
        else request.reject(new Error(error));
      });
      return worker;
    });
    return render;
  };
  let next = 0;

  const render: RenderFunction = (entry) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      const request: RenderRequest = { id, body: entry.body ?? '', data: entry.data, filePath: entry.filePath };
      workers[id % workers.length].postMessage(request);
    });
  const entryTypes = new Map(types);
  entryTypes.set('.md', { ...markdown, getRenderFunction: async () => (workers.length ? render : startWorkers()) as never });
  return {
    context: { ...context, entryTypes } as LoaderContext,
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
