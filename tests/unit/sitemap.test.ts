import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexablePageFilter, lastmodFromPage } from '../../src/utils/publishing/sitemap.ts';

const out = mkdtempSync(path.join(tmpdir(), 'pe-sitemap-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const page = (rel: string, head: string) => {
  mkdirSync(path.join(out, rel), { recursive: true });
  writeFileSync(path.join(out, rel, 'index.html'), `<!DOCTYPE html><html><head>${head}</head></html>`);
};
page('', '<title>Accueil</title>');
page('secteurs/sante', '<title>Santé</title><script type="application/ld+json">{"@type":"Article","dateModified":"2026-03-15"}</script>');
page('secteurs/ancien', '<meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=/">');

describe('indexablePageFilter', () => {
  const keep = indexablePageFilter(out, 'https://exemple.github.io/prompt/');
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

describe('lastmodFromPage', () => {
  const serialize = lastmodFromPage(out, 'https://exemple.github.io/prompt/');
  it('gives an entry the day its page shows (its JSON-LD dateModified), and none to a page without one', () => {
    expect(serialize({ url: 'https://exemple.github.io/prompt/secteurs/sante/' })).toEqual({
      url: 'https://exemple.github.io/prompt/secteurs/sante/',
      lastmod: '2026-03-15',
    });
    expect(serialize({ url: 'https://exemple.github.io/prompt/' })).toEqual({ url: 'https://exemple.github.io/prompt/' });
    expect(serialize({ url: 'https://exemple.github.io/prompt/secteurs/absent/' })).toEqual({ url: 'https://exemple.github.io/prompt/secteurs/absent/' });
  });
});
