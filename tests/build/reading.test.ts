import { describe, expect, inject, it } from 'vitest';
import { BUDGETS, CODE_PAGE_JS, measurePages } from '../../scripts/page-budgets.ts';
import { BuiltSite, text } from './site.ts';

const site = new BuiltSite(inject('builds').site);
const SECTOR_PAGES = site.pages().filter((p) => p.startsWith('/secteurs/'));
const isSearchPage = (page: string) => page.startsWith('/recherche/');
/** Text with its no-break spaces kept (text() collapses them: \s matches U+00A0 and U+202F). */
const raw = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[ \t\n]+/g, ' ').trim();
const plain = (s: string) =>
  s
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The page's visible text outside code, as a reader sees it. */
function proseText(doc: Document): string {
  const body = doc.body.cloneNode(true) as HTMLElement;
  for (const el of body.querySelectorAll('pre, code, kbd, samp, script, style')) el.remove();
  return body.textContent ?? '';
}

describe('page budgets, every page but search', () => {
  const rows = measurePages(site.root, { base: '/' });

  it('measures every built page', () => {
    expect(rows.map((r) => r.page)).toEqual(site.pages());
  });

  it.each(site.pages().filter((p) => !isSearchPage(p)))(
    `%s: ≤ ${BUDGETS.requests} requests, no web font, ≤ ${BUDGETS.gzipBytes / 1024} KB gzip, no script but the copy buttons’ one where there is code`,
    (page) => {
      const row = rows.find((r) => r.page === page)!;
      const doc = site.document(page);
      expect(row.requests).toBeLessThanOrEqual(BUDGETS.requests);
      expect(row.fonts).toBe(0);
      expect(row.gzipBytes).toBeLessThanOrEqual(BUDGETS.gzipBytes);
      expect(row.overBudget).toEqual([]);
      // JSON-LD blocks are data for search engines, never executed: not JavaScript.
      const scripts = [...doc.querySelectorAll('script:not([type="application/ld+json"])')];
      expect(row.hasCode).toBe(doc.querySelector('pre') !== null);
      if (row.hasCode) {
        expect(scripts.map((s) => `${s.getAttribute('type')} ${s.textContent}`)).toEqual(['module ']);
        expect(site.isCopyScript(scripts[0].getAttribute('src')!), `${page} : ${scripts[0].getAttribute('src')}`).toBe(true);
        expect(row.jsGzipBytes).toBeGreaterThan(0);
        expect(row.jsGzipBytes).toBeLessThanOrEqual(CODE_PAGE_JS.gzipBytes);
      } else {
        expect(scripts).toHaveLength(0);
        expect(row.jsBytes).toBe(0);
      }
      expect(site.html(page)).not.toMatch(/@font-face/);
      expect(doc.querySelector('link[rel~="icon"]')?.getAttribute('href')).toMatch(/^data:/);
    },
  );

  it('loads no script on the home page, /references/ and the 404 page, and one on every sector page (each has an example prompt)', () => {
    for (const page of ['/', '/references/', '/404.html']) expect(rows.find((r) => r.page === page)!.scripts, page).toBe(0);
    for (const page of SECTOR_PAGES) expect(rows.find((r) => r.page === page)!.scripts, page).toBe(1);
  });
});

