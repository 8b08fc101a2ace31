import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DATA, contentStoreAtRuntime, storeReaderModule } from '../../src/build/content-store-at-runtime.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pe-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const storeFile = path.join(dir, 'data-store.json');
const store = [['Map', 1, 2], 'secteurs', 'Le texte « rendu » d’un secteur'];
writeFileSync(storeFile, JSON.stringify(store));

type LoadHook = { order: string; filter: { id: RegExp }; handler: (id: string) => { code: string; meta: unknown } | null };
const load = contentStoreAtRuntime(storeFile).load as unknown as LoadHook;

describe('contentStoreAtRuntime', () => {
  it('runs before Astro’s own loader, in builds and for prerendered pages only', () => {
    const plugin = contentStoreAtRuntime(storeFile);
    expect(plugin.apply).toBe('build');
    expect(load.order).toBe('pre');
    const applies = plugin.applyToEnvironment as (e: { name: string }) => boolean;
    expect(applies({ name: 'prerender' })).toBe(true);
    expect(applies({ name: 'ssr' })).toBe(false);
    expect(applies({ name: 'client' })).toBe(false);
  });

  it('replaces Astro’s store module, and no other, by one that reads the file', () => {
    expect(load.filter.id.test('astro:data-layer-content')).toBe(true);
    expect(load.handler('\0astro:data-layer-content')).toEqual({ code: storeReaderModule(storeFile), meta: CONTENT_DATA });
    expect(load.handler('\0astro:data-layer-content-chunk:0.json')).toBeNull();
    expect(load.handler('/src/astro:data-layer-content')).toBeNull();
  });

  it('marks it as content data, as Astro marks its own: the incremental build keeps it out of pages’ code hash', async () => {
    const { isContentDataIncrementalModule } = await import('../../node_modules/astro/dist/core/build/incremental-metadata.js');
    expect(isContentDataIncrementalModule({ meta: CONTENT_DATA })).toBe(true);
  });

  it('leaves Astro’s module where the file is missing', () => {
    const missing = contentStoreAtRuntime(path.join(dir, 'absent.json')).load as unknown as LoadHook;
    expect(missing.handler('\0astro:data-layer-content')).toBeNull();
  });

  it('produces a module whose default export is the store’s JSON, as Astro’s was', async () => {
    const moduleFile = path.join(dir, 'store-module.mjs');
    writeFileSync(moduleFile, storeReaderModule(storeFile));
    const { default: data } = await import(pathToFileURL(moduleFile).href);
    expect(data).toEqual(store);
  });
});
