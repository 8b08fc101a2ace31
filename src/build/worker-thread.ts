import module from 'node:module';
import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread that reuses the code Node compiled in earlier runs, as the thread starting it does. The `astro`
 * command and our build turn Node's compile cache on with module.enableCompileCache(), which covers only the calling
 * thread; a worker reads it from NODE_COMPILE_CACHE in its environment. Without it, each worker compiles the whole
 * markdown pipeline again (README, « Passage à l’échelle »). Where the cache is off (CI), the worker is unchanged.
 */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  const cache = module.getCompileCacheDir?.();
  // Node names the subfolder it keeps for this version of itself; NODE_COMPILE_CACHE is the folder above it.
  return new Worker(url, cache ? { ...options, env: { ...process.env, NODE_COMPILE_CACHE: path.dirname(cache) } } : options);
}
