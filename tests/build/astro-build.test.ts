import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { BUILD_COMMAND, buildEnvironment, projectRoot, removeAll } from './build-site.ts';

// `npm run build` hands astro.config.ts, loaded by Node, to Astro's build() (scripts/astro-build.ts) instead of
// running the `astro` command, which loads it through Vite. The site must be the one the command builds.
const work = mkdtempSync(path.join(tmpdir(), 'pe-astro-build-'));
afterAll(() => removeAll(work));

const astroBin = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const run = (argv: string[], outDir: string, cacheDir: string) =>
  spawnSync(process.execPath, argv, { cwd: projectRoot, encoding: 'utf8', env: buildEnvironment(outDir, cacheDir) });

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('npm run build', () => {
  it('builds, file for file, the site that the astro command builds from the same configuration', () => {
    const outDir = path.join(work, 'astro-command');
    const result = run([astroBin, 'build'], outDir, path.join(work, 'astro-command-cache'));
    expect(result.status, result.stderr).toBe(0);
    const site = inject('builds').site;
    // The search index is the next step of npm run build, not Astro's.
    const built = files(site).filter((file) => !file.startsWith('pagefind/'));
    expect(built.length).toBeGreaterThan(20);
    expect(built).toEqual(files(outDir));
    for (const file of built) expect(readFileSync(path.join(site, file)), file).toEqual(readFileSync(path.join(outDir, file)));
  });

  it('passes --force on to Astro, and the search index still follows', () => {
    const outDir = path.join(work, 'forced');
    const cacheDir = path.join(work, 'forced-cache');
    expect(run(BUILD_COMMAND, outDir, cacheDir).status).toBe(0);
    const forced = run([...BUILD_COMMAND, '--', '--force'], outDir, cacheDir);
    expect(forced.status, forced.stderr).toBe(0);
    // Astro's word for clearing the content it kept from the first build.
    expect(forced.stdout + forced.stderr).toMatch(/data store cleared \(force\)/);
    expect(forced.stdout).toMatch(/\[pagefind\] index de recherche : \d+ pages indexées/);
  });

  it('refuses an option it does not know, in French, before building anything', () => {
    const outDir = path.join(work, 'unknown-option');
    const result = run([...BUILD_COMMAND, '--', '--foce'], outDir, path.join(work, 'unknown-option-cache'));
    // 2 from the script; `node --run` reports any failure as 1.
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('option non reconnue dans « --foce » (options acceptées : --force, --verbose, --silent)');
    expect(result.stdout).not.toContain('[build]');
  });

  it('reports a failure with its message, not a crash of the build script', () => {
    const outDir = path.join(work, 'bad-edit-url');
    const result = spawnSync(process.execPath, BUILD_COMMAND, {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...buildEnvironment(outDir, path.join(work, 'bad-edit-url-cache')), EDIT_URL: 'ftp://exemple.org/' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^EDIT_URL doit être une adresse web complète \(valeur actuelle : « ftp:\/\/exemple\.org\/ »\)/m);
    // Astro's build stopped: no search index ran after it.
    expect(result.stdout).not.toContain('[pagefind]');
  });
});
