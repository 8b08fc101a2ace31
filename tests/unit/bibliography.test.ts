import { describe, expect, it } from 'vitest';
import { buildBibliography, sourceKey } from '../../src/utils/navigation/bibliography.ts';

const ref = (title: string, url: string, label = '1') => ({ label, title, url });

describe('buildBibliography', () => {
  it('lists a source cited by several sectors once, with its sectors in reading order', () => {
    const shared = ref('Partagée', 'https://a.example/x');
    const result = buildBibliography([
      { id: 'marketing', title: 'Le marketing', references: [shared] },
      { id: 'finance', title: 'La finance', references: [] },
      { id: 'sante', title: 'La santé', references: [shared] },
    ]);
    expect(result).toEqual([
      {
        title: 'Partagée',
        url: 'https://a.example/x',
        sectors: [
          { id: 'marketing', title: 'Le marketing' },
          { id: 'sante', title: 'La santé' },
        ],
      },
    ]);
  });

  it('treats URLs differing only by a trailing slash, a fragment or the host case as one source, shown as first cited', () => {
    const result = buildBibliography([
      { id: 'a', title: 'A', references: [ref('Premier titre', 'https://Site.example/page/')] },
      { id: 'b', title: 'B', references: [ref('Autre titre', 'https://site.example/page#partie')] },
    ]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ title: 'Premier titre', url: 'https://Site.example/page/' });
    expect(result[0].sectors.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('keeps sources apart when the path or the query differs', () => {
    const result = buildBibliography([
      {
        id: 'a',
        title: 'A',
        references: [ref('Un', 'https://s.example/p?id=1'), ref('Deux', 'https://s.example/p?id=2', '2'), ref('Trois', 'https://s.example/q', '3')],
      },
    ]);
    expect(result.map((s) => s.url)).toEqual(['https://s.example/p?id=2', 'https://s.example/q', 'https://s.example/p?id=1']);
  });

  it('names a sector once even if it cites the same source twice', () => {
    const result = buildBibliography([{ id: 'a', title: 'A', references: [ref('Un', 'https://s.example/'), ref('Un bis', 'https://s.example', '2')] }]);
    expect(result).toEqual([{ title: 'Un', url: 'https://s.example/', sectors: [{ id: 'a', title: 'A' }] }]);
  });

  it('sorts by title in French order: accents and case do not push a title to the end', () => {
    const result = buildBibliography([
      {
        id: 'a',
        title: 'A',
        references: [
          ref('Zèbre', 'https://z.example/'),
          ref('éthique', 'https://e.example/', '2'),
          ref('Étude 10', 'https://e10.example/', '3'),
          ref('Étude 9', 'https://e9.example/', '4'),
          ref('abc', 'https://abc.example/', '5'),
        ],
      },
    ]);
    expect(result.map((s) => s.title)).toEqual(['abc', 'éthique', 'Étude 9', 'Étude 10', 'Zèbre']);
  });

  it('falls back to the URL when a link has no text', () => {
    expect(buildBibliography([{ id: 'a', title: 'A', references: [ref('', 'https://nu.example/')] }])[0].title).toBe('https://nu.example/');
  });

  it('lists a work cited in words (no URL) once, whatever its spacing, case or final full stop, with both sectors', () => {
    const result = buildBibliography([
      { id: 'a', title: 'A', references: [{ label: '4', title: 'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 12.' }] },
      {
        id: 'b',
        title: 'B',
        references: [{ label: '1', title: 'Dupont,  la sécurité des systèmes, Éditions Exemple, 2023, p. 12' }, ref('Un site', 'https://a.example/')],
      },
      { id: 'c', title: 'C', references: [{ label: '1', title: 'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 14.' }] },
    ]);
    expect(result).toEqual([
      {
        title: 'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 12.',
        sectors: [
          { id: 'a', title: 'A' },
          { id: 'b', title: 'B' },
        ],
      },
      { title: 'Dupont, La sécurité des systèmes, Éditions Exemple, 2023, p. 14.', sectors: [{ id: 'c', title: 'C' }] },
      { title: 'Un site', url: 'https://a.example/', sectors: [{ id: 'b', title: 'B' }] },
    ]);
  });

  it('returns nothing when no sector cites anything', () => {
    expect(buildBibliography([{ id: 'a', title: 'A', references: [] }])).toEqual([]);
  });
});

describe('sourceKey', () => {
  it('keeps a relative or malformed link as written (trimmed) instead of failing', () => {
    expect(sourceKey(' /local/page ')).toBe('/local/page');
  });

  it('gives the same key to a site root with and without slash', () => {
    expect(sourceKey('https://s.example')).toBe(sourceKey('https://s.example/'));
  });
});
