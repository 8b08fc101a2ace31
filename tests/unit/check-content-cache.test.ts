import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/check-content';

// The build keeps each file's checks in the cache dir: a rebuild must report exactly what a fresh check reports.
const work = mkdtempSync(path.join(tmpdir(), 'pe-check-cache-'));
const dir = path.join(work, 'content');
const cacheDir = path.join(work, 'cache');
mkdirSync(path.join(dir, 'secteurs'), { recursive: true });
writeFileSync(path.join(dir, 'accueil.md'), '---\ntitle: "Accueil"\ndescription: "Une description."\nconclusion: "Une conclusion."\n---\n\nBienvenue.\n');
const sector = (name: string, order: number, body: string) =>
  writeFileSync(path.join(dir, 'secteurs', `${name}.md`), `---\ntitle: "${name}"\ndescription: "Une description."\norder: ${order}\n---\n\n${body}\n`);
const messages = (problems: { file: string; line?: number; message: string }[]) => problems.map((p) => `${path.relative(dir, p.file)}:${p.line}: ${p.message}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('checkContent with a cache dir', () => {
  it('reports a link broken by an edit of the page it targets, though the linking file is unchanged', () => {
    sector('a', 1, 'Voir [la section](/secteurs/b/#les-donnees).');
    sector('b', 2, '## Les données\n\nDu texte.');
    expect(checkContent(dir, { cacheDir })).toEqual([]);
    sector('b', 2, '## Les chiffres\n\nDu texte.');
    const cached = messages(checkContent(dir, { cacheDir }));
    expect(cached).toEqual(messages(checkContent(dir)));
    expect(cached).toEqual([
      expect.stringMatching(/^secteurs\/a\.md:7: le lien « \/secteurs\/b\/#les-donnees » vise la section #les-donnees, qui n’existe pas.*#les-chiffres/),
    ]);
  });

  it('reports the problems of an unchanged file again, and cross-file ones (same order)', () => {
    sector('b', 1, '## Les chiffres\n\nTexte[^1].');
    const fresh = messages(checkContent(dir));
    expect(fresh).toHaveLength(4);
    expect(messages(checkContent(dir, { cacheDir }))).toEqual(fresh);
    expect(messages(checkContent(dir, { cacheDir }))).toEqual(fresh);
  });

  it('does not re-check an unchanged file: its summary comes from the cache', () => {
    const file = path.join(cacheDir, 'content-checks.json');
    const cache = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { entry: { file: string }; problems: unknown[] }>;
    const home = Object.values(cache).find((s) => s.entry.file.endsWith('accueil.md'))!;
    home.problems.push({ file: home.entry.file, line: 1, message: 'venu du cache' });
    writeFileSync(file, JSON.stringify(cache));
    expect(messages(checkContent(dir, { cacheDir }))).toContain('accueil.md:1: venu du cache');
    // Without the cache, the file is read again.
    expect(messages(checkContent(dir))).not.toContain('accueil.md:1: venu du cache');
  });
});
