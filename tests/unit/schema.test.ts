import { describe, expect, it } from 'vitest';
import { closest } from '../../src/checks/report/closest.ts';
import { sectorSchema } from '../../src/checks/files/schema.ts';

const VALID = { title: 'La logistique', description: 'Une phrase.', order: 7 };
const messages = (data: unknown) => {
  const result = sectorSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe('sectorSchema', () => {
  it('accepts the required fields and the optional ones', () => {
    expect(messages(VALID)).toEqual([]);
    expect(messages({ ...VALID, draft: true, updated: new Date('2026-01-31'), slug: 'logistique', aliases: ['/secteurs/transport/'] })).toEqual([]);
  });

  it('refuses an unknown key and suggests the intended one', () => {
    const { title, ...rest } = VALID;
    expect(messages({ ...rest, tilte: title })).toEqual([
      expect.stringContaining('le champ « title » est obligatoire'),
      expect.stringContaining('champ inconnu « tilte » : vouliez-vous écrire « title » ?'),
    ]);
  });

  it.each([
    [{ title: '  ' }, 'le titre (title) ne peut pas être vide'],
    [{ description: undefined }, 'le champ « description » est obligatoire'],
    [{ description: 'x'.repeat(161) }, '160 caractères au plus'],
    [{ order: '3' }, 'le champ « order » doit être un nombre entier sans guillemets (valeur actuelle : "3")'],
    [{ order: 0 }, 'order doit être un entier positif'],
    [{ order: 2.5 }, 'order doit être un nombre entier'],
    [{ draft: 'oui' }, 'le champ « draft » doit être true ou false'],
    [{ updated: 'hier' }, 'le champ « updated » doit être une date au format AAAA-MM-JJ'],
    [{ title: 12 }, 'le champ « title » doit être un texte entre guillemets'],
  ])('refuses %j in French', (change, message) => {
    expect(messages({ ...VALID, ...change })).toEqual([expect.stringContaining(message)]);
  });
});

describe('closest', () => {
  it('finds a typo, not an unrelated word', () => {
    expect(closest('tilte', ['title', 'description', 'order'])).toBe('title');
    expect(closest('descripton', ['title', 'description', 'order'])).toBe('description');
    expect(closest('auteur', ['title', 'description', 'order'])).toBeUndefined();
  });
});
