import { describe, expect, it } from 'vitest';
import { editedSector, syntheticSector } from '../../scripts/bench-content.ts';

const frontmatter = (text: string) => Object.fromEntries([...text.split('---')[1].matchAll(/^(\w+): "?(.*?)"?$/gm)].map(([, k, v]) => [k, v]));

describe('syntheticSector (the benchmark’s content)', () => {
  it('gives every sector its own file, title and order', () => {
    const sectors = Array.from({ length: 5000 }, (_, i) => syntheticSector(i + 1));
    expect(new Set(sectors.map((s) => s.fileName)).size).toBe(5000);
    expect(new Set(sectors.map((s) => frontmatter(s.text).title)).size).toBe(5000);
    expect(frontmatter(sectors[41].text).order).toBe('42');
    expect(sectors[41].fileName).toBe('secteur-0042.md');
  });

  it('keeps every description within the schema’s 160 characters', () => {
    for (let i = 1; i <= 5000; i++) expect(frontmatter(syntheticSector(i).text).description.length, `secteur ${i}`).toBeLessThanOrEqual(160);
  });

  it('has the parts of a real page: headings, a list, a table and two called footnotes', () => {
    const { text } = syntheticSector(7);
    expect(text.match(/^## /gm)).toHaveLength(3);
    expect(text.match(/^- /gm)?.length).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/^\| --- \| --- \| --- \|$/m);
    expect(text.match(/^\[\^\d\]: \[.+\]\(https:\/\/example\.org\/.+\)$/gm)).toHaveLength(2);
    expect(text.match(/\[\^\d\](?!:)/g)).toHaveLength(2);
  });

  it('is the same from one run to the next, so that runs compare', () => {
    expect(syntheticSector(123)).toEqual(syntheticSector(123));
  });

  it('edits a sector by adding text, leaving the frontmatter intact', () => {
    const { text } = syntheticSector(3);
    const edited = editedSector(text, 'x');
    expect(edited.startsWith(text.trimEnd())).toBe(true);
    expect(edited).not.toBe(text);
  });
});
