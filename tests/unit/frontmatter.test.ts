import { describe, expect, it } from 'vitest';
import { keyLine, listItemLines, parseFile } from '../../src/checks/files/frontmatter.ts';

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

describe('listItemLines', () => {
  it('gives the line of each item of a list written one per line, up to the next key', () => {
    const source = '---\ntitle: "A"\naliases:\n  - /a/\n  # ancien\n  - /b/\norder: 2\n---\n\n- pas ici\n';
    expect(listItemLines(source, 'aliases')).toEqual([4, 6]);
    expect(listItemLines('---\naliases:\n- /a/\n---\n', 'aliases')).toEqual([3]);
  });
  it('gives nothing for a list written on the key’s line or an absent key', () => {
    expect(listItemLines('---\naliases: ["/a/", "/b/"]\norder: 2\n---\n', 'aliases')).toEqual([]);
    expect(listItemLines('---\norder: 2\n---\n', 'aliases')).toEqual([]);
  });
});
