import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { frenchTypography } from '../../src/utils/text/french-typography.ts';
import { writePreviewImages } from '../../src/build/preview-images.ts';
import { cachedPreview, previewKey, previewLayout, renderPreview, writePreview } from '../../src/utils/publishing/preview-image.ts';
import { pngPixels, pngSize } from '../png.ts';

const text = { title: 'La santé', description: 'Analyser des données médicales : « exemple ».', siteName: 'Site' };
const cache = mkdtempSync(path.join(tmpdir(), 'pe-preview-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('preview images', () => {
  it('draws a 1200×630 PNG and stores it in the cache', async () => {
    const png = await cachedPreview(text, cache);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(readdirSync(cache)).toEqual([`${previewKey(text)}.png`]);
  });

  it('reuses the cached image when nothing changed, and draws a new one when the text changes', async () => {
    const file = path.join(cache, `${previewKey(text)}.png`);
    const before = statSync(file).mtimeMs;
    await cachedPreview(text, cache);
    expect(statSync(file).mtimeMs).toBe(before);
    await cachedPreview({ ...text, description: 'Une autre phrase.' }, cache);
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it('writes a build’s image from the cached one, without drawing it again', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pe-preview-copy-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    // Bytes no drawing gives: the output holds them only if it is the cached file.
    writeFileSync(path.join(folder, `${previewKey(text)}.png`), 'copié du cache');
    await writePreview(text, path.join(folder, 'sortie.png'), folder);
    expect(readFileSync(path.join(folder, 'sortie.png'), 'utf8')).toBe('copié du cache');
  });

  it('draws a build’s missing image, keeps it in the cache and writes the same bytes', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'pe-preview-draw-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const cacheFolder = path.join(folder, 'cache');
    await writePreview(text, path.join(folder, 'sortie.png'), cacheFolder);
    const written = readFileSync(path.join(folder, 'sortie.png'));
    expect(pngSize(written)).toEqual({ width: 1200, height: 630 });
    expect(readFileSync(path.join(cacheFolder, `${previewKey(text)}.png`)).equals(written)).toBe(true);
  });

  it('writes every image of a build at its site path, folders made, and names the image it could not write', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'pe-preview-out-'));
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    const other = { ...text, title: 'La finance' };
    await writePreviewImages(
      out,
      [
        { path: '/og/accueil.png', text },
        { path: '/og/secteurs/finance.png', text: other },
      ],
      cache,
    );
    expect(readFileSync(path.join(out, 'og/accueil.png')).equals(readFileSync(path.join(cache, `${previewKey(text)}.png`)))).toBe(true);
    expect(readFileSync(path.join(out, 'og/secteurs/finance.png')).equals(readFileSync(path.join(cache, `${previewKey(other)}.png`)))).toBe(true);

    // A folder where the image should go: the build stops on a French message naming the image.
    mkdirSync(path.join(out, 'og/secteurs/sante.png'), { recursive: true });
    await expect(writePreviewImages(out, [{ path: '/og/secteurs/sante.png', text }], cache)).rejects.toThrow(
      /^Image d’aperçu \/og\/secteurs\/sante\.png \(« La santé »\) : .*EISDIR/,
    );
  });

  it('keys the cache by title, description and site name', () => {
    const keys = new Set([
      previewKey(text),
      previewKey({ ...text, title: 'x' }),
      previewKey({ ...text, description: 'x' }),
      previewKey({ ...text, siteName: 'x' }),
    ]);
    expect(keys.size).toBe(4);
  });

  it('draws the accent bar inside the image, at the bottom left inside the margins', async () => {
    const image = pngPixels(await renderPreview(text));
    expect(image.colour(10, 10)).toBe('#1e3a8a');
    // The bar is 160×10 px, its bottom on the 72 px bottom margin, its left on the 80 px side margin.
    expect([image.colour(85, 553), image.colour(160, 553), image.colour(235, 553)]).toEqual(['#60a5fa', '#60a5fa', '#60a5fa']);
    expect([image.colour(160, 545), image.colour(160, 561), image.colour(75, 553), image.colour(245, 553)]).toEqual(Array(4).fill('#1e3a8a'));
  });

  it('draws a long title in full at a smaller size, and cuts one too long for the image at three lines', async () => {
    const long = frenchTypography(
      'Comment les équipes de recherche clinique rédigent, testent et relisent leurs consignes pour des modèles de langage : méthodes, limites et exemples',
    );
    const fitted = await previewLayout({ ...text, title: long });
    expect(fitted.titleSize).toBeLessThan(54);
    expect(fitted.title.join('')).toBe(long);
    expect(fitted.title.length).toBeLessThanOrEqual(3);

    const tooLong = await previewLayout({ ...text, title: `${long} ${long}` });
    expect(tooLong.titleSize).toBe(40);
    expect(tooLong.title).toHaveLength(3);
  });

  it('keeps the real titles’ sizes: 80 px on up to two lines, 64 px for the home page’s question', async () => {
    expect((await previewLayout({ ...text, title: 'La formation professionnelle' })).titleSize).toBe(80);
    const home = await previewLayout({ ...text, title: frenchTypography('Dans quels domaines est utilisé le prompt engineering ?') });
    expect(home).toMatchObject({ titleSize: 64, title: ['Dans quels domaines est utilisé ', 'le prompt engineering\u202f?'] });
  });

  it('never starts a line with a French no-break space or the sign it holds, nor ends one with «', async () => {
    const endings = ['est-ce vraiment utile ?', 'la règle : relire', 'un « exemple » précis', 'enfin ; puis !'];
    let signCarried = 0;
    for (const ending of endings) {
      // The ending slides across the end of the first line, one character at a time.
      for (let shift = 0; shift < 40; shift++) {
        const sentence = frenchTypography(`Analyser ${'x'.repeat(shift)} des données et des rapports pour ${ending}`);
        const { title, description } = await previewLayout({ ...text, title: sentence, description: `${sentence} ${sentence}` });
        for (const line of [...title, ...description]) {
          expect(line, JSON.stringify(line)).not.toMatch(/^[\u00a0\u202f?!:;»]/);
          expect(line, JSON.stringify(line)).not.toMatch(/«\s*$/);
          if (/^(«\u00a0|\S+[\u00a0\u202f][?!:;»])/.test(line)) signCarried++;
        }
      }
    }
    expect(signCarried).toBeGreaterThan(0);
  });
});
