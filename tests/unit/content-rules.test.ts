import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { remarkHeadingChecks } from '../../src/checks/rules/remark-heading-checks.ts';
import { remarkHtmlAllowlist } from '../../src/checks/rules/remark-html-allowlist.ts';
import { remarkImageChecks } from '../../src/checks/rules/remark-image-checks.ts';
import { remarkMdxImports } from '../../src/checks/rules/remark-mdx-imports.ts';
import { remarkUrlSchemes } from '../../src/checks/rules/remark-url-schemes.ts';
import { unusedFiles } from '../../src/checks/site/unused-files.ts';

// Each rule of the content gate on markdown trees: the messages it adds, at which line.
const dir = mkdtempSync(path.join(tmpdir(), 'pe-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, 'secteurs'));
writeFileSync(path.join(dir, 'secteurs/carte-des-tournees.png'), '');
writeFileSync(path.join(dir, 'secteurs/carte.astro'), '');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules with and without options
function run(plugin: Plugin<any[], Root>, markdown: string, options?: unknown, mdx = false): { line?: number; message: string }[] {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (mdx) processor.use(remarkMdx);
  processor.use(plugin, options);
  const file = new VFile({ path: path.join(dir, `secteurs/page.${mdx ? 'mdx' : 'md'}`), value: markdown });
  processor.runSync(processor.parse(file) as Root, file);
  return file.messages.map((m) => ({ line: m.line, message: m.reason }));
}
const messages = (...args: Parameters<typeof run>) => run(...args).map((m) => m.message);

describe('remarkHtmlAllowlist: HTML by GitHub’s allowlist', () => {
  it.each([
    '<details>\n<summary>Plus</summary>\n\nTexte.\n\n</details>',
    'Du <kbd>Ctrl</kbd>, <abbr title="intelligence artificielle">IA</abbr>, H<sub>2</sub>O, x<sup>2</sup>, <mark>ceci</mark><br>',
    '<!-- une note -->',
  ])('keeps what editors use: %j', (markdown) => expect(messages(remarkHtmlAllowlist, markdown)).toEqual([]));

  it.each([
    ['<script>alert(1)</script>', 'l’élément HTML <script> n’est pas autorisé (il exécuterait du code'],
    ['<style>p { color: red }</style>', 'l’élément HTML <style> n’est pas autorisé'],
    ['<iframe src="https://example.org"></iframe>', 'l’élément HTML <iframe> n’est pas autorisé'],
    ['<object data="x.swf"></object>', 'l’élément HTML <object> n’est pas autorisé'],
    ['<embed src="x.swf">', 'l’élément HTML <embed> n’est pas autorisé'],
    ['<form><select><option>a</option></select><textarea></textarea></form>', 'l’élément HTML <form> n’est pas autorisé'],
    ['<input type="text">', 'l’élément HTML <input> n’est pas autorisé'],
    ['<img src="x.png" alt="x" onerror="alert(1)">', 'l’attribut « onerror » de <img> n’est pas autorisé (il exécuterait du code'],
    ['<p style="color:red">a</p>', 'l’attribut « style » de <p> n’est pas autorisé'],
    ['<a href="/" target="_blank">a</a>', 'l’attribut « target » de <a> n’est pas autorisé'],
  ])('refuses %s, naming what it is', (markdown, expected) => {
    expect(messages(remarkHtmlAllowlist, markdown)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('names every form field, at its own line', () => {
    expect(run(remarkHtmlAllowlist, 'Texte.\n\n<form>\n<button>OK</button>\n</form>\n')).toEqual([
      { line: 3, message: expect.stringContaining('l’élément HTML <form> n’est pas autorisé') },
      { line: 4, message: expect.stringContaining('l’élément HTML <button> n’est pas autorisé') },
    ]);
  });

  it('applies the same rules to the HTML elements of MDX', () => {
    expect(messages(remarkHtmlAllowlist, 'Texte <iframe src="https://example.org" />.\n\n<b onClick={() => 1}>x</b>\n', undefined, true)).toEqual([
      expect.stringContaining('l’élément HTML <iframe> n’est pas autorisé'),
      expect.stringContaining('l’attribut « onclick » de <b> n’est pas autorisé'),
    ]);
  });
});

describe('remarkUrlSchemes: web pages, e-mails, phone numbers and the site only', () => {
  it.each([
    '[a](https://example.org)',
    '[a](http://example.org)',
    '[a](mailto:a@example.org)',
    '[a](tel:+33100000000)',
    '[a](/secteurs/sante/)',
    '[a](../sante/)',
    '[a](#plus-bas)',
    '[a](?q=1)',
    '<a href="MAILTO:a@b.fr">a</a>',
  ])('accepts %s', (markdown) => expect(messages(remarkUrlSchemes, markdown)).toEqual([]));

  it.each([
    ['[a](data:text/html,x)', '« data: »'],
    ['[a](vbscript:msgbox)', '« vbscript: »'],
    ['[a](file:///etc/passwd)', '« file: »'],
    ['[a][x]\n\n[x]: ftp://example.org/f', '« ftp: »'],
    ['<a href="data:text/html,x">a</a>', '« data: »'],
    ['<img alt="x" srcset="/a.png 1x, data:image/png;base64,AAA 2x">', '« data: »'],
    ['<blockquote cite="vbscript:x">a</blockquote>', '« vbscript: »'],
  ])('refuses %s', (markdown, scheme) => {
    expect(messages(remarkUrlSchemes, markdown)).toEqual([expect.stringContaining(`commence par ${scheme}, qui n’est pas permis`)]);
  });

  it.each([
    '[a](JavaScript:alert(1))',
    '[a](<java\tscript:alert(1)>)',
    '<a href=" javascript:alert(1)">a</a>',
    '<a href="&#106;avascript&colon;alert(1)">a</a>',
    '<a href="jav&#x09;ascript:alert(1)">a</a>',
  ])('sees javascript: through case, character references and spaces: %j', (markdown) =>
    expect(messages(remarkUrlSchemes, markdown)).toEqual([expect.stringContaining('une adresse « javascript: » est interdite')]),
  );

  it('leaves the footnotes’ sources to their own rule', () => {
    expect(messages(remarkUrlSchemes, 'Texte[^1].\n\n[^1]: [A](ftp://example.org)\n')).toEqual([]);
  });
});

describe('remarkImageChecks: images with a text, from the site', () => {
  const assets: string[] = [];
  const images = (markdown: string) => run(remarkImageChecks, markdown, { onAsset: (file: string) => assets.push(file) });

  it('accepts an image next to the page, and says the page uses it', () => {
    expect(images('![Carte des tournées](./carte-des-tournees.png)')).toEqual([]);
    expect(assets).toEqual([path.join(dir, 'secteurs/carte-des-tournees.png')]);
  });

  it('names a missing image and the closest file that exists', () => {
    expect(images('Texte.\n\n![Carte](./carte-des-tourness.png)')).toEqual([
      {
        line: 3,
        message: expect.stringMatching(/l’image « \.\/carte-des-tourness\.png » est introuvable .*vouliez-vous écrire « \.\/carte-des-tournees\.png » \?/),
      },
    ]);
  });

  it('wants a text for readers who do not see the image', () => {
    expect(images('![](./carte-des-tournees.png)').map((m) => m.message)).toEqual([expect.stringContaining('n’a pas de texte de remplacement')]);
    expect(images('![  ](./carte-des-tournees.png)').map((m) => m.message)).toEqual([expect.stringContaining('n’a pas de texte de remplacement')]);
  });

  it('refuses another site’s image, and an image written in HTML', () => {
    expect(images('![Logo](https://example.org/logo.png)').map((m) => m.message)).toEqual([expect.stringContaining('vient d’un autre site')]);
    expect(images('<img src="./carte-des-tournees.png" alt="Carte">').map((m) => m.message)).toEqual([
      expect.stringContaining('<img> en HTML n’est pas publié'),
    ]);
  });
});

describe('remarkHeadingChecks: one title, levels one at a time', () => {
  it('accepts ## then ### then ## again', () => {
    expect(messages(remarkHeadingChecks, '## A\n\n### B\n\n## C\n\n### D\n')).toEqual([]);
  });

  it('refuses a level-1 heading, suggesting ##, in markdown or HTML', () => {
    expect(run(remarkHeadingChecks, '# Titre\n\nTexte.\n\n<h1>Encore</h1>\n')).toEqual([
      { line: 1, message: expect.stringMatching(/« Titre » est de niveau 1 \(#\).*écrivez ##/) },
      { line: 5, message: expect.stringContaining('est de niveau 1 (#)') },
    ]);
  });

  it('refuses a jump of levels, naming both', () => {
    expect(run(remarkHeadingChecks, '## Usages\n\n#### Détail\n')).toEqual([
      { line: 3, message: expect.stringContaining('« Détail » (####) saute un niveau après ## : écrivez ###') },
    ]);
    expect(messages(remarkHeadingChecks, '### Trop bas d’emblée\n')).toEqual([expect.stringContaining('saute un niveau après # : écrivez ##')]);
  });
});

describe('remarkMdxImports: imports of files that exist', () => {
  it('accepts an import of a file next to the page, refuses a missing one', () => {
    expect(messages(remarkMdxImports, 'import Carte from "./carte.astro";\n\nTexte.\n', undefined, true)).toEqual([]);
    expect(run(remarkMdxImports, 'import Carte from "./absente.astro";\n\nTexte.\n', undefined, true)).toEqual([
      { line: 1, message: expect.stringContaining('l’import « ./absente.astro » mène à un fichier qui n’existe pas') },
    ]);
  });
});

describe('unusedFiles', () => {
  it('names the files no page reads or shows, hidden files aside', () => {
    const content = mkdtempSync(path.join(tmpdir(), 'pe-unused-'));
    try {
      mkdirSync(path.join(content, 'secteurs/images'), { recursive: true });
      for (const file of [
        'accueil.md',
        'secteurs/sante.md',
        'secteurs/droit.markdown',
        'secteurs/Notes.txt',
        'secteurs/images/a.png',
        'secteurs/images/b.png',
        'secteurs/.DS_Store',
        'brouillon.md',
      ])
        writeFileSync(path.join(content, file), '');
      const problems = unusedFiles(
        content,
        ['accueil.md', 'secteurs/sante.md'].map((f) => path.join(content, f)),
        new Set([path.join(content, 'secteurs/images/a.png')]),
      );
      expect(problems.map((p) => [path.relative(content, p.file), p.message])).toEqual([
        ['brouillon.md', expect.stringContaining('le site ne lit pas ce fichier : les pages sont accueil.md')],
        ['secteurs/Notes.txt', expect.stringContaining('seuls les fichiers .md et .mdx deviennent des pages. S’il doit être publié, renommez-le « Notes.md »')],
        ['secteurs/droit.markdown', expect.stringContaining('renommez-le « droit.md »')],
        ['secteurs/images/b.png', expect.stringContaining('aucune page n’affiche cette image')],
      ]);
    } finally {
      rmSync(content, { recursive: true, force: true });
    }
  });
});
