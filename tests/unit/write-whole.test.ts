import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { linkWhole, writeWholeFile, writeWholeFileSync } from '../../src/utils/files/write-whole.ts';

/** A folder for this test only (in `parent`, the system's temporary folder by default). */
function temporaryFolder(parent = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, 'pe-write-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('writeWholeFile', () => {
  it('replaces a file with the new text and leaves no temporary file beside it', async () => {
    const dir = temporaryFolder();
    const file = path.join(dir, 'finance.md');
    writeFileSync(file, 'ancien');
    writeWholeFileSync(file, 'nouveau, sync');
    expect(readFileSync(file, 'utf8')).toBe('nouveau, sync');
    await writeWholeFile(file, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['finance.md']);
  });

  it('never shows a reader half a file: parallel writers of one file each leave a whole version', async () => {
    const dir = temporaryFolder();
    const file = path.join(dir, 'image.png');
    const versions = ['a', 'b', 'c', 'd'].map((c) => c.repeat(1 << 20));
    await Promise.all(versions.map((v) => writeWholeFile(file, v)));
    expect(versions).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['image.png']);
  });

  it('fails as writeFile does when the folder is missing, leaving nothing behind', () => {
    const dir = temporaryFolder();
    expect(() => writeWholeFileSync(path.join(dir, 'absent', 'x.md'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('linkWhole', () => {
  it('makes the destination the source file itself: no bytes copied', async () => {
    const dir = temporaryFolder();
    const source = path.join(dir, 'cache.png');
    writeFileSync(source, 'image en cache');
    await linkWhole(source, path.join(dir, 'sortie.png'));
    expect(statSync(path.join(dir, 'sortie.png')).ino).toBe(statSync(source).ino);
    expect(readFileSync(path.join(dir, 'sortie.png'), 'utf8')).toBe('image en cache');
  });

  it('replaces an existing destination without writing into the file it shared', async () => {
    const dir = temporaryFolder();
    const [old, fresh, destination] = ['ancienne.png', 'nouvelle.png', 'sortie.png'].map((name) => path.join(dir, name));
    writeFileSync(old, 'ancienne image');
    writeFileSync(fresh, 'nouvelle image');
    // A previous build linked the destination to another cache entry.
    await linkWhole(old, destination);
    await linkWhole(fresh, destination);
    expect(readFileSync(destination, 'utf8')).toBe('nouvelle image');
    expect(readFileSync(old, 'utf8')).toBe('ancienne image');
    expect(readdirSync(dir).sort()).toEqual(['ancienne.png', 'nouvelle.png', 'sortie.png']);
  });

  it('linking again the file the destination already is leaves nothing beside it, and marks it as written now', async () => {
    const dir = temporaryFolder();
    const [source, destination] = ['cache.png', 'sortie.png'].map((name) => path.join(dir, name));
    writeFileSync(source, 'image en cache');
    await linkWhole(source, destination);
    const before = statSync(destination, { bigint: true }).ctimeNs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The next build of a kept output folder (src/build/kept-output.ts): rename() between two links of one file does nothing.
    await linkWhole(source, destination);
    expect(readdirSync(dir).sort()).toEqual(['cache.png', 'sortie.png']);
    expect(statSync(destination).ino).toBe(statSync(source).ino);
    expect(statSync(destination, { bigint: true }).ctimeNs).toBeGreaterThan(before);
  });

  it('fails as link does when the source is missing, leaving nothing behind', async () => {
    const dir = temporaryFolder();
    await expect(linkWhole(path.join(dir, 'absente.png'), path.join(dir, 'sortie.png'))).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  // Linux's shared memory is another file system than the temporary folder, where no link can cross.
  const otherDisk = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(tmpdir()).dev;
  it.runIf(otherDisk)('copies across file systems, where no link can be made', async () => {
    const source = path.join(temporaryFolder('/dev/shm'), 'cache.png');
    writeFileSync(source, 'image en cache');
    const dir = temporaryFolder();
    await linkWhole(source, path.join(dir, 'sortie.png'));
    expect(readFileSync(path.join(dir, 'sortie.png'), 'utf8')).toBe('image en cache');
    expect(readdirSync(dir)).toEqual(['sortie.png']);
  });
});
