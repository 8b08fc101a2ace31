import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from './build-site.ts';
import { BuiltSite } from './site.ts';

// `npm run build` indexes after Astro's process has exited (scripts/search-index.ts), not in the hook.
const built = new BuiltSite(inject('builds').site);
const work = mkdtempSync(path.join(tmpdir(), 'pe-index-step-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const indexStep = (outDir: string) =>
  spawnSync(process.execPath, [path.join(projectRoot, 'scripts/search-index.ts')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, OUT_DIR: outDir },
  });

describe('the search index step run after astro build', () => {
  it('indexes the built pages of OUT_DIR in French', () => {
    const site = path.join(work, 'site');
    const sectors = built.pages().filter((p) => p.startsWith('/secteurs/') && p !== '/secteurs/');
    expect(sectors.length).toBeGreaterThan(1);
    for (const page of ['/', ...sectors]) {
      mkdirSync(path.join(site, page), { recursive: true });
      cpSync(built.fileFor(page)!, path.join(site, page, 'index.html'));
    }
    const result = indexStep(site);
    expect(result.status, result.stderr).toBe(0);
    const entry = JSON.parse(readFileSync(path.join(site, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['fr']);
    expect(entry.languages.fr.page_count).toBe(sectors.length);
    expect(result.stdout).toContain(`${sectors.length} pages indexées`);
  });

  it('fails with a message naming the folder when it has nothing to index', () => {
    const empty = path.join(work, 'vide');
    mkdirSync(empty);
    const result = indexStep(empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Pagefind : échec');
    expect(result.stderr).toContain(empty);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
