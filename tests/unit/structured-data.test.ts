import { describe, expect, it } from 'vitest';
import { articleJsonLd, breadcrumbJsonLd, jsonLdGraph, serializeJsonLd } from '../../src/utils/publishing/structured-data.ts';

describe('serializeJsonLd', () => {
  it('cannot close its <script> element, and round-trips', () => {
    const data = { name: '</script><script>alert(1)</script> & \u2028' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe('articleJsonLd', () => {
  const page = {
    url: 'https://exemple.fr/secteurs/sante/',
    title: 'La santé',
    description: 'Une phrase.',
    image: { url: 'https://exemple.fr/og/secteurs/sante.png' },
    references: [{ label: '1', title: 'Une source', url: 'https://source.fr/a' }],
  };
  it('cites the page’s references as CreativeWorks, and a work cited in words as Text', () => {
    const book = { label: '2', title: 'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 12.' };
    expect(articleJsonLd({ ...page, references: [...page.references, book] }).citation).toEqual([
      { '@type': 'CreativeWork', name: 'Une source', url: 'https://source.fr/a' },
      'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 12.',
    ]);
  });
  it('gives dateModified only when the page says when it changed', () => {
    expect(articleJsonLd(page)).not.toHaveProperty('dateModified');
    expect(articleJsonLd({ ...page, dateModified: '2026-03-01' }).dateModified).toBe('2026-03-01');
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the items from 1', () => {
    expect(
      breadcrumbJsonLd([
        { name: 'Accueil', url: '/' },
        { name: 'La santé', url: '/secteurs/sante/' },
      ]).itemListElement,
    ).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: '/' },
      { '@type': 'ListItem', position: 2, name: 'La santé', item: '/secteurs/sante/' },
    ]);
  });
});

describe('jsonLdGraph', () => {
  it('puts several objects under one @context, and leaves a single one as it is', () => {
    const a = { '@context': 'https://schema.org', '@type': 'Article' };
    const b = { '@context': 'https://schema.org', '@type': 'BreadcrumbList' };
    expect(jsonLdGraph([a, b])).toEqual({ '@context': 'https://schema.org', '@graph': [{ '@type': 'Article' }, { '@type': 'BreadcrumbList' }] });
    expect(jsonLdGraph([a])).toBe(a);
  });
});
