import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeWholeFile, writeWholeFileSync } from '../../src/utils/files/write-whole.ts';

/** A folder for this test only. */
function temporaryFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-write-'));
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
