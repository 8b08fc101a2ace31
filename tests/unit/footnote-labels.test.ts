import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { footnoteBackLabel, footnoteOptions } from '../../src/markdown/footnotes/footnote-labels.ts';

const render = (md: string) => String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype, footnoteOptions).use(rehypeStringify).processSync(md));

describe('French footnote labels', () => {
  it('numbers back-links like the calls', () => {
    expect(footnoteBackLabel(0, 1)).toBe('Retour à l’appel 1');
    expect(footnoteBackLabel(2, 2)).toBe('Retour à l’appel 3-2');
  });

  it('render a visible « Références » heading and French back-links, no English', () => {
    const html = render('Texte[^a] et encore[^a], puis[^b].\n\n[^a]: Une source.\n[^b]: Une autre.');
    expect(html).toContain('<h2 class="footnotes-title" id="footnote-label">Références</h2>');
    expect(html).toContain('aria-label="Retour à l’appel 1"');
    expect(html).toContain('aria-label="Retour à l’appel 1-2"');
    expect(html).toContain('aria-label="Retour à l’appel 2"');
    expect(html).not.toMatch(/Footnotes|Back to|sr-only/);
  });
});
