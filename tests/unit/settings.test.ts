import { describe, expect, it } from 'vitest';
import { cacheDir, contentDir, isDevServer } from '../../src/settings.ts';

describe('settings', () => {
  it('takes the content folder from CONTENT_DIR, relative to the project or absolute, default content/', () => {
    expect(contentDir({}, '/p')).toBe('/p/content');
    expect(contentDir({ CONTENT_DIR: 'tests/fixtures/x' }, '/p')).toBe('/p/tests/fixtures/x');
    expect(contentDir({ CONTENT_DIR: '/ailleurs' }, '/p')).toBe('/ailleurs');
  });

  it('takes the cache folder (preview images included) from ASTRO_CACHE_DIR like the build does, default node_modules/.astro', () => {
    expect(cacheDir({ ASTRO_CACHE_DIR: '/tmp/c' }, '/p')).toBe('/tmp/c');
    expect(cacheDir({}, '/p')).toBe('/p/node_modules/.astro');
  });

  it('counts as the dev server only when Astro said so, whatever NODE_ENV says', () => {
    expect(isDevServer({ PE_DEV_SERVER: '1' })).toBe(true);
    expect(isDevServer({ PE_DEV_SERVER: '0', NODE_ENV: 'development' })).toBe(false);
    expect(isDevServer({})).toBe(false);
  });
});
