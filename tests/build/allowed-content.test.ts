import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from './build-site.ts';
import { BuiltSite, text } from './site.ts';

// What the content gate lets through reaches the page as written (tests/fixtures/allowed-content).
const site = new BuiltSite(inject('builds').allowedContent);
const page = () => site.document('/secteurs/regles/');
const source = readFileSync(path.join(projectRoot, 'tests/fixtures/allowed-content/secteurs/regles.md'), 'utf8');

describe('the HTML editors use', () => {
  it.each([
    ['<kbd>Ctrl</kbd>', 'kbd', 'Ctrl'],
    ['<abbr title="intelligence artificielle">IA</abbr>', 'abbr[title="intelligence artificielle"]', 'IA'],
    ['<sub>2</sub>', 'sub', '2'],
    ['<sup>2</sup>', 'sup', '2'],
    ['<mark>surligné</mark>', 'mark', 'surligné'],
  ])('keeps %s as written', (written, selector, shown) => {
    expect(source).toContain(written);
    expect(text(page().querySelector(`article ${selector}`))).toBe(shown);
  });

  it('keeps <br> and <details> with its <summary>, and the markdown inside', () => {
    expect(page().querySelector('article p br')).not.toBeNull();
    const details = page().querySelector('article details');
    expect(text(details?.querySelector('summary'))).toBe('Un exemple à déplier');
    expect(details?.querySelector('p strong')?.textContent).toBe('markdown');
  });

  it('keeps mailto: and tel: links', () => {
    expect(page().querySelector('article a[href="mailto:contact@example.org"]')).not.toBeNull();
    expect(page().querySelector('article a[href="tel:+33100000000"]')).not.toBeNull();
  });
});

describe('a source cited without a web address', () => {
  it('is a note as written, italics included, listed in the page’s references and in /references/', () => {
    const note = page().querySelector('section[data-footnotes] li');
    expect(text(note)).toContain('Martin, Écrire pour les machines, Éditions Exemple, 2024, p.');
    expect(note?.querySelector('em')?.textContent).toBe('Écrire pour les machines');
    expect(note?.querySelector('a[href^="http"]')).toBeNull();
    expect(text(site.document('/references/').querySelector('main'))).toContain('Écrire pour les machines');
  });
});

describe('an image next to its page', () => {
  it('is published, optimised by Astro, with its text and its size', () => {
    const img = page().querySelector('article img');
    expect(img?.getAttribute('alt')).toBe('Les trois étapes d’un prompt');
    expect(img?.getAttribute('width')).toBe('4');
    expect(img?.getAttribute('height')).toBe('3');
    const src = img!.getAttribute('src')!;
    expect(src).toMatch(/^\/_astro\/etapes\.[\w-]+\.webp$/);
    expect(existsSync(path.join(site.root, src))).toBe(true);
  });
});
