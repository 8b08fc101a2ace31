import { appendFileSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRepository } from '../../src/utils/files/git.ts';
import { git } from '../git.ts';

const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'pe-git-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

// A repository whose content lives in site/content/: three commits on fixed days.
const repo = path.join(work, 'depot');
const content = path.join(repo, 'site/content');
mkdirSync(repo);
git(repo, ['init', '-q']);
write(path.join(content, 'accueil.md'), 'accueil');
write(path.join(content, 'secteurs/finance.md'), 'finance');
write(path.join(content, 'secteurs/santé publique.md'), 'santé');
write(path.join(repo, 'README.md'), 'hors du contenu');
git(repo, ['add', '.']);
git(repo, ['commit', '-qm', 'premier'], '2026-03-01T09:00:00+01:00');
appendFileSync(path.join(content, 'secteurs/finance.md'), ' modifiée');
git(repo, ['commit', '-qam', 'finance'], '2026-03-15T23:30:00+01:00');
write(path.join(content, 'secteurs/cyber.md'), 'cyber');
git(repo, ['add', '.']);
git(repo, ['commit', '-qm', 'cyber'], '2026-04-02T08:00:00+02:00');

describe('readRepository', () => {
  it('gives each committed file of the folder the day of its last commit, in one reading', () => {
    const repository = readRepository(content)!;
    expect(repository.root).toBe(repo);
    expect(Object.fromEntries(repository.lastCommitDays)).toEqual({
      [path.join(content, 'accueil.md')]: '2026-03-01',
      // 23:30 in Paris is the 15th, though 22:30 UTC: the committer's own day.
      [path.join(content, 'secteurs/finance.md')]: '2026-03-15',
      [path.join(content, 'secteurs/santé publique.md')]: '2026-03-01',
      [path.join(content, 'secteurs/cyber.md')]: '2026-04-02',
    });
  });

  it('gives no day to a file with uncommitted changes, staged or not, nor to a file never committed', () => {
    const copy = path.join(work, 'modifiee');
    git(work, ['clone', '-q', repo, copy]);
    const dir = path.join(copy, 'site/content');
    appendFileSync(path.join(dir, 'accueil.md'), ' en cours');
    renameSync(path.join(dir, 'secteurs/cyber.md'), path.join(dir, 'secteurs/cybersecurite.md'));
    git(copy, ['add', '-A']);
    appendFileSync(path.join(dir, 'secteurs/finance.md'), ' pas encore indexée');
    write(path.join(dir, 'secteurs/nouveau.md'), 'nouveau');
    const days = readRepository(dir)!.lastCommitDays;
    expect([...days.keys()]).toEqual([path.join(dir, 'secteurs/santé publique.md')]);
  });

  it('gives no day at all in a shallow clone, where every file would seem to date from the last commit', () => {
    const shallow = path.join(work, 'superficiel');
    git(work, ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    const repository = readRepository(path.join(shallow, 'site/content'))!;
    expect(repository.root).toBe(shallow);
    expect(repository.lastCommitDays.size).toBe(0);
  });

  it('is undefined outside a repository', () => {
    const outside = path.join(work, 'hors-git');
    mkdirSync(outside);
    expect(readRepository(outside)).toBeUndefined();
  });
});
