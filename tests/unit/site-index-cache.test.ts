import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { siteIndex } from '../../src/lib/site-index';

// The markdown pipeline asks for the index once per page: a build must not re-read the folder each time.
const dir = mkdtempSync(path.join(tmpdir(), 'pe-index-'));
mkdirSync(path.join(dir, 'secteurs'));
const write = (name: string, title: string) =>
  writeFileSync(path.join(dir, 'secteurs', name), `---\ntitle: "${title}"\ndescription: "Une description."\norder: 1\n---\n\n## ${title}\n`);
const anchorsOf = (name: string) => [...(siteIndex(dir).byFile.get(path.join(dir, 'secteurs', name))?.anchors ?? [])];
const flag = process.env.PE_DEV_SERVER;

afterEach(() => {
  if (flag === undefined) delete process.env.PE_DEV_SERVER;
  else process.env.PE_DEV_SERVER = flag;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('siteIndex caching', () => {
  it('in a build, reads the folder once: later calls return the same index', () => {
    process.env.PE_DEV_SERVER = '0';
    write('a.md', 'Premier');
    const first = siteIndex(dir);
    write('b.md', 'Deuxième');
    expect(siteIndex(dir)).toBe(first);
    expect(siteIndex(dir).entries).toHaveLength(1);
  });

  it('in the dev server, sees an added or edited file at the next call', () => {
    process.env.PE_DEV_SERVER = '1';
    expect(siteIndex(dir).entries).toHaveLength(2);
    write('a.md', 'Renommé');
    expect(anchorsOf('a.md')).toContain('renomme');
  });
});
