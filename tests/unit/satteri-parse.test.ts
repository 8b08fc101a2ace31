import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { markdownToMdast } from 'satteri';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkSatteriParse } from '../../src/markdown/parse/remark-satteri-parse.ts';
import { parseFile } from '../../src/checks/files/frontmatter.ts';

const micromark = unified().use(remarkParse).use(remarkGfm).freeze();
const withSatteri = unified().use(remarkParse).use(remarkGfm).use(remarkSatteriParse).freeze();
const satteriAlone = (markdown: string) => markdownToMdast(markdown, { features: { gfm: true, frontmatter: false } }) as Root;
// The tree as the pipeline gets it: remark-gfm's transforms run too (none today, but a parser must not skip them).
const reference = (markdown: string) => micromark.runSync(micromark.parse(markdown)) as Root;
const read = (markdown: string) => withSatteri.runSync(withSatteri.parse(markdown)) as Root;
// Deep equality that sees an absent `position` and one set to undefined as the same.
const plain = (tree: Root) => JSON.parse(JSON.stringify(tree));

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? markdownFiles(file) : file.endsWith('.md') ? [file] : [];
  });

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

describe('remarkSatteriParse', () => {
  it('gives micromark’s tree, positions included, for every content file and fixture and for every GFM construct', () => {
    const bodies = [...markdownFiles('content'), ...markdownFiles('tests/fixtures')].map((file) => parseFile(readFileSync(file, 'utf8')).body);
    expect(bodies.length).toBeGreaterThan(40);
    for (const markdown of [...bodies, ...SAMPLES]) expect(plain(read(markdown))).toEqual(plain(reference(markdown)));
  });

  it('reads with satteri: a text micromark leaves without a position has one', () => {
    // micromark's autolink pass leaves the nodes around `<www.…>` unplaced; satteri places them (« Voir < »).
    const firstText = (tree: Root) => (tree.children[0] as { children: Root['children'] }).children[0];
    const markdown = 'Voir <www.exemple.fr>';
    expect(firstText(reference(markdown)).position).toBeUndefined();
    expect(firstText(read(markdown)).position).toEqual({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 7, offset: 6 } });
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

  it('leaves MDX to micromark', () => {
    const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkSatteriParse);
    const tree = mdx.parse('import Note from "./note.astro";\n\n# Titre {1 + 1}\n\n<Note>\ntexte\n</Note>');
    expect(tree.children.map((node) => node.type)).toEqual(['mdxjsEsm', 'heading', 'mdxJsxFlowElement']);
  });
});
