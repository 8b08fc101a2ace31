import { describe, expect, it } from 'vitest';
import { keyLine, parseFile } from '../../src/lib/frontmatter';

describe('parseFile', () => {
  it('reads the YAML and keeps the body on the same lines as in the file', () => {
    const source = '---\ntitle: "A"\norder: 2\n---\n\nLe texte.\n';
    const parsed = parseFile(source);
    expect(parsed.data).toEqual({ title: 'A', order: 2 });
    expect(parsed.error).toBeUndefined();
    expect(parsed.body.split('\n')[5]).toBe('Le texte.');
    expect(parsed.bodyStartLine).toBe(6);
  });

  it('gives the line of a YAML mistake and a French hint', () => {
    const parsed = parseFile('---\ntitle: "A"\ndescription: Le marketing : les campagnes\norder: 2\n---\n\nTexte.\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.error?.line).toBe(3);
    expect(parsed.error?.message).toMatch(/^l’en-tête n’est pas du YAML valide .*guillemets/);
  });

  it('says when the frontmatter is missing', () => {
    expect(parseFile('Juste du texte.\n').error?.message).toContain('doit commencer par un en-tête entre deux lignes « --- »');
  });
});

describe('keyLine', () => {
  it('finds a key in the frontmatter only', () => {
    const source = '---\ntitle: "A"\norder: 2\n---\n\norder: pas ici\n';
    expect(keyLine(source, 'order')).toBe(3);
    expect(keyLine(source, 'draft')).toBeUndefined();
  });
});
