import { describe, expect, it } from 'vitest';
import { headingIds, sectorSlugFromTitle, slugFromFileName, slugify } from '../../src/utils/text/slug.ts';

describe('slugify', () => {
  it.each([
    ['La santé', 'la-sante'],
    ['Cœur & œuvre', 'coeur-oeuvre'],
    ['Qu’est-ce que c’est ?', 'qu-est-ce-que-c-est'],
    ['  Déjà   vu  ', 'deja-vu'],
    ['ÉTÉ 2026', 'ete-2026'],
    ['Exemple de prompt', 'exemple-de-prompt'],
  ])('%s → %s', (input, expected) => expect(slugify(input)).toBe(expected));
});

describe('sectorSlugFromTitle', () => {
  it.each([
    ['Les jeux vidéo', 'jeux-video'],
    ['La logistique', 'logistique'],
    ['L’industrie', 'industrie'],
    ["L'agriculture", 'agriculture'],
    ['Le marketing', 'marketing'],
    ['La formation professionnelle', 'formation-professionnelle'],
    ['Lait et fromages', 'lait-et-fromages'],
    ['Les', 'les'],
  ])('%s → %s', (input, expected) => expect(sectorSlugFromTitle(input)).toBe(expected));
});

describe('slugFromFileName', () => {
  it.each([
    ['sante.md', 'sante'],
    ['secteurs/jeux-video.mdx', 'jeux-video'],
    ['Santé Publique.md', 'sante-publique'],
  ])('%s → %s', (input, expected) => expect(slugFromFileName(input)).toBe(expected));
});

describe('headingIds', () => {
  it('slugs each heading without accents', () => {
    expect(headingIds(['Exemple de prompt', 'Références', 'Qu’est-ce que c’est ?'])).toEqual(['exemple-de-prompt', 'references', 'qu-est-ce-que-c-est']);
  });

  it('suffixes duplicates -1, -2 like github-slugger, even against a natural "-1"', () => {
    expect(headingIds(['Exemple', 'Exemple', 'Exemple 1', 'Exemple'])).toEqual(['exemple', 'exemple-1', 'exemple-1-1', 'exemple-2']);
  });

  it('avoids ids already taken on the page and never returns an empty id', () => {
    expect(headingIds(['Références', '???'], ['references'])).toEqual(['references-1', 'section']);
  });
});
