import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sitemapFromPages } from '../../src/utils/publishing/sitemap.ts';

const out = mkdtempSync(path.join(tmpdir(), 'pe-sitemap-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const page = (rel: string, head: string) => {
  mkdirSync(path.join(out, rel), { recursive: true });
  writeFileSync(path.join(out, rel, 'index.html'), `<!DOCTYPE html><html><head>${head}</head></html>`);
};
page('', '<title>Accueil</title>');
page('secteurs/sante', '<title>Santé</title><script type="application/ld+json">{"@type":"Article","dateModified":"2026-03-15"}</script>');
page('secteurs/ancien', '<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=/">');

describe('the sitemap filter', () => {
  const keep = sitemapFromPages(out, 'https://exemple.github.io/prompt/').filter;
  it('keeps the pages search engines may index', () => {
    expect(keep('https://exemple.github.io/prompt/')).toBe(true);
    expect(keep('https://exemple.github.io/prompt/secteurs/sante/')).toBe(true);
  });
  it('drops noindex pages, missing pages and what is not a page', () => {
    expect(keep('https://exemple.github.io/prompt/secteurs/ancien/')).toBe(false);
    expect(keep('https://exemple.github.io/prompt/secteurs/absent/')).toBe(false);
    expect(keep('https://exemple.github.io/prompt/og/accueil.png')).toBe(false);
    expect(keep('https://exemple.github.io/autre/')).toBe(false);
  });
});

describe('the sitemap serializer', () => {
  const { filter, serialize } = sitemapFromPages(out, 'https://exemple.github.io/prompt/');
  it('gives an entry the day its page shows (its JSON-LD dateModified), and none to a page without one', () => {
    expect(serialize({ url: 'https://exemple.github.io/prompt/secteurs/sante/' })).toEqual({
      url: 'https://exemple.github.io/prompt/secteurs/sante/',
      lastmod: '2026-03-15',
    });
    expect(serialize({ url: 'https://exemple.github.io/prompt/' })).toEqual({ url: 'https://exemple.github.io/prompt/' });
    expect(serialize({ url: 'https://exemple.github.io/prompt/secteurs/absent/' })).toEqual({ url: 'https://exemple.github.io/prompt/secteurs/absent/' });
  });
  it('reads each page once: what the filter read is what serialize gives, even if the file changes after', () => {
    const url = 'https://exemple.github.io/prompt/secteurs/relu/';
    page('secteurs/relu', '<script type="application/ld+json">{"dateModified":"2026-04-01"}</script>');
    expect(filter(url)).toBe(true);
    page('secteurs/relu', '<script type="application/ld+json">{"dateModified":"2026-05-01"}</script>');
    expect(serialize({ url })).toEqual({ url, lastmod: '2026-04-01' });
  });
});
