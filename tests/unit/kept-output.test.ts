import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { emptyFolder, pruneOlderThan, recordOwnership, takeOwnership } from '../../src/build/kept-output.ts';

function temporaryFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-kept-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function write(dir: string, file: string, text = file): string {
  const full = path.join(dir, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pruneOlderThan', () => {
  it('removes the files neither written since nor kept, and the folders they leave empty; keeps the rest', async () => {
    const dir = temporaryFolder();
    const kept = write(dir, 'secteurs/sante/index.html');
    write(dir, 'secteurs/retire/index.html');
    write(dir, 'og/secteurs/retire.png');
    write(dir, '_astro/ancien.js');
    write(dir, 'pagefind/fragment/fr_ancien.pf_fragment');
    await pause(30);
    const since = Date.now();
    await pause(30);
    write(dir, 'index.html');
    write(dir, 'og/secteurs/sante.png');
    write(dir, '_astro/nouveau.js');
    // A file's times can be set, its status change time cannot: setting them marks the file as changed now.
    utimesSync(kept, new Date(0), new Date(0));
    const keptAgain = write(dir, 'secteurs/finance/index.html');
    const removed = pruneOlderThan(dir, since, new Set([kept, keptAgain]), new Set(['pagefind']));
    expect(removed).toEqual(['_astro/ancien.js', 'og/secteurs/retire.png', 'secteurs/retire/index.html']);
    expect(existsSync(path.join(dir, 'secteurs/retire'))).toBe(false);
    expect(readdirSync(path.join(dir, 'secteurs')).sort()).toEqual(['finance', 'sante']);
    expect(existsSync(path.join(dir, 'pagefind/fragment/fr_ancien.pf_fragment'))).toBe(true);
    expect(existsSync(path.join(dir, 'index.html'))).toBe(true);
  });

  it('keeps a page Astro left in place, however old', async () => {
    const dir = temporaryFolder();
    const page = write(dir, 'secteurs/sante/index.html');
    await pause(30);
    expect(pruneOlderThan(dir, Date.now(), new Set([page]))).toEqual([]);
    expect(existsSync(page)).toBe(true);
  });
});

describe('takeOwnership', () => {
  it('holds for the folder this cache last built, untouched, once; not for another folder, nor after a change', async () => {
    const [cache, out, other] = [temporaryFolder(), temporaryFolder(), temporaryFolder()];
    expect(takeOwnership(cache, out)).toBe(false);
    write(out, 'index.html', 'accueil');
    recordOwnership(cache, out);
    expect(takeOwnership(cache, out)).toBe(true);
    // Used up: a build that stops half-way leaves no record behind.
    expect(takeOwnership(cache, out)).toBe(false);

    recordOwnership(cache, out);
    expect(takeOwnership(cache, other)).toBe(false);

    recordOwnership(cache, out);
    await pause(20);
    // Another build (another cache) wrote the folder since: every build writes the home page.
    write(out, 'index.html', 'accueil');
    expect(takeOwnership(cache, out)).toBe(false);
  });
});

describe('emptyFolder', () => {
  it('empties the folder as Astro does, its .git aside, and accepts a missing one', () => {
    const dir = temporaryFolder();
    write(dir, '.git/HEAD');
    write(dir, 'secteurs/sante/index.html');
    write(dir, 'index.html');
    expect(emptyFolder(dir)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.git']);
    expect(emptyFolder(dir)).toBe(false);
    expect(emptyFolder(path.join(dir, 'absent'))).toBe(false);
  });
});
