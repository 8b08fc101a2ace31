import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The folder of the files decap-cms ships (its package's dist/). */
export function decapDir(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');
}

/**
 * The files the page loads, as the package ships them: decap-cms.js (React included) and its license,
 * the chunks it loads when a feature needs them, and the WebAssembly those chunks load. Left out: the
 * package's second copy of the same build (cms.js and its chunks), the source maps, its empty cms.css.
 */
export function decapFiles(dir = decapDir()): string[] {
  return readdirSync(dir)
    .filter((name) => /^(?:decap-cms\.js(?:\.LICENSE\.txt)?|\d+\.decap-cms\.js|[0-9a-f]+\.wasm)$/.test(name))
    .sort();
}

export const DECAP_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
