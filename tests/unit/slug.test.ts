import { describe, expect, it } from 'vitest';
import { sectorSlugFromTitle, slugFromFileName, slugify } from '../../src/lib/slug';

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
