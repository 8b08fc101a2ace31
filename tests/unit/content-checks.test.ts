import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { checkContent, remarkContentChecks } from '../../src/checks/content-checks.ts';
import { formatReport } from '../../src/checks/report/problems.ts';

/** A site of four pages: the home page, "finance" (with two headings), a draft, and "sante", the page under test. */
const dir = mkdtempSync(path.join(tmpdir(), 'pe-checks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const head = (title: string, order: number, extra = '') => `---\ntitle: "${title}"\ndescription: "Une description."\norder: ${order}\n${extra}---\n\n`;
mkdirSync(path.join(dir, 'secteurs'));
writeFileSync(path.join(dir, 'accueil.md'), '---\ntitle: "Accueil"\ndescription: "Une description."\nconclusion: "Une conclusion."\n---\n\nBienvenue.\n');
writeFileSync(path.join(dir, 'secteurs/finance.md'), `${head('Finance', 1)}## Les risques\n\n## La fraude\n`);
writeFileSync(path.join(dir, 'secteurs/brouillon.md'), `${head('Brouillon', 2, 'draft: true\n')}Texte.\n`);
/** Lines of sante.md before its body: the messages below count lines from the body. */
const BODY_OFFSET = head('Santé', 3).split('\n').length - 1;

/** The French messages the checks give for `markdown` written as the body of content/secteurs/sante.md (or .mdx). */
function check(markdown: string, options: { includeDrafts?: boolean; mdx?: boolean } = {}): { line?: number; message: string }[] {
  for (const ext of ['md', 'mdx']) rmSync(path.join(dir, `secteurs/sante.${ext}`), { force: true });
  const file = path.join(dir, `secteurs/sante.${options.mdx ? 'mdx' : 'md'}`);
  writeFileSync(file, head('Santé', 3) + markdown);
  return checkContent(dir, { includeDrafts: options.includeDrafts })
    .filter((p) => p.file === file)
    .map((p) => ({ line: p.line === undefined ? undefined : p.line - BODY_OFFSET, message: p.message }));
}

const VALID = `## Une section

Du texte[^1] avec [un lien](/secteurs/finance/#la-fraude), [l’accueil](/), [plus bas](#une-section) et [un autre site](https://example.org).

[^1]: [Une source](https://example.org/source)
`;

describe('content checks on markdown', () => {
  it('accept a valid page', () => {
    expect(check(VALID)).toEqual([]);
  });

  it('refuse a footnote call with no definition, naming the label and the fix', () => {
    const [problem, ...rest] = check('Du texte[^1] et[^3].\n\n[^1]: [Source](https://example.org)\n');
    expect(rest).toEqual([]);
    expect(problem.line).toBe(1);
    expect(problem.message).toContain('l’appel de note [^3] n’a pas de définition');
    expect(problem.message).toContain('[^3]: [Titre de la source](https://…)');
  });

  it('accept plain brackets in prose, refuse a full reference with no definition', () => {
    expect(check('Il a dit : « [la société] a tout prévu […] » [sic].\n')).toEqual([]);
    expect(check('Voir [le rapport][rapport].\n')).toEqual([{ line: 1, message: expect.stringContaining('le lien [rapport] renvoie à une définition') }]);
  });

  it('refuse a footnote definition never called', () => {
    expect(check('Du texte[^1].\n\n[^1]: [A](https://example.org/a)\n[^2]: [B](https://example.org/b)\n')).toEqual([
      { line: 4, message: expect.stringContaining('la note [^2] est définie mais jamais appelée') },
    ]);
  });

  it('refuse a footnote defined twice, giving both lines', () => {
    expect(check('Du texte[^1].\n\n[^1]: [A](https://example.org/a)\n[^1]: [B](https://example.org/b)\n')).toEqual([
      { line: 4, message: expect.stringContaining(`la note [^1] est définie deux fois (déjà ligne ${3 + BODY_OFFSET})`) },
    ]);
  });

  it.each([['www.example.org/article'], ['/secteurs/finance/'], ['ftp://example.org/fichier'], ['https://localhost']])(
    'refuse a source whose URL is not an absolute http(s) URL: %s',
    (url) => {
      expect(check(`Du texte[^1].\n\n[^1]: [A](${url})\n`)).toEqual([
        { line: 3, message: expect.stringContaining(`la source de la note [^1] n’est pas une adresse web complète (« ${url} »)`) },
      ]);
    },
  );

  it('read a source written as a reference link through its definition', () => {
    expect(check('Du texte[^1].\n\n[^1]: [A][a]\n\n[a]: https://example.org/a\n')).toEqual([]);
    expect(check('Du texte[^1].\n\n[^1]: [A][a]\n\n[a]: www.example.org/a\n')).toEqual([
      { line: 3, message: expect.stringContaining('la source de la note [^1] n’est pas une adresse web complète (« www.example.org/a »)') },
    ]);
  });

  it('accept a footnote that cites a work in words, with no web address (a book)', () => {
    expect(check('Du texte[^4].\n\n[^4]: Dupont, *La sécurité des systèmes*, Éditions Exemple, 2023, p. 12.\n')).toEqual([]);
  });

  it('still refuse a relative address in a footnote that cites in words and links', () => {
    expect(check('Du texte[^1].\n\n[^1]: Dupont, *La sécurité*, 2023, [en ligne](www.exemple.fr/livre).\n')).toEqual([
      { line: 3, message: expect.stringContaining('la source de la note [^1] n’est pas une adresse web complète (« www.exemple.fr/livre »)') },
    ]);
  });

  it('refuse an empty footnote, showing both ways to cite', () => {
    const problems = check('Du texte[^1].\n\n[^1]:\n');
    expect(problems).toEqual([{ line: 3, message: expect.stringContaining('la note [^1] est vide') }]);
    expect(problems[0].message).toContain('[Titre de la source](https://…)');
    expect(problems[0].message).toContain('Auteur, *Titre*, Éditeur, année.');
  });

  it.each([
    ['[clic](javascript:alert(1))'],
    ['[clic](JavaScript:void(0))'],
    ['<a href="java\tscript:alert(1)">clic</a>'],
    ['[clic](<java\tscript:alert(1)>)'],
    ['<a href=&#106;avascript&colon;alert(1)>clic</a>'],
    ['<a href="javascript:alert(1)">clic</a>'],
    ['[clic][x]\n\n[x]: javascript:alert(1)'],
  ])('refuse a javascript: URL anywhere: %s', (markdown) => {
    const problems = check(`Texte.\n\n${markdown}\n`);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.message.includes('adresse « javascript: » est interdite'))).toBe(true);
  });

  it('refuse a javascript: URL in an MDX element', () => {
    expect(check('Texte <a href="javascript:alert(1)">clic</a>.\n', { mdx: true }).map((p) => p.message)).toEqual([
      expect.stringContaining('adresse « javascript: » est interdite'),
    ]);
  });

  it.each([
    ['/secteurs/finanse/', '/secteurs/finanse/', 'vouliez-vous écrire « /secteurs/finance/ »'],
    ['../logistique/', '/secteurs/logistique/', 'une page qui n’existe pas'],
    ['finance.md', '/secteurs/sante/finance.md', 'vouliez-vous écrire « /secteurs/finance/ »'],
  ])('refuse a link to a page that does not exist: %s', (url, resolved, hint) => {
    const [problem, ...rest] = check(`Voir [la page](${url}).\n`);
    expect(rest).toEqual([]);
    expect(problem.message).toContain(`mène à ${resolved}, une page qui n’existe pas`);
    expect(problem.message).toContain(hint);
  });

  it('leave the word javascript: alone in text and in ordinary links', () => {
    expect(check('Le préfixe javascript: est interdit, voir <a href="https://example.org/javascript:">ceci</a>.\n')).toEqual([]);
  });

  it('explain a malformed address instead of crashing', () => {
    expect(check('[a](/secteurs/100%25%/)\n')).toEqual([{ line: 1, message: expect.stringContaining('est mal formée') }]);
  });

  it('accept relative links to existing pages and a missing trailing slash', () => {
    expect(check('[a](../finance/) [b](/secteurs/finance) [c](./) [d](../../)\n')).toEqual([]);
  });

  it('accept links to pages made by src/pages, and suggest them', () => {
    expect(check('[a](/references/) [b](/references/#une-source)\n')).toEqual([]);
    expect(check('[a](/reference/)\n')[0].message).toContain('vouliez-vous écrire « /references/ »');
  });

  it('refuse a link to a #section that does not exist, here or on another page', () => {
    const problems = check('## Une section\n\n[a](/secteurs/finance/#la-fraud) [b](#une-sektion)\n');
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/section #la-fraud, qui n’existe pas sur la page \/secteurs\/finance\/ : vouliez-vous écrire #la-fraude \?/),
      expect.stringMatching(/section #une-sektion, qui n’existe pas sur la page courante : vouliez-vous écrire #une-section \?/),
    ]);
  });

  it('accept links to footnotes of the page', () => {
    expect(check('Texte[^a] ([note](#user-content-fn-a)).\n\n[^a]: [A](https://example.org)\n')).toEqual([]);
  });

  it('refuse a link to a draft in the build, not in the dev server', () => {
    expect(check('[a](/secteurs/brouillon/)\n')[0].message).toContain('un brouillon (draft: true)');
    expect(check('[a](/secteurs/brouillon/)\n', { includeDrafts: true })).toEqual([]);
  });

  it.each([[''], ['\n\n'], ['<!-- rien à lire -->\n']])('refuse an empty body: %j', (markdown) => {
    expect(check(markdown)).toEqual([{ line: undefined, message: expect.stringContaining('la page n’a pas de texte') }]);
  });

  it('accept a callout of each type, any case, and quotations that only look like one', () => {
    const callouts = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION', 'tip'].map((t) => `> [!${t}]\n> Un conseil.\n`).join('\n');
    expect(check(`${callouts}\n> Une citation qui dit [!TIP] au milieu.\n\n> [lien](https://example.org)\n`)).toEqual([]);
  });

  it('refuse an unknown callout type, naming it, the valid types and the likely one', () => {
    const [problem, ...rest] = check('Texte.\n\n> [!ASTUCE]\n> Relisez la réponse.\n');
    expect(rest).toEqual([]);
    expect(problem.line).toBe(3);
    expect(problem.message).toContain('le type d’encadré « ASTUCE » n’existe pas (vouliez-vous écrire [!TIP] ?)');
    expect(problem.message).toContain('NOTE (Remarque), TIP (Astuce), IMPORTANT, WARNING (Attention), CAUTION (Danger)');
    expect(check('> [!WARNIG]\n> Prudence.\n')[0].message).toContain('(vouliez-vous écrire [!WARNING] ?)');
    expect(check('> [!XYZZY]\n> Texte.\n')[0].message).toMatch(/« XYZZY » n’existe pas : les types possibles/);
  });

  it('refuse a callout marker followed by text on its line, or with no text: both would show as a quotation', () => {
    expect(check('> [!TIP] Relisez la réponse.\n')).toEqual([{ line: 1, message: expect.stringContaining('« [!TIP] » doit être seul sur sa ligne') }]);
    expect(check('Texte.\n\n> [!NOTE]\n')).toEqual([{ line: 3, message: expect.stringContaining('l’encadré « [!NOTE] » est vide') }]);
  });

  it('report every problem of a file, not only the first', () => {
    expect(check('Texte[^9] [a](/nulle-part/) [b](javascript:x).\n\n[^1]: [A](www.a.fr)\n')).toHaveLength(5);
  });
});

