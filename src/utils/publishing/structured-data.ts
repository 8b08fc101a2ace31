/** schema.org JSON-LD for the pages: plain objects, then safe serialisation into a <script> element. */
import type { Reference } from '../../markdown/footnotes/remark-references.ts';

type JsonLd = Record<string, unknown>;

export function articleJsonLd(page: {
  url: string;
  title: string;
  description: string;
  /** Absolute URL of the 1200×630 preview image. */
  image: { url: string };
  references: readonly Reference[];
  /** The day the page last changed ("2026-03-15"), as the page shows it. */
  dateModified?: string;
}): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: page.title,
    description: page.description,
    url: page.url,
    image: page.image.url,
    ...(page.dateModified ? { dateModified: page.dateModified } : {}),
    // Kept short (the page's language is in <html lang>; no publisher, no image object): every byte
    // here counts in the page's budget. A work cited in words is a Text citation, as schema.org allows.
    citation: page.references.map((r) => (r.url === undefined ? r.title : { '@type': 'CreativeWork', name: r.title, url: r.url })),
  };
}

export function breadcrumbJsonLd(items: readonly { name: string; url: string }[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.name, item: item.url })),
  };
}

export function websiteJsonLd(site: { name: string; url: string; description: string }): JsonLd {
  return { '@context': 'https://schema.org', '@type': 'WebSite', name: site.name, url: site.url, description: site.description, inLanguage: 'fr-FR' };
}

/** Several objects in one JSON-LD block (one "@context", one element): fewer bytes per page. */
export function jsonLdGraph(items: readonly JsonLd[]): JsonLd {
  if (items.length === 1) return items[0];
  return { '@context': 'https://schema.org', '@graph': items.map(({ '@context': _context, ...rest }) => rest) };
}

/**
 * JSON for a <script type="application/ld+json"> element. "<" is escaped so a title containing
 * "</script>" cannot close the element; ">", "&" and the JS line separators for good measure.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