describe('page budgets as published: under /prompt/, with SITE_URL and EDIT_URL', () => {
  // Open Graph, canonical and JSON-LD addresses, and « Modifier cette page », which a local build leaves out.
  const published = new BuiltSite(inject('builds').linking);
  const rows = measurePages(published.root, { base: '/prompt/' });

  it.each(published.pages().filter((p) => !isSearchPage(p)))('%s stays within the budgets', (page) => {
    const row = rows.find((r) => r.page === page)!;
    expect(row.overBudget, `${page} : ${row.gzipBytes} o gzip, ${row.requests} requêtes`).toEqual([]);
  });

  it('measures pages with the edit link, the public addresses and the copy buttons’ script', () => {
    const marketing = published.document('/secteurs/marketing/');
    expect(marketing.querySelector('a.edit-link')?.getAttribute('href')).toMatch(/^https:\/\/github\.com\/.*marketing\.md$/);
    expect(marketing.querySelector('meta[property="og:image"]')?.getAttribute('content')).toMatch(/^https:\/\/exemple\.github\.io\/prompt\//);
    expect(rows.find((r) => r.page === '/secteurs/marketing/')!.jsGzipBytes).toBeGreaterThan(0);
  });
});

describe('French typography in the built pages', () => {
  it('puts the right no-break spaces in titles, meta descriptions and UI strings', () => {
    const home = site.document('/');
    expect(raw(home.querySelector('title'))).toMatch(/engineering\u202f\?$/);
    expect(raw(home.querySelector('h1'))).toMatch(/engineering\u202f\?$/);
    expect(home.querySelector('meta[name="description"]')?.getAttribute('content')).toContain('professionnelle\u00a0: les secteurs');
    expect(raw(site.document('/404.html').querySelector('main p'))).toMatch(/secteurs\u00a0:$/);
  });

  it('applies it to the rendered markdown, including footnote titles', () => {
    const doc = site.document('/secteurs/marketing/');
    const intro = [...doc.querySelectorAll('article p')].find((p) => text(p).includes('Un exemple fictif'));
    expect(raw(intro)).toContain('décrire\u00a0: le prompt');
    expect(raw(doc.querySelector('section[data-footnotes] li a[href^="http"]'))).toContain('Engineering\u00a0: définition');
  });

  it.each(site.pages())('%s: leaves no ordinary space before ; : ! ? or inside « » in visible text', (page) => {
    const visible = proseText(site.document(page));
    expect(visible).not.toMatch(/ [;!?](?=\s|$)/);
    expect(visible).not.toMatch(/ :(?=\s|$)/);
    expect(visible).not.toMatch(/« | »/);
  });

  it.each(SECTOR_PAGES)('%s: never changes code or attributes', (page) => {
    const doc = site.document(page);
    const code = doc.querySelector('pre code')?.textContent ?? '';
    expect(code).toMatch(/ : /);
    expect(code).not.toMatch(/[\u00a0\u202f]/);
    for (const el of doc.querySelectorAll('[href], [id]')) {
      expect(`${el.getAttribute('href') ?? ''}${el.getAttribute('id') ?? ''}`).not.toMatch(/[\u00a0\u202f]/);
    }
  });
});

describe.each(SECTOR_PAGES)('reading aids on %s', (page) => {
  const doc = site.document(page);
  const article = doc.querySelector('article')!;
  const headings = [...article.querySelectorAll('h2, h3, h4, h5, h6')];

  it('gives every heading a unique French-slug id and a labelled « lien vers cette section »', () => {
    expect(headings.length).toBeGreaterThan(0);
    const ids = headings.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const h of headings) {
      expect(h.id, text(h)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const anchor = h.parentElement?.querySelector(`a.heading-anchor[href="#${h.id}"]`);
      expect(anchor, h.id).not.toBeNull();
      expect(plain(anchor!.getAttribute('aria-label') ?? '')).toBe(`Lien vers cette section : ${plain(text(h))}`);
      // The anchor is not inside the heading: the heading's name stays its title.
      expect(h.querySelector('a')).toBeNull();
    }
    expect(doc.getElementById('exemple-de-prompt')?.tagName).toBe('H2');
  });

  it('shows « Sur cette page » exactly when the page has two sections or more, linking each in order', () => {
    const sections = headings.filter((h) => h.tagName === 'H2');
    const toc = doc.querySelector('nav[aria-labelledby="toc-label"]');
    if (sections.length < 2) {
      expect(toc).toBeNull();
      return;
    }
    expect(text(doc.getElementById('toc-label'))).toBe('Sur cette page');
    const links = [...toc!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(sections.map((h) => `#${h.id}`));
    expect(links.map((a) => plain(text(a)))).toEqual(sections.map((h) => plain(text(h))));
  });

  it('has an « Exemple de prompt » section: an explained example and a text code block', () => {
    const heading = doc.getElementById('exemple-de-prompt')!;
    expect(plain(text(heading))).toBe('Exemple de prompt');
    const after: Element[] = [];
    for (let el = heading.parentElement!.nextElementSibling; el && !el.matches('.heading, section'); el = el.nextElementSibling) after.push(el);
    expect(after.some((el) => el.tagName === 'P' && /exemple fictif/i.test(text(el)))).toBe(true);
    // The block comes in its wrapper with the « Copier » button (rehype-copy-buttons.ts).
    const code = after.find((el) => el.matches('.code-block'))?.querySelector(':scope > pre > code.language-text');
    expect(text(code).length).toBeGreaterThan(100);
  });

  it('previews each footnote call without JavaScript: title and source, hidden from screen readers but describing the call', () => {
    const calls = [...article.querySelectorAll('a[data-footnote-ref]')];
    for (const call of calls) {
      const note = doc.getElementById(call.getAttribute('href')!.slice(1))!;
      const source = note.querySelector('a[href^="http"]')!;
      const preview = call.nextElementSibling!;
      expect(preview.classList.contains('fn-preview')).toBe(true);
      expect(preview.getAttribute('aria-hidden')).toBe('true');
      expect(call.getAttribute('aria-describedby')).toBe(preview.id);
      expect(plain(text(preview.querySelector('.fn-title')))).toBe(plain(text(source).replace('(site externe)', '')));
      expect(text(preview.querySelector('.fn-source'))).toBe(new URL(source.getAttribute('href')!).hostname.replace(/^www\./, ''));
    }
  });
});

describe('styles that need no script', () => {
  const html = site.html('/secteurs/marketing/');

  it('shows previews on hover and keyboard focus, highlights the targeted note', () => {
    expect(html).toMatch(/a\[data-footnote-ref\]:is\(:hover,:focus-visible\)\+\.fn-preview/);
    expect(html).toMatch(/section\[data-footnotes\] li:target/);
  });

  it('has a print stylesheet hiding navigation and printing external URLs', () => {
    const print = html.slice(html.indexOf('@media print'));
    expect(print).toMatch(/header,footer,nav/);
    expect(print).toMatch(/a\[href\^=http\]:after\{content:" \(" attr\(href\) "\)"/);
  });

  it('keeps the skip link first and honours reduced motion', () => {
    const doc = site.document('/secteurs/marketing/');
    const first = doc.querySelector('body a');
    expect(first?.getAttribute('href')).toBe('#contenu');
    expect(text(first)).toBe('Aller au contenu');
    expect(doc.querySelector('main#contenu')).not.toBeNull();
    expect(html).toMatch(/prefers-reduced-motion:reduce/);
  });
});
