import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/build/worker-thread.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pe-worker-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A worker that says which compile cache it uses, and what it was given.
const script = path.join(dir, 'report.mjs');
writeFileSync(
  script,
  `import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
parentPort.postMessage({ cache: module.getCompileCacheDir?.() ?? null, workerData, marker: process.env.PE_MARKER ?? null });`,
);
const report = (options?: Parameters<typeof startWorker>[1]) =>
  new Promise<{ cache: string | null; workerData: unknown; marker: string | null }>((resolve, reject) => {
    const worker = startWorker(pathToFileURL(script), options);
    worker.once('message', (message) => void worker.terminate().then(() => resolve(message)));
    worker.once('error', reject);
  });

describe('startWorker', () => {
  it('gives the worker the compile cache of the thread starting it, with the rest of its environment and its options', async () => {
    const cache = path.join(dir, 'compile-cache');
    module.enableCompileCache(cache);
    process.env.PE_MARKER = 'parent';
    try {
      const seen = await report({ workerData: { dir: 'content' } });
      // The same folder, not one of its own inside it.
      expect(seen.cache).toBe(module.getCompileCacheDir());
      expect(path.dirname(seen.cache!)).toBe(cache);
      expect(seen.workerData).toEqual({ dir: 'content' });
      expect(seen.marker).toBe('parent');
    } finally {
      delete process.env.PE_MARKER;
    }
  });
});
