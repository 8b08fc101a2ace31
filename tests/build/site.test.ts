import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { BuiltSite, text } from './site.ts';

const site = new BuiltSite(inject('builds').site);

const SECTORS = [
  ['cybersecurite', 'La cybersécurité'],
  ['finance', 'La finance'],
  ['marketing', 'Le marketing'],
  ['jeux-video', 'Les jeux vidéo'],
  ['sante', 'La santé'],
  ['formation', 'La formation professionnelle'],
] as const;

// The seed's three sources, exactly as the user wrote them.
const SOURCE_1 = ['Prompt Engineering : définition et avantages', 'https://mylittlebigweb.com/blogue/prompt-engineering/'];
const SOURCE_2 = ['Prompt Engineer : tout savoir sur ce nouveau métier de l’IA', 'https://datascientest.com/prompt-engineer-tout-savoir'];
const SOURCE_3 = ['Prompt Engineering : Formation et Avantages Clés', 'https://360learning.com/fr/blog/prompt-engineering/'];
const REFERENCES: Record<string, string[][]> = {
  cybersecurite: [],
  finance: [],
  marketing: [SOURCE_1, SOURCE_2],
  'jeux-video': [],
  sante: [SOURCE_2],
  formation: [SOURCE_3],
};

/** Normalises the no-break spaces of French typography so titles compare with the seed. */
const plain = (s: string) =>
  s
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('the built site', () => {
  it('has the home page, the 404 page, the search and references pages and one page per sector', () => {
    expect(site.pages()).toEqual(['/', '/404.html', '/recherche/', '/references/', ...SECTORS.map(([slug]) => `/secteurs/${slug}/`)].sort());
  });

  it('declares French, a unique title and a unique short description on every page', () => {
    const titles = new Set<string>();
    const descriptions = new Set<string>();
    for (const page of site.pages()) {
      const doc = site.document(page);
      expect(doc.documentElement.getAttribute('lang'), page).toBe('fr');
      const title = text(doc.querySelector('title'));
      const description = doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
      expect(title, page).not.toBe('');
      expect(description.length, page).toBeGreaterThan(20);
      expect(description.length, page).toBeLessThanOrEqual(160);
      titles.add(title);
      descriptions.add(description);
    }
    expect(titles.size).toBe(site.pages().length);
    expect(descriptions.size).toBe(site.pages().length);
  });

  it('resolves every internal link and anchor to a built page', () => {
    for (const page of site.pages()) {
      const doc = site.document(page);
      for (const a of doc.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:|data:)/.test(href)) continue;
        const target = new URL(href, `http://site${page}`);
        expect(site.fileFor(target.pathname), `${page} → ${href}`).toBeDefined();
        if (target.hash) {
          const id = decodeURIComponent(target.hash.slice(1));
          expect(site.document(target.pathname).getElementById(id), `${page} → ${href}`).not.toBeNull();
        }
      }
    }
  });

  it('is built without a warning (a warning in every build would teach editors to ignore them)', () => {
    // Colours are on where a CI asks for them (FORCE_COLOR).
    const output = stripVTControlCharacters(inject('siteOutput'));
    expect(output).toContain('[build] Complete!');
    expect(output).not.toMatch(/\[WARN\]|warning/i);
  });

  it('shows no English interface text', () => {
    for (const page of site.pages()) {
      const html = site.html(page);
      expect(html, page).not.toMatch(/>\s*Footnotes\s*</);
      expect(html, page).not.toMatch(/Back to (reference|content)/);
    }
  });
});

