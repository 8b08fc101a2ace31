import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../src/checks/files/content-files.ts';
import { parseFile } from '../../src/checks/files/frontmatter.ts';
import { parseMarkdown } from '../../src/checks/files/site-index.ts';
import { remarkSatteriParse, SATTERI_OPTIONS } from '../../src/markdown/parse/remark-satteri-parse.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';

const micromark = unified().use(remarkParse).use(remarkGfm).freeze();
const reference = (markdown: string) => micromark.parse(markdown);
const satteriAlone = (markdown: string) => markdownToMdast(markdown, SATTERI_OPTIONS) as Root;
// The two places the site reads markdown: the render's plugin list (as Astro's unified() attaches it, after
// remark-parse) and the content checks' parser.
const pipeline = unified().use(remarkParse).use(markdownOptions.remarkPlugins).freeze();
const READERS = {
  pipeline: (markdown: string) => pipeline.parse(markdown),
  checks: (markdown: string) => parseMarkdown(markdown, 'page.md'),
};
// Deep equality that sees an absent `position` and one set to undefined as the same.
const plain = (tree: Root) => JSON.parse(JSON.stringify(tree));

// The content folder and each fixture, as the site lists them.
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [path.join(dir, e.name)] : []));
const contentFolders = ['content', ...folders('tests/fixtures'), ...folders('tests/fixtures/errors')];

// What French editors write, with every GFM construct the site renders.
const SAMPLES = [
  '# Titre\n\nUn paragraphe « entre guillemets », l’apostrophe, un *accent* **fort** et `du code`.\u00a0!',
  '| Usage | Exemple |\n| :--- | ---: |\n| Résumer | « Résume ce texte » |\n| Lien | [santé](/secteurs/sante/) |\n| Échappé | a \\| b |',
  'Une note[^1] et une autre[^note-deux].\n\n[^1]: Source : https://exemple.fr/rapport.pdf.\n[^note-deux]: Avec *emphase* et [un lien][ref].\n\n[ref]: https://exemple.org "Titre"',
  '> [!TIP]\n> Un conseil avec une liste :\n>\n> - un\n> - deux\n\n> Citation simple.',
  '```text\nRôle : analyste.\nTâche : résumer.\n```\n\n~~~\nautre\n~~~\n\n    indenté',
  '1. premier\n2. second\n   - imbriqué\n\n     suite\n\n* étoile\n+ plus',
  'Écrire à contact@exemple.fr ou voir www.exemple.fr et https://exemple.fr/a_b?x=1&y=2#c, (https://exemple.org).',
  '<abbr title="intelligence artificielle">IA</abbr> et <br> puis\n\n<div>\nbloc\n</div>',
  'Emoji 🎉 puis ~~barré~~, &amp; &copy; &#x41;, une image ![alt](/image.png "titre") et une fin\\\nforcée.',
  'Titre\n=====\n\nSous-titre\n----------\n\n***\n\n[vide]() [ancre](#section) <https://autolien.fr>',
];

// micromark's autolink pass leaves the nodes around `<www.…>` unplaced; satteri places them (« Voir < »).
const PROBE = 'Voir <www.exemple.fr>';
const firstText = (tree: Root) => (tree.children[0] as { children: Root['children'] }).children[0];
const SATTERI_PLACE = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 7, offset: 6 } };

describe.each(Object.entries(READERS))('remarkSatteriParse, in the %s', (_name, read) => {
  it('gives micromark’s tree, positions included, for every content file and fixture and for every GFM construct', () => {
    const bodies = contentFolders
      .flatMap(contentFiles)
      .filter((file) => file.endsWith('.md'))
      .map((file) => parseFile(readFileSync(file, 'utf8')).body);
    expect(bodies.length).toBeGreaterThan(40);
    for (const markdown of [...bodies, ...SAMPLES]) expect(plain(read(markdown))).toEqual(plain(reference(markdown)));
  });

  it('reads with satteri: a text micromark leaves without a position has one', () => {
    expect(firstText(reference(PROBE)).position).toBeUndefined();
    expect(firstText(read(PROBE)).position).toEqual(SATTERI_PLACE);
  });

  it('leaves to micromark each text satteri reads otherwise', () => {
    const differences = [
      'a\u0000b',
      '| a | b | c |\n|-|-|-|\n| x | https://exemple.fr| z |',
      'git+ssh://git@github.com/depot.git',
      '- [x] **fait**\n- [ ] à faire',
      'Voir [RFC&nbsp;9111][].\n\n[RFC&nbsp;9111]: https://www.rfc-editor.org/rfc/rfc9111.html',
    ];
    for (const markdown of differences) {
      expect(plain(satteriAlone(markdown)), markdown).not.toEqual(plain(reference(markdown)));
      expect(plain(read(markdown)), markdown).toEqual(plain(reference(markdown)));
    }
  });
});

describe('remarkSatteriParse, wherever it stands in the plugin list', () => {
  it('reads GFM with satteri when registered before remark-gfm', () => {
    expect(firstText(unified().use(remarkParse).use(remarkSatteriParse).use(remarkGfm).parse(PROBE)).position).toEqual(SATTERI_PLACE);
  });

  it('leaves MDX to micromark, registered before or after remark-mdx', () => {
    const mdx = 'import Note from "./note.astro";\n\n# Titre {1 + 1}\n\n<Note>\ntexte\n</Note>';
    const after = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkSatteriParse);
    const before = unified().use(remarkParse).use(remarkSatteriParse).use(remarkMdx).use(remarkGfm);
    for (const processor of [after, before])
      expect(processor.parse(mdx).children.map((node) => node.type)).toEqual(['mdxjsEsm', 'heading', 'mdxJsxFlowElement']);
  });
});
