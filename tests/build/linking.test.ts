import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { pngSize } from '../png.ts';
import { BuiltSite } from './site.ts';

const SITE_URL = 'https://exemple.github.io';
const BASE = '/prompt/';
const PUBLIC = `${SITE_URL}${BASE}`;
const SECTORS = ['cybersecurite', 'finance', 'marketing', 'jeux-video', 'sante', 'formation'];

const local = new BuiltSite(inject('builds').site);
const deployed = new BuiltSite(inject('builds').linking);

const meta = (doc: Document, key: string) => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON, checked field by field below
type Json = Record<string, any>;

/** The page's JSON-LD objects, each with its @context (a block may hold several under "@graph"). */
function jsonLd(doc: Document): Json[] {
  return [...doc.querySelectorAll('script[type="application/ld+json"]')]
    .map((s) => JSON.parse(s.textContent ?? '') as Json)
    .flatMap((block) => (block['@graph'] ? block['@graph'].map((item: Json) => ({ '@context': block['@context'], ...item })) : [block]));
}

/** The built file a URL of the deployed site (absolute or root-relative, under /prompt/) points to. */
function deployedFile(url: string): string | undefined {
  const { pathname } = new URL(url, PUBLIC);
  if (!url.startsWith(PUBLIC) && !url.startsWith(BASE)) return undefined;
  return deployed.fileFor(`/${pathname.slice(BASE.length)}`);
}

/** Pages of the deployed build that readers reach (not alias redirects). */
const deployedPages = () => deployed.pages().filter((p) => !deployed.html(p).includes('http-equiv="refresh"'));

describe('head metadata of a local build (no SITE_URL)', () => {
  it('leaves out the URLs that must be absolute (canonical, og:url, og:image), keeps the rest of the preview', () => {
    const pages = local.pages().filter((p) => p !== '/404.html');
    expect(pages.length).toBeGreaterThan(6);
    for (const page of pages) {
      const doc = local.document(page);
      expect(doc.querySelector('link[rel="canonical"]'), page).toBeNull();
      expect(meta(doc, 'og:url'), page).toBeNull();
      expect(meta(doc, 'og:image'), page).toBeNull();
      expect(meta(doc, 'og:title'), page).not.toBeNull();
      expect(meta(doc, 'og:description'), page).toBe(meta(doc, 'description'));
      expect(meta(doc, 'twitter:card'), page).toBe('summary');
    }
  });

  it('marks the 404 page noindex, without canonical nor preview', () => {
    const doc = local.document('/404.html');
    expect(meta(doc, 'robots')).toBe('noindex');
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
    expect(meta(doc, 'og:title')).toBeNull();
  });

  it('has a robots.txt without sitemap, and no sitemap', () => {
    const robots = readFileSync(path.join(local.root, 'robots.txt'), 'utf8');
    expect(robots).toContain('User-agent: *');
    expect(robots).not.toMatch(/Sitemap:/i);
    expect(existsSync(path.join(local.root, 'sitemap-index.xml'))).toBe(false);
  });
});

