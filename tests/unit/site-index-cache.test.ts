import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteIndex } from '../../src/checks/files/site-index.ts';

// `npm run dev` resolves each page's links against the index: it must see edits, and not re-read unchanged files.
const dir = mkdtempSync(path.join(tmpdir(), 'pe-index-'));
mkdirSync(path.join(dir, 'secteurs'));
const write = (name: string, title: string) =>
  writeFileSync(path.join(dir, 'secteurs', name), `---\ntitle: "${title}"\ndescription: "Une description."\norder: 1\n---\n\n## ${title}\n`);
const anchorsOf = (name: string) => [...(siteIndex(dir).byFile.get(path.join(dir, 'secteurs', name))?.anchors ?? [])];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteIndex caching', () => {
  it('does not read an unchanged file again', () => {
    write('a.md', 'Premier');
    const [first] = siteIndex(dir).entries;
    expect(siteIndex(dir).entries[0]).toBe(first);
    expect([...first.anchors]).toContain('premier');
  });

  it('sees an added or edited file at the next call', () => {
    write('b.md', 'Deuxième');
    expect(siteIndex(dir).entries).toHaveLength(2);
    write('a.md', 'Renommé');
    expect(anchorsOf('a.md')).toContain('renomme');
  });
});
