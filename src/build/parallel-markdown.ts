import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { LoaderContext } from 'astro/loaders';
import { contentDir } from '../settings.ts';
import { SIZE_FOR_MEMORY_FROM, countSectors } from './build-memory.ts';
import type { WorkerRequest } from './markdown-worker.ts';
import { startWorker } from './worker-thread.ts';

/**
 * A build renders every markdown file while it syncs the content, one after the other on the main
 * thread: most of a large site's sync. The loader is given Astro's markdown entry type with its render
 * function replaced by a pool of worker threads running the same pipeline, so that every core renders.
 * Small sites do not pay the workers' start-up; large ones, whose build is sized for memory
 * (build-memory.ts), do not pay their heaps.
 */
const FROM_SECTORS = 200;

const rendersOnWorkers = (sectors: number) => sectors >= FROM_SECTORS && sectors < SIZE_FOR_MEMORY_FROM;

type Rendered = { html: string; metadata: Record<string, unknown> };
type RenderFunction = (entry: { body?: string; data: Record<string, unknown>; filePath?: string }) => Promise<Rendered>;

/** The loader's context (Astro passes its entry types, which its public type does not list). */
type ContextWithEntryTypes = LoaderContext & { entryTypes: Map<string, { getRenderFunction?: (config: unknown) => Promise<RenderFunction> }> };

const startWorkers = () => Array.from({ length: Math.max(1, os.availableParallelism()) }, () => startWorker(new URL('./markdown-worker.ts', import.meta.url)));

// Workers started with the configuration wait here for the loader, which Astro loads in another module graph.
const EARLY = Symbol.for('prompt-engineering-secteurs.markdown-workers');
const early = globalThis as { [EARLY]?: Worker[] };

function takeEarlyWorkers(): Worker[] | undefined {
  const workers = early[EARLY];
  delete early[EARLY];
  return workers;
}

/**
 * Starts the workers as soon as `astro build` has read its configuration, when every file will be rendered
 * (the content store is empty): each worker then loads the pipeline while Astro starts, rather than after,
 * when the loader first needs it. Unreferenced until the loader takes them, they hold no build open.
 */
export function markdownWorkers(): AstroIntegration {
  return {
    name: 'markdown-workers',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build' || early[EARLY] || !rendersOnWorkers(countSectors(contentDir()))) return;
        if (existsSync(fileURLToPath(new URL('data-store.json', config.cacheDir)))) return;
        early[EARLY] = startWorkers().map((worker) => (worker.unref(), worker));
      },
    },
  };
}

/** The loader's context with markdown rendered on the workers when the site has `sectors` sector files. */
export function withParallelMarkdown(context: LoaderContext, sectors: number): { context: LoaderContext; close: () => Promise<void> } {
  let idle = takeEarlyWorkers();
  const stopIdle = () => Promise.all((idle ?? []).map((worker) => worker.terminate()));
  const { entryTypes: types } = context as ContextWithEntryTypes;
  const markdown = types.get('.md');
  if (!rendersOnWorkers(sectors) || !markdown?.getRenderFunction) return { context, close: async () => void (await stopIdle()) };
  const { markdown: options, image } = context.config;
  const shared = { image, syntaxHighlight: options.syntaxHighlight, shikiConfig: options.shikiConfig, gfm: options.gfm, smartypants: options.smartypants };
  const waiting = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>();
  // Put to work when Astro first asks for the render function: a rebuild whose files are all unchanged renders none.
  let workers: Worker[] = [];
  const putToWork = () => {
    workers = idle ?? startWorkers();
    idle = undefined;
    for (const worker of workers) {
      worker.ref();
      worker.postMessage({ shared } satisfies WorkerRequest);
      worker.on('message', ({ id, rendered, error }: { id: number; rendered?: Rendered; error?: string }) => {
        const request = waiting.get(id)!;
        waiting.delete(id);
        if (rendered) request.resolve(rendered);
        else request.reject(new Error(error));
      });
    }
    return render;
  };
  let next = 0;

  const render: RenderFunction = (entry) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      const request: WorkerRequest = { id, body: entry.body ?? '', data: entry.data, filePath: entry.filePath };
      workers[id % workers.length].postMessage(request);
    });
  const entryTypes = new Map(types);
  entryTypes.set('.md', { ...markdown, getRenderFunction: async () => (workers.length ? render : putToWork()) as never });
  return {
    context: { ...context, entryTypes } as LoaderContext,
    close: async () => {
      await Promise.all([...workers.map((worker) => worker.terminate()), stopIdle()]);
    },
  };
}