describe('head metadata of the site deployed under /prompt/ with SITE_URL', () => {
  // Every published page: home, sectors (with the fixture's), search, references.
  const published = deployedPages()
    .filter((p) => p !== '/404.html')
    .map((p) => p.slice(1));

  it('has the pages this test expects', () => {
    expect(published).toEqual(expect.arrayContaining(['', 'secteurs/sante/', 'secteurs/transports/', 'recherche/', 'references/']));
  });

  it.each(published)('/prompt/%s has Open Graph and Twitter tags and a 1200×630 preview image', (rel) => {
    const doc = deployed.document(`/${rel}`);
    const isSector = rel.startsWith('secteurs/');
    const url = `${PUBLIC}${rel}`;
    // Sectors and home: the page's own title; other pages: the tab's title.
    const title = (isSector || rel === '' ? doc.querySelector('h1') : doc.querySelector('title'))?.textContent?.trim();
    const description = meta(doc, 'description');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(meta(doc, 'og:url')).toBe(url);
    expect(meta(doc, 'og:title')).toBe(title);
    expect(meta(doc, 'og:description')).toBe(description);
    expect(meta(doc, 'og:type')).toBe(isSector ? 'article' : 'website');
    expect(meta(doc, 'og:locale')).toBe('fr_FR');
    expect(meta(doc, 'og:site_name')).toBe('Prompt engineering par secteur');
    expect(meta(doc, 'og:image:width')).toBe('1200');
    expect(meta(doc, 'og:image:height')).toBe('630');
    expect(meta(doc, 'og:image:alt')).toContain(isSector ? title : 'Dans quels domaines');
    // X falls back to og:title, og:description and og:image; the card type and the alt are its own.
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:image:alt')).toBe(meta(doc, 'og:image:alt'));

    // A sector has its own preview; the other pages share the home page's. It is a real PNG at that address.
    const image = meta(doc, 'og:image')!;
    expect(image).toBe(`${PUBLIC}og/${isSector ? rel.replace(/\/$/, '') : 'accueil'}.png`);
    expect(pngSize(readFileSync(deployedFile(image)!))).toEqual({ width: 1200, height: 630 });
  });

  it('gives every sector page an Article with its cited sources and a breadcrumb, in valid JSON-LD', () => {
    for (const rel of [...SECTORS.map((s) => `secteurs/${s}/`), 'secteurs/transports/']) {
      const doc = deployed.document(`/${rel}`);
      const data = jsonLd(doc);
      const article = data.find((d) => d['@type'] === 'Article')!;
      const breadcrumb = data.find((d) => d['@type'] === 'BreadcrumbList')!;
      expect(article['@context']).toBe('https://schema.org');
      expect(article.headline).toBe(doc.querySelector('h1')?.textContent?.trim());
      expect(article.url).toBe(`${PUBLIC}${rel}`);
      expect(article.image).toBe(meta(doc, 'og:image'));
      // The citations are exactly the sources listed under « Références ».
      const footnoteLinks = [...doc.querySelectorAll('section[data-footnotes] li a[href^="http"]')].map((a) => a.getAttribute('href'));
      expect(
        article.citation.map((c: { url: string }) => c.url),
        rel,
      ).toEqual(footnoteLinks);
      for (const c of article.citation) expect(c.name.length).toBeGreaterThan(3);
      expect(breadcrumb.itemListElement.map((i: Json) => [i.position, i.item])).toEqual([
        [1, PUBLIC],
        [2, `${PUBLIC}${rel}`],
      ]);
    }
    // The fixture's single source, by title.
    const transports = jsonLd(deployed.document('/secteurs/transports/')).find((d) => d['@type'] === 'Article')!;
    expect(transports.citation).toEqual([{ '@type': 'CreativeWork', name: 'Source de test des transports', url: 'https://example.org/transports' }]);
  });

  it('describes the home page as the WebSite in JSON-LD', () => {
    const doc = deployed.document('/');
    expect(jsonLd(doc)).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: 'Prompt engineering par secteur',
        url: PUBLIC,
        description: meta(doc, 'description'),
        inLanguage: 'fr-FR',
      },
    ]);
  });

  it('escapes "<" in JSON-LD so no data can close its script element', () => {
    for (const page of deployed.pages()) {
      for (const script of deployed.document(page).querySelectorAll('script[type="application/ld+json"]')) {
        expect(script.textContent, page).not.toContain('<');
      }
    }
  });

  it('resolves every internal link, asset and metadata URL inside /prompt/', () => {
    let checked = 0;
    for (const page of deployed.pages()) {
      const doc = deployed.document(page);
      const urls = [
        ...[...doc.querySelectorAll('[href]')].map((e) => e.getAttribute('href')!),
        ...[...doc.querySelectorAll('[src]')].map((e) => e.getAttribute('src')!),
        ...[...doc.querySelectorAll('[srcset]')].flatMap((e) =>
          e
            .getAttribute('srcset')!
            .split(',')
            .map((s) => s.trim().split(/\s+/)[0]),
        ),
        ...[...doc.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
          .map((m) => m.getAttribute('content')!)
          .filter((c) => /^(https?:|\/)/.test(c)),
        ...[...doc.querySelectorAll('meta[http-equiv="refresh"]')].map((m) => m.getAttribute('content')!.replace(/^\d+;\s*url=/i, '')),
        ...jsonLd(doc)
          .flatMap((d) => JSON.stringify(d).match(/"(https?:\/\/[^"]+|\/[^"]*)"/g) ?? [])
          .map((s) => s.slice(1, -1))
          .filter((u) => u.startsWith(SITE_URL) || u.startsWith('/')),
      ];
      for (const url of urls) {
        if (url.startsWith('#') || url.startsWith('data:') || (/^https?:/.test(url) && !url.startsWith(SITE_URL))) continue;
        expect(url.startsWith(BASE) || url.startsWith(PUBLIC), `${page} → ${url} sort de ${BASE}`).toBe(true);
        expect(deployedFile(url), `${page} → ${url}`).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('lists exactly the published pages in the sitemap: no 404, no redirect', () => {
    const index = readFileSync(path.join(deployed.root, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed = sitemaps.flatMap((s) => [...readFileSync(deployedFile(s)!, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]));
    const published = deployedPages()
      .filter((p) => p !== '/404.html')
      .map((p) => `${SITE_URL}${BASE.slice(0, -1)}${p}`);
    expect(listed.sort()).toEqual(published.sort());
    expect(listed).toContain(`${PUBLIC}secteurs/transports/`);
    expect(listed).not.toContain(`${PUBLIC}secteurs/transport/`);
    expect(listed).not.toContain(`${PUBLIC}secteurs/brouillon/`);
  });

  it('publishes nothing of a draft: no page, no preview image, no redirect for its aliases', () => {
    expect(deployed.fileFor('/secteurs/brouillon/')).toBeUndefined();
    expect(deployed.fileFor('/og/secteurs/brouillon.png')).toBeUndefined();
    expect(deployed.fileFor('/ancien-brouillon/')).toBeUndefined();
  });

  it('points robots.txt to the sitemap', () => {
    const robots = readFileSync(path.join(deployed.root, 'robots.txt'), 'utf8');
    expect(robots).toMatch(new RegExp(`^Sitemap: ${PUBLIC}sitemap-index.xml$`, 'm'));
  });
});

describe('a sector with a slug and aliases', () => {
  it('is published at the address of its slug, not of its file name', () => {
    expect(deployed.fileFor('/secteurs/transports/')).toBeDefined();
    expect(deployed.fileFor('/secteurs/transports-et-mobilite/')).toBeUndefined();
  });

  it.each(['/secteurs/transport/', '/mobilite/'])('redirects its old address %s to the new one', (alias) => {
    const doc = deployed.document(alias);
    const target = `${BASE}secteurs/transports/`;
    expect(meta(doc, 'robots')).toBe('noindex');
    expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${target}`);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${SITE_URL}${target}`);
    const link = doc.querySelector('body a');
    expect(link?.getAttribute('href')).toBe(target);
    expect(link?.textContent).toBe('Les transports');
    expect(doc.querySelector('html')?.getAttribute('lang')).toBe('fr');
    expect(deployedFile(target)).toBeDefined();
  });
});

describe('an alias that is already the address of a page', () => {
  const clash = inject('aliasClash');

  it('stops the build at the content check, naming each file, the line and the alias, without a stack trace', () => {
    expect(clash.status).not.toBe(0);
    expect(clash.output).toContain('le site n’a pas été construit');
    expect(clash.output).toMatch(
      /secteurs\/doublon\.md\n {2}ligne 5 : l’alias « \/secteurs\/sante\/ » est déjà l’adresse de la page du secteur \S*secteurs\/sante\.md/,
    );
    // Every mistake at once, not only the first.
    expect(clash.output).toMatch(/secteurs\/renomme\.md\n {2}ligne 6 : l’alias « \/recherche\/ » est déjà l’adresse de la page \/recherche\//);
    expect(clash.output).toMatch(/ligne 7 : l’alias « \/ancien nom\/ » n’est pas un chemin de page valide/);
    expect(clash.output).not.toMatch(/Stack trace|\n\s+at .*\.(ts|js|mjs):\d+/);
  });
});
