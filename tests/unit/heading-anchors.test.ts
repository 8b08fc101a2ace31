import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { anchorLabel, rehypeHeadingAnchors } from '../../src/markdown/links/rehype-heading-anchors.ts';
import { footnoteOptions } from '../../src/markdown/footnotes/footnote-labels.ts';

async function html(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { ...footnoteOptions })
    .use(rehypeHeadingAnchors)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe('rehypeHeadingAnchors', () => {
  it('gives headings accent-free ids and a French anchor link after the heading, not inside it', async () => {
    expect(await html('## Qu’est-ce qu’un *prompt* réussi ?')).toBe(
      '<div class="heading"><h2 id="qu-est-ce-qu-un-prompt-reussi">Qu’est-ce qu’un <em>prompt</em> réussi ?</h2>' +
        '<a class="heading-anchor" href="#qu-est-ce-qu-un-prompt-reussi" aria-label="Lien vers cette section\u00a0: Qu’est-ce qu’un prompt réussi\u202f?">#</a></div>',
    );
  });

  it('suffixes duplicate headings and keeps ids already set (the footnotes title)', async () => {
    const out = await html('## Exemple\n\n## Exemple\n\n### Références\n\nTexte[^1].\n\n[^1]: Note.');
    expect([...out.matchAll(/<h\d[^>]* id="([^"]+)"/g)].map((m) => m[1])).toEqual(['exemple', 'exemple-1', 'references', 'footnote-label']);
  });

  it('gives h1 an id but no anchor (the page title is not a section)', async () => {
    expect(await html('# Titre')).toBe('<h1 id="titre">Titre</h1>');
  });

  it('labels anchors with collapsed whitespace', () => {
    expect(anchorLabel('  Un\n titre ')).toBe('Lien vers cette section\u00a0: Un titre');
  });
});