describe('the report of several problems', () => {
  it('names the file and the lines of every problem', () => {
    check('Texte[^2].\n\n[^1]: [A](https://example.org)\n');
    expect(formatReport(checkContent(dir))).toMatch(
      /2 problèmes dans 1 fichier[\s\S]*secteurs\/sante\.md\n {2}ligne 7 : l’appel de note \[\^2\][\s\S]*ligne 9 : la note \[\^1\] est définie mais jamais appelée/,
    );
  });
});

describe('remarkContentChecks, the checks in the site’s pipeline', () => {
  const env = { dev: process.env.PE_DEV_SERVER, content: process.env.CONTENT_DIR };
  afterEach(() => {
    for (const [key, value] of [
      ['PE_DEV_SERVER', env.dev],
      ['CONTENT_DIR', env.content],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  /** Renders sante.md's body as Astro does (the body from its first line, the file's path). */
  const render = (markdown: string) => {
    const file = path.join(dir, 'secteurs/sante.md');
    writeFileSync(file, head('Santé', 3) + markdown);
    const vfile = new VFile({ path: file, value: markdown });
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkContentChecks);
    const tree = processor.runSync(processor.parse(vfile) as Root, vfile) as Root;
    return { tree, data: vfile.data as { astro?: { frontmatter?: Record<string, unknown> } } };
  };

  it('in a build, leaves the page as written and hands the problems, with the file’s lines, to the loader’s report', () => {
    process.env.PE_DEV_SERVER = '0';
    process.env.CONTENT_DIR = dir;
    const { tree, data } = render('Texte[^2].\n');
    expect(tree.children.map((c) => c.type)).toEqual(['paragraph']);
    expect(data.astro?.frontmatter?.contentChecks).toMatchObject({
      problems: [{ line: 1 + BODY_OFFSET, message: expect.stringContaining('l’appel de note [^2] n’a pas de définition') }],
    });
    // The home page and MDX files: the loader parses them itself, the pipeline leaves them alone.
    const home = path.join(dir, 'accueil.md');
    const homeFile = new VFile({ path: home, value: 'Texte[^2].\n' });
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkContentChecks);
    processor.runSync(processor.parse(homeFile) as Root, homeFile);
    expect((homeFile.data as { astro?: unknown }).astro).toBeUndefined();
  });

  it('in npm run dev, shows the problems above the text instead of failing', () => {
    process.env.PE_DEV_SERVER = '1';
    process.env.CONTENT_DIR = dir;
    const { tree } = render('Texte[^2] <b>.\n');
    const box = tree.children[0];
    expect(box.type).toBe('html');
    expect(box.type === 'html' && box.value).toMatch(/^<div role="alert"[^>]*>.*ligne 7 : l’appel de note \[\^2\] n’a pas de définition.*<\/div>$/);
    expect(tree.children).toHaveLength(2);
  });

  it('in npm run dev, resolves the page’s links against the folder as it is', () => {
    process.env.PE_DEV_SERVER = '1';
    process.env.CONTENT_DIR = dir;
    const { tree } = render('Voir [la page](/secteurs/finanse/).\n');
    expect(tree.children[0]).toMatchObject({ type: 'html', value: expect.stringMatching(/role="alert".*vouliez-vous écrire « \/secteurs\/finance\/ »/) });
  });
});
