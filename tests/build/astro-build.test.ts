import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { astroBin } from '../../scripts/bench-dev.ts';
import { buildEnvironment, buildInto, builtFiles, projectRoot, removeAll } from './build-site.ts';

// `npm run build` hands astro.config.ts, loaded by Node, to Astro's build() (scripts/astro-build.ts) instead of
// running the `astro` command, which loads it through Vite. The site must be the one the command builds.
const work = mkdtempSync(path.join(tmpdir(), 'pe-astro-build-'));
afterAll(() => removeAll(work));
const folders = (name: string) => [path.join(work, name), path.join(work, `${name}-cache`)] as const;

describe('npm run build', () => {
  it('builds, file for file, the site that the astro command builds from the same configuration', () => {
    const [outDir, cacheDir] = folders('astro-command');
    const result = spawnSync(process.execPath, [astroBin, 'build'], { cwd: projectRoot, encoding: 'utf8', env: buildEnvironment(outDir, cacheDir) });
    expect(result.status, result.stderr).toBe(0);
    const site = inject('builds').site;
    // The search index is the next step of npm run build, not Astro's.
    const built = builtFiles(site).filter((file) => !file.startsWith('pagefind/'));
    expect(built.length).toBeGreaterThan(20);
    expect(built).toEqual(builtFiles(outDir));
    for (const file of built) expect(readFileSync(path.join(site, file)), file).toEqual(readFileSync(path.join(outDir, file)));
  });

  it('passes --force on to Astro, and the search index still follows', () => {
    const [outDir, cacheDir] = folders('forced');
    expect(buildInto(outDir, cacheDir).status).toBe(0);
    const forced = buildInto(outDir, cacheDir, {}, ['--force']);
    expect(forced.status, forced.output).toBe(0);
    // Astro's word for clearing the content it kept from the first build.
    expect(forced.output).toMatch(/data store cleared \(force\)/);
    expect(forced.output).toMatch(/\[pagefind\] index de recherche : \d+ pages indexées/);
  });

  it('refuses an option it does not know, in French, before building anything', () => {
    const result = buildInto(...folders('unknown-option'), {}, ['--foce']);
    // 2 from the script; `node --run` reports any failure as 1.
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('option non reconnue dans « --foce » (options acceptées : --force, --verbose, --silent)');
    expect(result.output).not.toContain('[build]');
  });

  it('reports a failure with its message, not a crash of the build script', () => {
    const result = buildInto(...folders('bad-edit-url'), { EDIT_URL: 'ftp://exemple.org/' });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/^EDIT_URL doit être une adresse web complète \(valeur actuelle : « ftp:\/\/exemple\.org\/ »\)/m);
    // Astro's build stopped: no search index ran after it.
    expect(result.output).not.toContain('[pagefind]');
  });
});
