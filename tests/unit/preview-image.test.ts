import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedPreview, previewKey } from '../../src/utils/preview-image.ts';
import { pngSize } from '../png.ts';

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

  it('keys the cache by title, description and site name', () => {
    const keys = new Set([
      previewKey(text),
      previewKey({ ...text, title: 'x' }),
      previewKey({ ...text, description: 'x' }),
      previewKey({ ...text, siteName: 'x' }),
    ]);
    expect(keys.size).toBe(4);
  });
});
