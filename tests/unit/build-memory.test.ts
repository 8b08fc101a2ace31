import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEMI_SPACE_MB, SIZE_FOR_MEMORY_FROM, astroHeapLimitMb, countSectors, heapOptions, withNodeOptions } from '../../src/build/build-memory.ts';

describe('heapOptions', () => {
  it('leaves V8’s own sizing, the fastest, to sites below the threshold', () => {
    expect(heapOptions(6)).toEqual([]);
    expect(heapOptions(1000)).toEqual([]);
    expect(heapOptions(SIZE_FOR_MEMORY_FROM - 1)).toEqual([]);
  });

  it('caps the old space and shrinks the young generation from the threshold on', () => {
    expect(heapOptions(SIZE_FOR_MEMORY_FROM)).toEqual(['--max-old-space-size=400', `--max-semi-space-size=${SEMI_SPACE_MB}`]);
    expect(heapOptions(5000)).toEqual(['--max-old-space-size=400', `--max-semi-space-size=${SEMI_SPACE_MB}`]);
  });
});

describe('astroHeapLimitMb', () => {
  it('keeps a floor up to 5000 sectors, then grows linearly so a larger site never runs out of heap', () => {
    expect(astroHeapLimitMb(2500)).toBe(400);
    expect(astroHeapLimitMb(5000)).toBe(400);
    expect(astroHeapLimitMb(10_000)).toBe(782);
    expect(astroHeapLimitMb(20_000)).toBe(2 * astroHeapLimitMb(10_000) - 1);
  });
});

describe('withNodeOptions', () => {
  const options = ['--max-old-space-size=400', '--max-semi-space-size=8'];

  it('adds the options to empty or unrelated ones', () => {
    expect(withNodeOptions(undefined, options)).toBe('--max-old-space-size=400 --max-semi-space-size=8');
    expect(withNodeOptions('  ', options)).toBe('--max-old-space-size=400 --max-semi-space-size=8');
    expect(withNodeOptions('--enable-source-maps', options)).toBe('--enable-source-maps --max-old-space-size=400 --max-semi-space-size=8');
    expect(withNodeOptions('--trace-gc', [])).toBe('--trace-gc');
  });

  it('leaves each option whoever runs the build already set', () => {
    expect(withNodeOptions('--max-old-space-size=4096', options)).toBe('--max-old-space-size=4096 --max-semi-space-size=8');
    expect(withNodeOptions('--trace-gc --max-old-space-size 2048', options)).toBe('--trace-gc --max-old-space-size 2048 --max-semi-space-size=8');
    expect(withNodeOptions('--max-semi-space-size=64', options)).toBe('--max-semi-space-size=64 --max-old-space-size=400');
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