describe('the home page', () => {
  const doc = site.document('/');

  it('shows the question, the intro and the conclusion from content/accueil.md', () => {
    expect(plain(text(doc.querySelector('h1')))).toBe('Dans quels domaines est utilisé le prompt engineering ?');
    expect(plain(text(doc.querySelector('main')))).toContain(
      'Le prompt engineering est utilisé dans plusieurs domaines au-delà de l’intelligence artificielle',
    );
    expect(plain(text(doc.querySelector('main')))).toContain('Le prompt engineering est une compétence clé qui trouve des applications variées');
  });

  it('lists every sector as one card link, in order', () => {
    const cards = [...doc.querySelectorAll('main li > a')];
    expect(cards.map((a) => a.getAttribute('href'))).toEqual(SECTORS.map(([slug]) => `/secteurs/${slug}/`));
    expect(cards.map((a) => plain(text(a.querySelector('h3'))))).toEqual(SECTORS.map(([, title]) => title));
    for (const card of cards) expect(text(card.querySelector('p')).length).toBeGreaterThan(20);
  });
});

describe.each(SECTORS)('the sector page /secteurs/%s/', (slug, title) => {
  const doc = site.document(`/secteurs/${slug}/`);
  const index = SECTORS.findIndex(([s]) => s === slug);

  it('has its title, breadcrumb and the navigation with the current sector marked', () => {
    expect(plain(text(doc.querySelector('h1')))).toBe(title);
    expect(plain(text(doc.querySelector('title')))).toContain(title);
    const crumbs = [...doc.querySelectorAll('nav[aria-label="Fil d’Ariane"] li')].map((li) => plain(text(li)));
    expect(crumbs).toEqual(['Accueil', '›', title]);
    const nav = [...doc.querySelectorAll('header nav a')];
    expect(nav.map((a) => a.getAttribute('href'))).toEqual(SECTORS.map(([s]) => `/secteurs/${s}/`));
    const current = nav.filter((a) => a.getAttribute('aria-current') === 'page');
    expect(current.map((a) => a.getAttribute('href'))).toEqual([`/secteurs/${slug}/`]);
  });

  it('links to the previous and next sectors', () => {
    expect(doc.querySelector('a[rel="prev"]')?.getAttribute('href') ?? null).toBe(index > 0 ? `/secteurs/${SECTORS[index - 1][0]}/` : null);
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? null).toBe(index < SECTORS.length - 1 ? `/secteurs/${SECTORS[index + 1][0]}/` : null);
  });

  it('shows its references as French footnotes whose links go both ways', () => {
    const expected = REFERENCES[slug];
    const section = doc.querySelector('section[data-footnotes]');
    if (expected.length === 0) {
      expect(section).toBeNull();
      return;
    }
    expect(plain(text(section!.querySelector('h2')))).toBe('Références');
    const items = [...section!.querySelectorAll('ol > li')];
    const sources = items.map((li) => {
      const link = li.querySelector('a[href^="http"]')!;
      return [plain(text(link).replace('(site externe)', '')), link.getAttribute('href')];
    });
    expect(sources).toEqual(expected);
    for (const li of items) {
      const external = li.querySelector('a[href^="http"]')!;
      expect(external.getAttribute('rel')).toBe('noopener noreferrer');
      const back = li.querySelector('a[data-footnote-backref]')!;
      expect(back.getAttribute('aria-label')).toMatch(/^Retour à l’appel \d+$/);
      const call = doc.getElementById(back.getAttribute('href')!.slice(1));
      expect(call?.hasAttribute('data-footnote-ref'), `retour depuis ${li.id}`).toBe(true);
      expect(call?.getAttribute('href')).toBe(`#${li.id}`);
    }
    // The calls sit in the text, before the references, in the order of the list.
    const calls = [...doc.querySelectorAll('article a[data-footnote-ref]')].map((a) => a.getAttribute('href'));
    expect(calls).toEqual(items.map((li) => `#${li.id}`));
  });
});

describe('the 404 page', () => {
  it('is in French and links to every sector', () => {
    const doc = site.document('/404.html');
    expect(text(doc.querySelector('h1'))).toBe('Page introuvable');
    const links = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    for (const [slug] of SECTORS) expect(links).toContain(`/secteurs/${slug}/`);
  });
});
