import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { markChecked } from '../../src/lib/checked-files';
import { contentChecks, remarkFailOnProblems, remarkSiteChecks, type CheckOptions } from '../../src/lib/remark-checks';
import type { PageEntry, SiteIndex } from '../../src/lib/site-index';

/** A site of three pages: the home page, "finance" (with two headings) and a draft. */
function fakeIndex(): SiteIndex {
  const page = (file: string, url: string, anchors: string[], draft = false) =>
    ({ file, url, anchors: new Set(anchors), draft, kind: url === '/' ? 'home' : 'sector' }) as PageEntry;
  const entries = [
    page('/c/accueil.md', '/', ['contenu', 'secteurs-titre']),
    page('/c/secteurs/finance.md', '/secteurs/finance/', ['contenu', 'les-risques', 'la-fraude']),
    page('/c/secteurs/brouillon.md', '/secteurs/brouillon/', ['contenu'], true),
    page('/c/secteurs/sante.md', '/secteurs/sante/', ['contenu']),
  ];
  return {
    dir: '/c',
    entries,
    byUrl: new Map(entries.map((e) => [e.url, [e]])),
    byFile: new Map(entries.map((e) => [e.file, e])),
    staticUrls: new Set(['/references/']),
  };
}

/** The French messages the checks give for `markdown` written in content/secteurs/sante.md. */
function check(markdown: string, options: CheckOptions = {}): { line?: number; message: string }[] {
  const processor = unified().use(remarkParse).use(remarkGfm);
  for (const [plugin, settings] of contentChecks({ index: fakeIndex, includeDrafts: false, ...options })) processor.use(plugin, settings);
  const file = new VFile({ path: '/c/secteurs/sante.md', value: markdown });
  processor.runSync(processor.parse(file) as Root, file);
  return file.messages.map((m) => ({ line: m.line, message: m.reason }));
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
      { line: 4, message: expect.stringMatching(/la note \[\^1\] est définie deux fois \(déjà ligne 3\)/) },
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

  it('refuse a footnote with no link to its source', () => {
    expect(check('Du texte[^1].\n\n[^1]: Un livre quelque part.\n')).toEqual([
      { line: 3, message: expect.stringContaining('la note [^1] ne contient pas de lien vers sa source') },
    ]);
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
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);
    for (const [plugin, settings] of contentChecks({ index: fakeIndex })) processor.use(plugin, settings);
    const file = new VFile({ path: '/c/secteurs/sante.mdx', value: 'Texte <a href="javascript:alert(1)">clic</a>.\n' });
    processor.runSync(processor.parse(file) as Root, file);
    expect(file.messages.map((m) => m.reason)).toEqual([expect.stringContaining('adresse « javascript: » est interdite')]);
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

  it('report every problem of a file, not only the first', () => {
    expect(check('Texte[^9] [a](/nulle-part/) [b](javascript:x).\n\n[^1]: [A](www.a.fr)\n')).toHaveLength(5);
  });
});

describe('remarkFailOnProblems', () => {
  it('stops the render with every problem, the file and the lines', () => {
    const processor = unified().use(remarkParse).use(remarkGfm);
    for (const [plugin, settings] of contentChecks({ index: fakeIndex })) processor.use(plugin, settings);
    processor.use(remarkFailOnProblems, { index: fakeIndex, dev: false });
    const file = new VFile({ path: '/c/secteurs/sante.md', value: 'Texte[^2].\n\n[^1]: [A](https://example.org)\n' });
    expect(() => processor.runSync(processor.parse(file) as Root, file)).toThrow(
      /2 problèmes dans 1 fichier[\s\S]*\/c\/secteurs\/sante\.md\n {2}ligne 1 : l’appel de note \[\^2\][\s\S]*ligne 3 : la note \[\^1\] est définie mais jamais appelée/,
    );
  });
});

describe('remarkFailOnProblems in npm run dev', () => {
  it('shows the problems above the text instead of failing', () => {
    const processor = unified().use(remarkParse).use(remarkGfm);
    for (const [plugin, settings] of contentChecks({ index: fakeIndex })) processor.use(plugin, settings);
    processor.use(remarkFailOnProblems, { index: fakeIndex, dev: true });
    const file = new VFile({ path: '/c/secteurs/sante.md', value: 'Texte[^2] <b>.\n' });
    const tree = processor.runSync(processor.parse(file) as Root, file) as Root;
    const box = tree.children[0];
    expect(box.type).toBe('html');
    expect(box.type === 'html' && box.value).toMatch(/^<div role="alert"[^>]*>.*ligne 1 : l’appel de note \[\^2\] n’a pas de définition.*<\/div>$/);
    expect(tree.children).toHaveLength(2);
  });
});

describe('remarkSiteChecks (the site pipeline)', () => {
  const BROKEN = 'Texte[^2].\n';
  const run = (path: string, dev: boolean) => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkSiteChecks, { index: fakeIndex, dev });
    const file = new VFile({ path, value: BROKEN });
    return processor.runSync(processor.parse(file) as Root, file) as Root;
  };

  it('in a build, stops on a file the loader gate has not checked, and skips one it has (checked once per build)', () => {
    expect(() => run('/c/secteurs/sante.md', false)).toThrow(/l’appel de note \[\^2\] n’a pas de définition/);
    markChecked(['/c/secteurs/finance.md']);
    expect(() => run('/c/secteurs/finance.md', false)).not.toThrow();
  });

  it('in npm run dev, still shows the problems of a checked file on the page', () => {
    markChecked(['/c/secteurs/finance.md']);
    expect(run('/c/secteurs/finance.md', true).children[0]).toMatchObject({
      type: 'html',
      value: expect.stringMatching(/role="alert".*l’appel de note \[\^2\]/),
    });
  });
});
