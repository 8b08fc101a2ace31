import { describe, expect, inject, it } from 'vitest';
import { BuiltSite, text } from './site.ts';

// Built from content/ plus tests/fixtures/extra-sector/secteurs/logistique.mdx: no code changed.
const site = new BuiltSite(inject('builds').extraSector);
const HREF = '/secteurs/logistique/';

describe('adding a sector with one .mdx file', () => {
  it('gives it its own page, rendered from MDX with its footnote', () => {
    const doc = site.document(HREF);
    expect(text(doc.querySelector('h1'))).toBe('La logistique');
    expect(text(doc.querySelector('article'))).toContain('qui suit 3 étapes');
    expect(doc.querySelector('article abbr')?.getAttribute('title')).toBe('Markdown avec composants');
    const ref = doc.querySelector('section[data-footnotes] li a[href="https://example.org/logistique"]');
    expect(text(ref)).toContain('Source de test');
  });

  it('adds its card to the home page, last since its order is 7', () => {
    const cards = [...site.document('/').querySelectorAll('main li > a')];
    expect(cards).toHaveLength(7);
    expect(cards.at(-1)?.getAttribute('href')).toBe(HREF);
  });

  it('adds it to the navigation of every page', () => {
    for (const page of site.pages()) {
      const nav = site.document(page).querySelector('header nav');
      expect(nav?.querySelector(`a[href="${HREF}"]`), page).not.toBeNull();
    }
  });

  it('chains it in previous/next after the last sector', () => {
    expect(site.document('/secteurs/formation/').querySelector('a[rel="next"]')?.getAttribute('href')).toBe(HREF);
    expect(site.document(HREF).querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/secteurs/formation/');
    expect(site.document(HREF).querySelector('a[rel="next"]')).toBeNull();
  });
});
