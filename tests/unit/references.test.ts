import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { extractReferences, remarkCollectReferences } from '../../src/markdown/footnotes/remark-references.ts';

const tree = (md: string) => unified().use(remarkGfm).runSync(unified().use(remarkParse).use(remarkGfm).parse(md)) as Root;

describe('extractReferences', () => {
  it('lists called sources in order of first call, with title and URL', () => {
    const md = 'A[^2] B[^1] C[^2].\n\n[^1]: [Un](https://un.example/)\n[^2]: Voir [Deux *titre*](https://deux.example/x?y=1) p. 3';
    expect(extractReferences(tree(md))).toEqual([
      { label: '2', title: 'Deux titre', url: 'https://deux.example/x?y=1' },
      { label: '1', title: 'Un', url: 'https://un.example/' },
    ]);
  });

  it('reads a reference link through its definition, the first one winning, as the page shows it', () => {
    const md = 'A[^1] B[^2].\n\n[^1]: [Le titre][ref], p. 4\n[^2]: [Sans définition][absent]\n\n[ref]: https://exemple.fr/a\n[ref]: https://exemple.fr/b\n';
    expect(extractReferences(tree(md))).toEqual([
      { label: '1', title: 'Le titre', url: 'https://exemple.fr/a' },
      // No definition: markdown shows the brackets as text, so the note is cited in words.
      { label: '2', title: '[Sans définition][absent]' },
    ]);
  });

  it('ignores definitions never called', () => {
    expect(extractReferences(tree('A[^b].\n\n[^b]: [Lien](https://b.example/)\n[^c]: [Jamais](https://c.example/)'))).toEqual([
      { label: 'b', title: 'Lien', url: 'https://b.example/' },
    ]);
  });

  it('cites a note without a link by its whole text, with no URL (a book), and skips an empty note', () => {
    const md = 'A[^4] B[^5].\n\n[^4]: Dupont, *La sécurité des systèmes*,\n    Éditions Exemple, 2023, p. 12.\n[^5]:\n';
    expect(extractReferences(tree(md))).toEqual([{ label: '4', title: 'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 12.' }]);
  });

  it('exposes them to templates through the frontmatter Astro returns', () => {
    const file = new VFile({ data: { astro: { frontmatter: { title: 'T' } } } });
    remarkCollectReferences()(tree('A[^1].\n\n[^1]: [Un](https://un.example/)'), file);
    expect((file.data as { astro: { frontmatter: unknown } }).astro.frontmatter).toEqual({
      title: 'T',
      references: [{ label: '1', title: 'Un', url: 'https://un.example/' }],
    });
  });
});
