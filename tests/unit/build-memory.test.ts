import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEMI_SPACE_MB, astroHeapLimitMb, countSectors, withHeapLimit } from '../../src/lib/build-memory';

describe('astroHeapLimitMb', () => {
  it('keeps a floor for small sites, where the heap is mostly code', () => {
    expect(astroHeapLimitMb(0)).toBe(400);
    expect(astroHeapLimitMb(6)).toBe(400);
    expect(astroHeapLimitMb(1000)).toBe(400);
  });

  it('grows linearly past the floor, so a larger site never runs out of heap', () => {
    expect(astroHeapLimitMb(10_000)).toBe(782);
    expect(astroHeapLimitMb(20_000)).toBe(2 * astroHeapLimitMb(10_000) - 1);
  });
});

describe('withHeapLimit', () => {
  it('adds the old-space cap and the young generation size to empty or unrelated options', () => {
    expect(withHeapLimit(undefined, 400)).toBe(`--max-old-space-size=400 --max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(withHeapLimit('  ', 400)).toBe(`--max-old-space-size=400 --max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(withHeapLimit('--enable-source-maps', 512)).toBe(`--enable-source-maps --max-old-space-size=512 --max-semi-space-size=${SEMI_SPACE_MB}`);
  });

  it('leaves each size chosen by whoever runs the build', () => {
    expect(withHeapLimit('--max-old-space-size=4096', 400)).toBe(`--max-old-space-size=4096 --max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(withHeapLimit('--trace-gc --max-old-space-size 2048', 400)).toBe(`--trace-gc --max-old-space-size 2048 --max-semi-space-size=${SEMI_SPACE_MB}`);
    expect(withHeapLimit('--max-semi-space-size=64', 400)).toBe('--max-semi-space-size=64 --max-old-space-size=400');
  });
});

describe('countSectors', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-count-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the .md and .mdx files of secteurs/, nothing else', () => {
    mkdirSync(path.join(dir, 'secteurs'));
    for (const f of ['a.md', 'b.mdx', 'notes.txt', 'c.md.bak']) writeFileSync(path.join(dir, 'secteurs', f), '');
    expect(countSectors(dir)).toBe(2);
  });

  it('is 0 for a folder without sectors (the build then reports what is missing)', () => {
    expect(countSectors(path.join(dir, 'absent'))).toBe(0);
  });
});
