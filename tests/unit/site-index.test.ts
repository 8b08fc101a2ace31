import type { Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { footnoteOptions } from '../../src/markdown/footnotes/footnote-labels.ts';
import { rehypeHeadingAnchors } from '../../src/markdown/links/rehype-heading-anchors.ts';
import { markdownAnchors, parseMarkdown } from '../../src/checks/files/site-index.ts';

const MARKDOWN = `## Les données

Texte[^a] et[^2].

## Exemples

### Exemples

## Références

## ???

[^a]: [A](https://example.org/a)
[^2]: [B](https://example.org/b)
`;

describe('markdownAnchors', () => {
  it('gives exactly the ids the rendered page has (headings and footnotes)', () => {
    const ids: string[] = [];
    const processor = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { ...footnoteOptions })
      .use(rehypeHeadingAnchors)
      .use(() => (tree: HastRoot) => {
        visit(tree, 'element', (node) => {
          if (typeof node.properties.id === 'string') ids.push(node.properties.id);
        });
      })
      .use(rehypeStringify);
    processor.processSync(MARKDOWN);
    expect(new Set(markdownAnchors(parseMarkdown(MARKDOWN, 'x.md')))).toEqual(new Set(ids));
    expect(ids).toContain('les-donnees');
  });
});
