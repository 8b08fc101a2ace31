import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editBaseUrl } from '../../src/settings.ts';
import { frenchDay, pageSource } from '../../src/utils/files/page-source.ts';

const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'pe-source-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const finance = path.join(work, 'docs/content/secteurs/finance.md');
mkdirSync(path.dirname(finance), { recursive: true });
writeFileSync(finance, 'finance');
const repository = { root: work, lastCommitDays: new Map([[finance, '2026-03-15']]) };
const EDIT = 'https://github.com/compte/depot/edit/main/';

describe('frenchDay', () => {
  it('writes the day as French readers do, « 1er » for the first of the month', () => {
    expect(frenchDay('2026-03-15')).toBe('15 mars 2026');
    expect(frenchDay('2026-03-01')).toBe('1er mars 2026');
    expect(frenchDay('2026-08-02')).toBe('2 août 2026');
    expect(frenchDay('2026-12-31')).toBe('31 décembre 2026');
  });
});

describe('pageSource', () => {
  it('takes the frontmatter’s updated first, then the last commit, else gives no day', () => {
    expect(pageSource(finance, new Date('2026-01-31'), { repository, projectRoot: work }).lastChange).toBe('2026-01-31');
    expect(pageSource(finance, undefined, { repository, projectRoot: work }).lastChange).toBe('2026-03-15');
    expect(pageSource(finance, undefined, { repository: { root: work, lastCommitDays: new Map() }, projectRoot: work })).toEqual({});
    expect(pageSource(finance, undefined, { projectRoot: work })).toEqual({});
  });

  it('links to the file’s path from the repository’s root, whatever the content folder, with its extension', () => {
    expect(pageSource(finance, undefined, { repository, editBase: EDIT, projectRoot: path.join(work, 'docs') }).editUrl).toBe(
      `${EDIT}docs/content/secteurs/finance.md`,
    );
    expect(pageSource(path.join(work, 'docs/content/secteurs/santé publique.mdx'), undefined, { repository, editBase: EDIT, projectRoot: work }).editUrl).toBe(
      `${EDIT}docs/content/secteurs/sant%C3%A9%20publique.mdx`,
    );
  });

  it('finds the file behind a symbolic link, and outside git takes the path from the project’s folder', () => {
    const link = path.join(work, 'lien');
    symlinkSync(path.join(work, 'docs'), link);
    expect(pageSource(path.join(link, 'content/secteurs/finance.md'), undefined, { repository, editBase: EDIT, projectRoot: work })).toEqual({
      lastChange: '2026-03-15',
      editUrl: `${EDIT}docs/content/secteurs/finance.md`,
    });
    expect(pageSource(finance, undefined, { editBase: EDIT, projectRoot: path.join(work, 'docs') }).editUrl).toBe(`${EDIT}content/secteurs/finance.md`);
  });

  it('gives no edit link without EDIT_URL, nor for a file outside the repository', () => {
    expect(pageSource(finance, undefined, { repository, projectRoot: work }).editUrl).toBeUndefined();
    expect(pageSource('/ailleurs/finance.md', undefined, { repository, editBase: EDIT, projectRoot: work }).editUrl).toBeUndefined();
  });
});

describe('EDIT_URL', () => {
  it('is optional, gets its final slash, and must be a web address', () => {
    expect(editBaseUrl({})).toBeUndefined();
    expect(editBaseUrl({ EDIT_URL: ' ' })).toBeUndefined();
    expect(editBaseUrl({ EDIT_URL: 'https://github.com/compte/depot/edit/main' })).toBe(EDIT);
    expect(editBaseUrl({ EDIT_URL: EDIT })).toBe(EDIT);
    expect(() => editBaseUrl({ EDIT_URL: 'github.com/compte/depot' })).toThrow(/EDIT_URL doit être une adresse web complète/);
    expect(() => editBaseUrl({ EDIT_URL: 'javascript:alert(1)//' })).toThrow(/EDIT_URL/);
  });
});
