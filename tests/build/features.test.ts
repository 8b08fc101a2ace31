import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { EDIT_URL } from './build-site.ts';
import { BuiltSite, text } from './site.ts';

// tests/fixtures/features laid over the real content, in a git repository (site/contenu/) whose commits carry
// fixed days, built with EDIT_URL and SITE_URL (tests/build/global-setup.ts); then a shallow clone of it.
const site = new BuiltSite(inject('builds').features);
const shallow = new BuiltSite(inject('builds').featuresShallow);
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const BOOK = 'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 12.';

/** The JSON-LD Article of a page. */
function article(built: BuiltSite, page: string) {
  const data = JSON.parse(built.document(page).querySelector('script[type="application/ld+json"]')!.textContent!);
  return (data['@graph'] ?? [data]).find((item: { '@type': string }) => item['@type'] === 'Article');
}

/** « Mis à jour le … » as a reader sees it, with the <time> it holds. */
function updated(built: BuiltSite, page: string) {
  const time = built.document(page).querySelector('main time');
  return time && { text: plain(text(time.parentElement).replace(/\s*Modifier cette page$/, '')), datetime: time.getAttribute('datetime') };
}

/** Each page of a sitemap with its lastmod (day only). */
function sitemap(built: BuiltSite): Record<string, string | undefined> {
  const xml = readFileSync(path.join(built.root, 'sitemap-0.xml'), 'utf8');
  return Object.fromEntries(
    [...xml.matchAll(/<url><loc>https:\/\/exemple\.github\.io([^<]*)<\/loc>(?:<lastmod>([^<]*)<\/lastmod>)?/g)].map((m) => [m[1], m[2]?.slice(0, 10)]),
  );
}

describe('callouts, as readers get them without a script', () => {
  const doc = site.document('/secteurs/logistique/');
  const notes = [...doc.querySelectorAll('article [role="note"]')];

  it('shows each of the five types as a note named by its French title, and a quotation stays a quotation', () => {
    expect(notes.map((n) => [n.className, text(doc.getElementById(n.getAttribute('aria-labelledby')!))])).toEqual([
      ['callout callout-note', 'Remarque'],
      ['callout callout-tip', 'Astuce'],
      ['callout callout-important', 'Important'],
      ['callout callout-warning', 'Attention'],
      ['callout callout-caution', 'Danger'],
    ]);
    expect(text(doc.querySelector('article blockquote'))).toBe('Une citation ordinaire reste une citation.');
    expect(doc.querySelector('article')!.textContent).not.toContain('[!');
  });

  it('keeps their text, links and paragraphs, in French typography', () => {
    expect(text(notes[1].querySelector('p:not(.callout-title)'))).toBe('Relisez toujours la réponse du modèle avant de l’utiliser.');
    expect(notes[2].querySelectorAll('p:not(.callout-title)')).toHaveLength(2);
    expect(notes[2].querySelector('a')?.getAttribute('href')).toBe('/secteurs/finance/');
    expect(notes[3].textContent).toContain('personnelles\u202f!');
    expect(notes[4].textContent).toContain('chiffres\u202f; vérifiez');
  });
});

describe('« Copier » on code blocks', () => {
  const script = (built: BuiltSite, page: string) => [...built.document(page).querySelectorAll('script:not([type="application/ld+json"])')];

  it.each(['/secteurs/logistique/', '/secteurs/transports/', '/secteurs/finance/'])(
    '%s (.md or .mdx): a hidden button after each block, and the one small script, from /_astro/',
    (page) => {
      const doc = site.document(page);
      const blocks = [...doc.querySelectorAll('article pre')];
      expect(blocks.length).toBeGreaterThan(0);
      for (const pre of blocks) {
        const button = pre.nextElementSibling!;
        expect(button.outerHTML).toBe('<button type="button" class="copy-button" hidden>Copier</button>');
        expect(pre.parentElement!.className).toBe('code-block');
      }
      const scripts = script(site, page);
      expect(scripts).toHaveLength(1);
      expect(scripts[0].getAttribute('type')).toBe('module');
      const src = scripts[0].getAttribute('src')!;
      expect(src).toMatch(/^\/_astro\/[\w.-]+\.js$/);
      expect(readFileSync(path.join(site.root, src), 'utf8')).toContain('clipboard');
    },
  );

  it.each(['/', '/references/', '/404.html'])('%s: no code block, no script', (page) => {
    expect(site.document(page).querySelector('pre, .copy-button')).toBeNull();
    expect(script(site, page)).toEqual([]);
  });

  it('keeps the example prompt exactly as the editor wrote it', () => {
    const source = readFileSync(path.join(inject('featuresRepo'), 'site/contenu/secteurs/logistique.md'), 'utf8');
    const written = /```text\n([^]*?)\n```/.exec(source)![1];
    expect(site.document('/secteurs/logistique/').querySelector('article pre')!.textContent).toBe(`${written}\n`);
  });
});

