import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { footnoteOptions } from '../../src/lib/footnote-labels';
import { rehypeHeadingAnchors } from '../../src/lib/heading-anchors';
import { markdownAnchors, parseMarkdown, staticRoutes } from '../../src/lib/site-index';

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

describe('staticRoutes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the parameterless pages of src/pages as URLs', () => {
    for (const file of ['index.astro', '404.astro', 'references/index.astro', 'secteurs/[slug].astro', 'a-propos.md', '_brouillon.astro']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), '');
    }
    expect([...staticRoutes(dir)].sort()).toEqual(['/', '/a-propos/', '/references/']);
  });
});
