import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeStringify from 'rehype-stringify';
import { parseHTML } from 'linkedom';
import { rehypeFootnotePreviews } from '../../src/markdown/footnotes/rehype-footnote-previews.ts';
import { footnoteOptions } from '../../src/markdown/footnotes/footnote-labels.ts';
import { externalLinksOptions } from '../../src/markdown/links/external-links.ts';

async function render(markdown: string) {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { ...footnoteOptions })
    .use(rehypeExternalLinks, externalLinksOptions)
    .use(rehypeFootnotePreviews)
    .use(rehypeStringify)
    .process(markdown);
  return parseHTML(`<body>${String(file)}</body>`).document;
}

describe('rehypeFootnotePreviews', () => {
  it('puts the cited title and host next to the call, hidden from screen readers, describing the call', async () => {
    const doc = await render('Texte[^a].\n\n[^a]: [Un titre : précis](https://www.exemple.fr/article?x=1), consulté en ligne.');
    const call = doc.querySelector('a[data-footnote-ref]')!;
    const preview = call.nextElementSibling!;
    expect(preview.className).toBe('fn-preview');
    expect(preview.getAttribute('aria-hidden')).toBe('true');
    expect(call.getAttribute('aria-describedby')).toBe(preview.id);
    expect(preview.querySelector('.fn-title')?.textContent).toBe('Un titre : précis');
    expect(preview.querySelector('.fn-source')?.textContent).toBe('exemple.fr');
  });

  it('gives each call to the same note its own preview id', async () => {
    const doc = await render('Un[^1] et deux[^1].\n\n[^1]: [Source](https://a.fr/)');
    const ids = [...doc.querySelectorAll('.fn-preview')].map((p) => p.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it('shows the note text, without the back-link, when the note has no web link', async () => {
    const doc = await render('Texte[^1].\n\n[^1]: Entretien avec l’auteur, *2024*.');
    const preview = doc.querySelector('.fn-preview')!;
    expect(preview.querySelector('.fn-title')?.textContent).toBe('Entretien avec l’auteur, 2024.');
    expect(preview.querySelector('.fn-source')).toBeNull();
  });

  it('leaves the page alone when it has no footnotes', async () => {
    const doc = await render('Texte<sup>2</sup> simple.');
    expect(doc.querySelector('.fn-preview')).toBeNull();
  });
});