describe('a book cited without a web address', () => {
  it('shows in the page’s « Références » and its footnote preview, as written', () => {
    const doc = site.document('/secteurs/logistique/');
    const note = doc.querySelector('section[data-footnotes] li')!;
    expect(plain(text(note))).toMatch(new RegExp(`^${BOOK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(note.querySelector('em')?.textContent).toBe('La sécurité des systèmes');
    expect(note.querySelector('a[href^="http"]')).toBeNull();
    expect(plain(text(doc.querySelector('.fn-preview .fn-title')))).toBe(BOOK);
  });

  it('is listed once in /references/, as text, with both sectors that cite it', () => {
    const items = [...site.document('/references/').querySelectorAll('main li')].filter((li) => plain(text(li)).startsWith('Dupont'));
    expect(items).toHaveLength(1);
    expect(items[0].querySelector('a[href^="http"]')).toBeNull();
    expect(plain(text(items[0].firstElementChild))).toBe(BOOK);
    expect([...items[0].querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/secteurs/logistique/', '/secteurs/transports/']);
  });

  it('is a text citation in the JSON-LD of both pages, beside the linked sources', () => {
    expect(article(site, '/secteurs/logistique/').citation).toEqual([
      BOOK,
      { '@type': 'CreativeWork', name: 'Source de test', url: 'https://example.org/logistique' },
    ]);
    expect(article(site, '/secteurs/transports/').citation).toEqual([BOOK]);
  });
});

describe('« Mis à jour le … »', () => {
  it('shows the day of the file’s last commit, « 1er » for the first of the month, in a <time>', () => {
    expect(updated(site, '/secteurs/logistique/')).toEqual({ text: 'Mis à jour le 15 mars 2026.', datetime: '2026-03-15' });
    expect(updated(site, '/secteurs/finance/')).toEqual({ text: 'Mis à jour le 1er mars 2026.', datetime: '2026-03-01' });
  });

  it('prefers the frontmatter’s updated, and shows no day for a file with uncommitted changes', () => {
    expect(updated(site, '/secteurs/transports/')).toEqual({ text: 'Mis à jour le 31 janvier 2026.', datetime: '2026-01-31' });
    expect(updated(site, '/secteurs/sante/')).toBeNull();
  });

  it('gives the same day to the JSON-LD dateModified and to the sitemap’s lastmod', () => {
    const lastmod = sitemap(site);
    for (const page of site.pages().filter((p) => p.startsWith('/secteurs/'))) {
      const day = updated(site, page)?.datetime ?? undefined;
      expect(article(site, page).dateModified, page).toBe(day);
      expect(lastmod[page], page).toBe(day);
    }
    expect(lastmod['/secteurs/logistique/']).toBe('2026-03-15');
  });

  it('in a shallow clone, shows only the days the frontmatter gives: git cannot tell the others', () => {
    for (const page of shallow.pages().filter((p) => p.startsWith('/secteurs/') && p !== '/secteurs/transports/')) {
      expect(updated(shallow, page), page).toBeNull();
      expect(article(shallow, page).dateModified, page).toBeUndefined();
    }
    expect(updated(shallow, '/secteurs/transports/')?.datetime).toBe('2026-01-31');
    expect(Object.entries(sitemap(shallow)).filter(([, day]) => day)).toEqual([['/secteurs/transports/', '2026-01-31']]);
  });
});

describe('« Modifier cette page »', () => {
  const edit = (built: BuiltSite, page: string) => built.document(page).querySelector('main a.edit-link')?.getAttribute('href');

  it('links each sector page and the home page to its file, from the repository’s root, with its extension', () => {
    expect(edit(site, '/')).toBe(`${EDIT_URL}site/contenu/accueil.md`);
    expect(edit(site, '/secteurs/finance/')).toBe(`${EDIT_URL}site/contenu/secteurs/finance.md`);
    expect(edit(site, '/secteurs/transports/')).toBe(`${EDIT_URL}site/contenu/secteurs/transports.mdx`);
    expect(edit(site, '/secteurs/sante/')).toBe(`${EDIT_URL}site/contenu/secteurs/sante.md`);
    expect(text(site.document('/secteurs/finance/').querySelector('main a.edit-link'))).toBe('Modifier cette page');
    expect(edit(shallow, '/secteurs/finance/')).toBe(`${EDIT_URL}site/contenu/secteurs/finance.md`);
  });

  it('is absent from the pages that have no file of their own, and from every page without EDIT_URL', () => {
    expect(edit(site, '/references/')).toBeUndefined();
    const plainSite = new BuiltSite(inject('builds').site);
    for (const page of plainSite.pages()) expect(plainSite.html(page), page).not.toContain('Modifier cette page');
  });
});
