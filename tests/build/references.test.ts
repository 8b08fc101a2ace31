import { describe, expect, inject, it } from 'vitest';
import { BuiltSite, text } from './site.ts';

const PAGE = '/references/';

/** The bibliography as a reader sees it: each source's title, URL and citing sector links. */
function bibliography(site: BuiltSite) {
  return [...site.document(PAGE).querySelectorAll('main li')].map((li) => {
    const source = li.querySelector('a[href^="http"]')!;
    return {
      title: text(source)
        .replace('(site externe)', '')
        .replace(/[\u00a0\u202f]/g, ' ')
        .trim(),
      url: source.getAttribute('href'),
      citedBy: [...li.querySelectorAll('a:not([href^="http"])')].map((a) => a.getAttribute('href')),
    };
  });
}

/** Every external link in every sector's footnotes, read from the built pages. */
function citedUrls(site: BuiltSite): string[] {
  return site
    .pages()
    .filter((p) => p.startsWith('/secteurs/'))
    .flatMap((p) => [...site.document(p).querySelectorAll('section[data-footnotes] a[href^="http"]')].map((a) => a.getAttribute('href')!));
}

const norm = (url: string) => url.replace(/\/$/, '');

describe('the references page', () => {
  const site = new BuiltSite(inject('builds').site);

  it('lists every source of the site once, by title, with the sectors that cite it', () => {
    expect(bibliography(site)).toEqual([
      {
        title: 'Prompt Engineer : tout savoir sur ce nouveau métier de l’IA',
        url: 'https://datascientest.com/prompt-engineer-tout-savoir',
        citedBy: ['/secteurs/marketing/', '/secteurs/sante/'],
      },
      {
        title: 'Prompt Engineering : définition et avantages',
        url: 'https://mylittlebigweb.com/blogue/prompt-engineering/',
        citedBy: ['/secteurs/marketing/'],
      },
      {
        title: 'Prompt Engineering : Formation et Avantages Clés',
        url: 'https://360learning.com/fr/blog/prompt-engineering/',
        citedBy: ['/secteurs/formation/'],
      },
    ]);
  });

  it('agrees with the footnotes of the sector pages', () => {
    const listed = bibliography(site)
      .map((s) => norm(s.url!))
      .sort();
    expect(listed).toEqual([...new Set(citedUrls(site).map(norm))].sort());
  });

  it('writes the sector list in French, without a space before commas', () => {
    const li = site.document(PAGE).querySelector('main li')!;
    // Raw text: text() would turn the no-break space before « : » into a plain one.
    expect(li.textContent!.replace(/[ \n]+/g, ' ').trim()).toMatch(/Cité dans\u00a0: Le marketing, La santé$/);
  });

  it('is linked from the footer of every page', () => {
    for (const page of site.pages()) {
      expect(site.document(page).querySelector(`footer a[href="${PAGE}"]`), page).not.toBeNull();
    }
  });
});

describe('the references page after adding a sector file', () => {
  const site = new BuiltSite(inject('builds').extraSector);

  it('shows the new sector’s new source, and adds it to a source already listed (same URL with a final slash)', () => {
    const sources = bibliography(site);
    expect(sources).toContainEqual({ title: 'Source de test', url: 'https://example.org/logistique', citedBy: ['/secteurs/logistique/'] });
    const shared = sources.filter((s) => norm(s.url!) === 'https://datascientest.com/prompt-engineer-tout-savoir');
    expect(shared).toHaveLength(1);
    expect(shared[0].citedBy).toEqual(['/secteurs/marketing/', '/secteurs/sante/', '/secteurs/logistique/']);
    expect(sources.map((s) => norm(s.url!)).sort()).toEqual([...new Set(citedUrls(site).map(norm))].sort());
  });
});
