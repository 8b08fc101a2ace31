import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAliases } from '../../src/checks/site/aliases.ts';
import { sitePages } from '../../src/checks/files/site-index.ts';

const sector = (id: string, aliases?: string[]) => ({ id, file: `content/secteurs/${id}.md`, aliases });
const messages = (...args: Parameters<typeof checkAliases>) => checkAliases(...args).problems.map((p) => `${p.file} : ${p.message}`);
const pages = (files: string[]) => files.map((f) => ({ path: f === 'index.astro' ? '/' : `/${f.replace(/(\/index)?\.astro$/, '')}/`, file: `src/pages/${f}` }));

describe('checkAliases: redirects', () => {
  it('adds the trailing slash all the site’s addresses have', () => {
    expect(checkAliases([sector('a', ['/secteurs/ancien', '/ancien/'])]).redirects.map((r) => r.from)).toEqual(['/ancien/', '/secteurs/ancien/']);
  });
  it.each(['/', '/../etc/', '/page.html', '/a?b=1', '/a#b', '/a b/', '/été/', '//a/'])('refuses %s, naming the file', (alias) => {
    expect(messages([sector('x', [alias])])).toEqual([
      expect.stringContaining(`content/secteurs/x.md : l’alias « ${alias} » n’est pas un chemin de page valide`),
    ]);
  });

  it('turns every alias into a redirect to its sector, sorted', () => {
    expect(checkAliases([sector('sante', ['/secteurs/medecine', '/soins/']), sector('finance'), sector('jeux-video', ['/secteurs/jeux/'])]).redirects).toEqual([
      { from: '/secteurs/jeux/', to: 'jeux-video', file: 'content/secteurs/jeux-video.md' },
      { from: '/secteurs/medecine/', to: 'sante', file: 'content/secteurs/sante.md' },
      { from: '/soins/', to: 'sante', file: 'content/secteurs/sante.md' },
    ]);
  });

  it('refuses an alias that is another sector’s address, naming both files', () => {
    expect(messages([sector('sante'), sector('doublon', ['/secteurs/sante'])])).toEqual([
      expect.stringContaining('content/secteurs/doublon.md : l’alias « /secteurs/sante » est déjà l’adresse de la page du secteur content/secteurs/sante.md.'),
    ]);
  });

  it('refuses an alias of a page to itself', () => {
    expect(messages([sector('sante', ['/secteurs/sante/'])])).toEqual([expect.stringContaining('est déjà l’adresse de cette même page')]);
  });

  it('refuses an alias claimed twice, whatever the case', () => {
    expect(messages([sector('a', ['/ancien/']), sector('b', ['/Ancien'])])).toEqual([
      expect.stringContaining('content/secteurs/b.md : l’alias « /Ancien » est déjà l’adresse de l’alias d’un autre secteur (content/secteurs/a.md)'),
    ]);
  });

  it('refuses an alias that is the address of another page of the site', () => {
    const other = pages(['index.astro', 'recherche.astro', '404.astro']);
    expect(messages([sector('a', ['/recherche'])], other)).toEqual([
      expect.stringContaining('est déjà l’adresse de la page /recherche/ (src/pages/recherche.astro)'),
    ]);
    expect(checkAliases([sector('a', ['/recherches/'])], other).redirects).toHaveLength(1);
  });
});

describe('checkAliases', () => {
  it('reports every mistake at once, each with its sector and alias, and keeps the valid redirects', () => {
    const { redirects, problems } = checkAliases(
      [
        sector('sante', ['/soins/', '/secteurs/sante/']),
        sector('doublon', ['/secteurs/sante', '/../x/', '/recherche']),
        sector('b', ['/Soins', '/ancien/', '/ancien']),
      ],
      pages(['index.astro', 'recherche/index.astro']),
    );
    expect(problems.map(({ sector: s, alias: a, file }) => [s, a, file])).toEqual([
      [0, 1, 'content/secteurs/sante.md'],
      [1, 0, 'content/secteurs/doublon.md'],
      [1, 1, 'content/secteurs/doublon.md'],
      [1, 2, 'content/secteurs/doublon.md'],
      [2, 0, 'content/secteurs/b.md'],
      [2, 2, 'content/secteurs/b.md'],
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^l’alias « \/secteurs\/sante\/ » est déjà l’adresse de cette même page\./),
      expect.stringMatching(/^l’alias « \/secteurs\/sante » est déjà l’adresse de la page du secteur content\/secteurs\/sante\.md\./),
      expect.stringMatching(/^l’alias « \/\.\.\/x\/ » n’est pas un chemin de page valide\./),
      expect.stringMatching(/^l’alias « \/recherche » est déjà l’adresse de la page \/recherche\/ \(src\/pages\/recherche\/index\.astro\)\./),
      expect.stringMatching(/^l’alias « \/Soins » est déjà l’adresse de l’alias d’un autre secteur \(content\/secteurs\/sante\.md\)\./),
      expect.stringMatching(/^l’alias « \/ancien » est déjà un autre alias de cette même page\./),
    ]);
    expect(redirects.map((r) => r.from)).toEqual(['/ancien/', '/soins/']);
  });

  it('finds nothing wrong in distinct aliases', () => {
    expect(checkAliases([sector('sante', ['/soins/']), sector('finance', ['/banque'])]).problems).toEqual([]);
  });
});

describe('sitePages', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('maps page files to their addresses and skips dynamic routes, endpoints and _files', () => {
    const files = [
      'index.astro',
      '404.astro',
      'recherche/index.astro',
      'a-propos.md',
      'secteurs/[slug].astro',
      '[...alias].astro',
      'robots.txt.ts',
      'og/accueil.png.ts',
      '_brouillon.astro',
    ];
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), '');
    }
    expect(sitePages(dir)).toEqual([
      { path: '/404/', file: 'src/pages/404.astro' },
      { path: '/a-propos/', file: 'src/pages/a-propos.md' },
      { path: '/', file: 'src/pages/index.astro' },
      { path: '/recherche/', file: 'src/pages/recherche/index.astro' },
    ]);
  });
});
