import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { decapFiles } from '../../src/cms/decap-files.ts';
import { BuiltSite, indexedPages, text } from './site.ts';

const site = new BuiltSite(inject('builds').site);
const SEARCH = '/recherche/';
/** The search page's own script, which starts Pagefind's UI (a file: the CSP forbids inline scripts). */
const STARTER = '/recherche/search.js';
const SECTOR_PAGES = site.pages().filter((p) => p.startsWith('/secteurs/'));

describe('JavaScript', () => {
  // The one script outside the search page: the « Copier » buttons', on pages with a code block (site.isCopyScript).

  it('is absent from every page but the search page, except the copy buttons’ file where there is code', () => {
    const pages = site.pages().filter((p) => p !== SEARCH);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const doc = site.document(page);
      // JSON-LD blocks are data, never executed.
      const scripts = [...doc.querySelectorAll('script:not([type="application/ld+json"])')].map((s) => s.getAttribute('src') ?? 'en ligne');
      if (doc.querySelector('pre')) {
        expect(scripts, page).toHaveLength(1);
        expect(site.isCopyScript(scripts[0]), `${page} : ${scripts[0]}`).toBe(true);
      } else expect(scripts, page).toEqual([]);
      expect(site.html(page).replace(/<script type="module" src="[^"]+"><\/script>/, ''), page).not.toMatch(/\.m?js["'?#]|\son[a-z]+=/);
    }
  });

  it('is not emitted anywhere outside Pagefind’s folder, but the search starter, the copy buttons’ script and the writers’ editor (/admin/ and its one module)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const editor = new Set([
      ...decapFiles().map((f) => `admin/${f}`),
      ...[...site.document('/admin/').querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!.slice(1)),
    ]);
    const scripts = walk(site.root)
      .map((f) => path.relative(site.root, f).split(path.sep).join('/'))
      .filter((f) => /\.m?js$/.test(f) && !f.startsWith('pagefind/') && f !== STARTER.slice(1) && !editor.has(f));
    expect(scripts).toHaveLength(1);
    expect(site.isCopyScript(`/${scripts[0]}`), scripts[0]).toBe(true);
  });
});

describe('the search form in the header', () => {
  it('is on every page, plain HTML, labelled, and sends ?q= to the search page', () => {
    for (const page of site.pages()) {
      const doc = site.document(page);
      const form = doc.querySelector('header form[role="search"]');
      expect(form, page).not.toBeNull();
      expect(new URL(form!.getAttribute('action')!, `http://site${page}`).pathname, page).toBe(SEARCH);
      expect(form!.getAttribute('method'), page).toBe('get');
      const input = form!.querySelector('input[name="q"]')!;
      expect(input.getAttribute('type'), page).toBe('search');
      const label = form!.querySelector(`label[for="${input.getAttribute('id')}"]`);
      expect(text(label), page).toBe('Rechercher dans le site');
      expect(text(form!.querySelector('button')), page).toBe('Rechercher');
    }
  });
});

describe('the search page', () => {
  const doc = site.document(SEARCH);

  it('loads Pagefind’s UI and styles from files the build wrote', () => {
    const scripts = [...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!);
    expect(scripts).toEqual(['/pagefind/pagefind-ui.js', STARTER]);
    const styles = [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')!);
    expect(styles).toContain('/pagefind/pagefind-ui.css');
    for (const file of [...scripts, ...styles]) expect(existsSync(path.join(site.root, file)), file).toBe(true);
  });

  it('runs the query given in ?q= on load', () => {
    expect(doc.querySelector('script:not([src])')).toBeNull();
    const starter = readFileSync(path.join(site.root, STARTER), 'utf8');
    expect(starter).toContain('new PagefindUI');
    expect(starter).toMatch(/URLSearchParams\(location\.search\)\.get\('q'\)/);
    expect(starter).toContain('triggerSearch(q)');
    expect(starter).toContain("getElementById('sans-js').hidden = true");
    expect(doc.querySelector('#recherche')?.getAttribute('data-base')).toBe('/');
  });

  it('without JavaScript, says so in French and links to every sector', () => {
    const fallback = doc.querySelector('#sans-js');
    expect(fallback?.hasAttribute('hidden')).toBe(false);
    expect(text(fallback)).toContain('La recherche a besoin de JavaScript');
    const links = [...fallback!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(expect.arrayContaining(SECTOR_PAGES));
  });
});

describe('the search index', () => {
  it('is French and holds the sector pages only', () => {
    const entry = JSON.parse(readFileSync(path.join(site.root, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(
      indexedPages(site.root)
        .map((p) => p.url)
        .sort(),
    ).toEqual([...SECTOR_PAGES].sort());
  });

  it('holds each article’s title and text, not the navigation, footer, screen-reader hints or footnotes', () => {
    const pages = indexedPages(site.root);
    const sante = pages.find((p) => p.url === '/secteurs/sante/')!;
    expect(sante.meta.title).toBe('La santé');
    expect(sante.content).toContain('données médicales');
    // The footnote call (and its preview) after « clinique » is left out, not glued to the word.
    expect(sante.content).toMatch(/décision clinique ?\. /);
    for (const page of pages) {
      expect(page.content, page.url).not.toMatch(
        /Aller au contenu|Retour à l’accueil|Secteur suivant|Rechercher dans le site|site externe|Références|tout savoir/,
      );
    }
  });
});
