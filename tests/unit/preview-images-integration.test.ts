import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { handOverPreviewImages, previewImages } from '../../src/build/preview-images.ts';
import { pngSize } from '../png.ts';

const work = mkdtempSync(path.join(tmpdir(), 'pe-preview-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => void vi.unstubAllEnvs());
const text = (title: string) => ({ title, description: 'Une description.', siteName: 'Site' });

/** The integration's hooks, run as `astro build` runs them, with the output and cache folders in `dir`. */
function build(dir: string) {
  vi.stubEnv('ASTRO_CACHE_DIR', path.join(dir, 'cache'));
  const hooks = previewImages().hooks as Record<string, (options: unknown) => unknown>;
  hooks['astro:config:done']({ config: { outDir: pathToFileURL(path.join(dir, 'dist/')) } });
  hooks['astro:build:start']({});
  return { done: () => hooks['astro:build:done']({}) as Promise<void> };
}

describe('preview images of a build (src/build/preview-images.ts)', () => {
  it('leaves them to the route outside a build: nothing takes them', () => {
    expect(handOverPreviewImages([{ path: '/og/accueil.png', text: text('Accueil') }])).toBe(false);
  });

  it('writes each image handed over at its site path once, and is done when the build is', async () => {
    const dir = path.join(work, 'ok');
    const run = build(dir);
    const images = [
      { path: '/og/accueil.png', text: text('Accueil') },
      { path: '/og/secteurs/sante.png', text: text('La santé') },
    ];
    expect(handOverPreviewImages(images)).toBe(true);
    // Asked again (Astro may list a route's paths more than once): harmless.
    expect(handOverPreviewImages(images)).toBe(true);
    await run.done();
    expect(pngSize(readFileSync(path.join(dir, 'dist/og/accueil.png')))).toEqual({ width: 1200, height: 630 });
    expect(pngSize(readFileSync(path.join(dir, 'dist/og/secteurs/sante.png')))).toEqual({ width: 1200, height: 630 });
    expect(readdirSync(path.join(dir, 'cache/preview-images'))).toHaveLength(2);
    // The build is over: the route serves them again.
    expect(handOverPreviewImages(images)).toBe(false);
  });

  it('stops the build when an image cannot be written, naming it in French', async () => {
    const dir = path.join(work, 'fails');
    const run = build(dir);
    mkdirSync(path.join(dir, 'dist/og/secteurs/sante.png'), { recursive: true });
    handOverPreviewImages([{ path: '/og/secteurs/sante.png', text: text('La santé') }]);
    await expect(run.done()).rejects.toThrow(/^Image d’aperçu \/og\/secteurs\/sante\.png \(« La santé »\) : /);
  });
});
