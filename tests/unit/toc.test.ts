import { describe, expect, it } from 'vitest';
import { tocEntries } from '../../src/utils/navigation/toc.ts';

const h = (depth: number, text: string) => ({ depth, slug: text.toLowerCase(), text });

describe('tocEntries', () => {
  it('lists h2 and h3 in order when the page has two sections or more', () => {
    expect(tocEntries([h(2, 'Un'), h(3, 'Détail'), h(4, 'Trop fin'), h(2, 'Deux')]).map((e) => e.text)).toEqual(['Un', 'Détail', 'Deux']);
  });

  it('is empty with a single section, even with subsections', () => {
    expect(tocEntries([h(2, 'Seule'), h(3, 'Sous-partie'), h(3, 'Autre')])).toEqual([]);
    expect(tocEntries([])).toEqual([]);
  });
});
