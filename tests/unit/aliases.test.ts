import { describe, expect, it } from 'vitest';
import { checkAliases, collectRedirects, normalizeAlias, staticPagePaths } from '../../src/lib/aliases';

const sector = (id: string, aliases?: string[]) => ({ id, file: `content/secteurs/${id}.md`, aliases });

describe('normalizeAlias', () => {
  it('adds the trailing slash all the site’s addresses have', () => {
    expect(normalizeAlias('/secteurs/ancien', 'f.md')).toBe('/secteurs/ancien/');
    expect(normalizeAlias('/ancien/', 'f.md')).toBe('/ancien/');
  });
  it.each(['/', '/../etc/', '/page.html', '/a?b=1', '/a#b', '/a b/', '/été/', '//a/'])('refuses %s, naming the file', (alias) => {
    expect(() => normalizeAlias(alias, 'content/secteurs/x.md')).toThrow(`content/secteurs/x.md : l’alias « ${alias} » n’est pas un chemin de page valide`);
  });
});

describe('collectRedirects', () => {
  it('turns every alias into a redirect to its sector, sorted', () => {
    expect(collectRedirects([sector('sante', ['/secteurs/medecine', '/soins/']), sector('finance'), sector('jeux-video', ['/secteurs/jeux/'])])).toEqual([
      { from: '/secteurs/jeux/', to: 'jeux-video', file: 'content/secteurs/jeux-video.md' },
      { from: '/secteurs/medecine/', to: 'sante', file: 'content/secteurs/sante.md' },
      { from: '/soins/', to: 'sante', file: 'content/secteurs/sante.md' },
    ]);
  });

  it('refuses an alias that is another sector’s address, naming both files', () => {
    expect(() => collectRedirects([sector('sante'), sector('doublon', ['/secteurs/sante'])])).toThrow(
      'content/secteurs/doublon.md : l’alias « /secteurs/sante » est déjà l’adresse de la page du secteur content/secteurs/sante.md.',
    );
  });

  it('refuses an alias of a page to itself', () => {
    expect(() => collectRedirects([sector('sante', ['/secteurs/sante/'])])).toThrow('est déjà l’adresse de cette même page');
  });

  it('refuses the same alias in two sectors, whatever its case', () => {
    expect(() => collectRedirects([sector('a', ['/ancien/']), sector('b', ['/Ancien'])])).toThrow(
      'content/secteurs/b.md : l’alias « /Ancien » est déjà l’adresse de l’alias d’un autre secteur (content/secteurs/a.md)',
    );
  });

  it('refuses an alias that is the address of another page of the site', () => {
    const pages = staticPagePaths(['index.astro', 'recherche.astro', '404.astro']);
    expect(() => collectRedirects([sector('a', ['/recherche'])], pages)).toThrow('est déjà l’adresse de la page /recherche/ (src/pages/recherche.astro)');
    expect(collectRedirects([sector('a', ['/recherches/'])], pages)).toHaveLength(1);
  });
});

describe('checkAliases', () => {
  it('reports every mistake at once, each with its sector and alias, and keeps the valid redirects', () => {
    const pages = staticPagePaths(['index.astro', 'recherche/index.astro']);
    const { redirects, problems } = checkAliases(
      [
        sector('sante', ['/soins/', '/secteurs/sante/']),
        sector('doublon', ['/secteurs/sante', '/../x/', '/recherche']),
        sector('b', ['/Soins', '/ancien/', '/ancien']),
      ],
      pages,
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

  it('is what collectRedirects throws, every mistake on its own line after its file', () => {
    expect(() => collectRedirects([sector('sante', ['/secteurs/sante/', '/a b/'])])).toThrow(
      /^content\/secteurs\/sante\.md : l’alias « \/secteurs\/sante\/ » .*\ncontent\/secteurs\/sante\.md : l’alias « \/a b\/ » n’est pas un chemin de page valide/,
    );
  });
});

describe('staticPagePaths', () => {
  it('maps page files to their addresses and skips dynamic routes and endpoints', () => {
    expect(
      staticPagePaths([
        'index.astro',
        '404.astro',
        'recherche/index.astro',
        'a-propos.md',
        'secteurs/[slug].astro',
        '[...alias].astro',
        'robots.txt.ts',
        'og/accueil.png.ts',
      ]),
    ).toEqual([
      { path: '/', file: 'src/pages/index.astro' },
      { path: '/404/', file: 'src/pages/404.astro' },
      { path: '/recherche/', file: 'src/pages/recherche/index.astro' },
      { path: '/a-propos/', file: 'src/pages/a-propos.md' },
    ]);
  });
});
