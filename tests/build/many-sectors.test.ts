import { describe, expect, inject, it } from 'vitest';
import { FULL_NAV_LIMIT } from '../../src/utils/navigation/nav.ts';
import { BuiltSite, text } from './site.ts';

// Built from the benchmark's synthetic content (scripts/bench-content.mjs), one sector over the header's limit.
const site = new BuiltSite(inject('builds').manySectors);
const COUNT = FULL_NAV_LIMIT + 1;
const pad = (n: number) => String(n).padStart(4, '0');

describe('the benchmark’s synthetic sectors', () => {
  it('build into one page each', () => {
    const sectors = site.pages().filter((p) => p.startsWith('/secteurs/'));
    expect(sectors).toEqual(Array.from({ length: COUNT }, (_, i) => `/secteurs/secteur-${pad(i + 1)}/`));
  });

  it('render as real pages: headings, a list, a table and two references', () => {
    const article = site.document('/secteurs/secteur-0002/').querySelector('article')!;
    expect(article.querySelectorAll('h2').length).toBeGreaterThanOrEqual(3);
    expect(article.querySelectorAll('ul > li').length).toBeGreaterThanOrEqual(4);
    expect(article.querySelectorAll('table tbody tr')).toHaveLength(3);
    const refs = [...article.querySelectorAll('section[data-footnotes] ol > li a[href^="https://example.org/"]')];
    expect(refs.map((a) => a.getAttribute('href'))).toEqual(['https://example.org/banc/0002/1', 'https://example.org/banc/0002/2']);
  });

  it('link to another sector’s section and to their own, and those anchors exist', () => {
    const seeAlso = [...site.document('/secteurs/secteur-0002/').querySelectorAll('article p')].find((p) => text(p).startsWith('Voir aussi'));
    const links = [...(seeAlso?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/secteurs/secteur-0001/#des-usages-concrets', '#un-exemple-de-prompt']);
    expect(site.document('/secteurs/secteur-0001/').getElementById('des-usages-concrets')).not.toBeNull();
    expect(site.document('/secteurs/secteur-0002/').getElementById('un-exemple-de-prompt')).not.toBeNull();
  });
});

describe(`more than ${FULL_NAV_LIMIT} sectors`, () => {
  it('gives every page one link to the home page’s list instead of every sector', () => {
    for (const page of site.pages()) {
      const links = [...site.document(page).querySelectorAll('header nav a')];
      expect(
        links.map((a) => a.getAttribute('href')),
        page,
      ).toEqual(['/#secteurs-titre']);
      expect(text(links[0]), page).toBe(`Tous les secteurs (${COUNT})`);
    }
  });

  it('keeps every sector on the home page, under the anchor the navigation targets', () => {
    const home = site.document('/');
    expect(home.getElementById('secteurs-titre')).not.toBeNull();
    expect(home.querySelectorAll('main li > a[href^="/secteurs/"]')).toHaveLength(COUNT);
  });

  it('sends the 404 page’s readers to that list', () => {
    const links = [...site.document('/404.html').querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('/#secteurs-titre');
    expect(links.filter((h) => h?.startsWith('/secteurs/'))).toEqual([]);
  });

  it('still chains every sector with previous and next', () => {
    expect(site.document('/secteurs/secteur-0001/').querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/secteurs/secteur-0002/');
    expect(
      site
        .document(`/secteurs/secteur-${pad(COUNT)}/`)
        .querySelector('a[rel="prev"]')
        ?.getAttribute('href'),
    ).toBe(`/secteurs/secteur-${pad(COUNT - 1)}/`);
  });
});
