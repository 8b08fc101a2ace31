import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, contentWith, removeAll, type BuildResult } from './build-site.ts';
import { reportFor, runScript } from './editor-commands.ts';

// A rebuild takes each unchanged file's checks from Astro's content store: it must report what a fresh check reports.
let content = '';
let work = '';
const builds: BuildResult[] = [];
const sector = (name: string, order: number, body: string) =>
  writeFileSync(path.join(content, 'secteurs', `${name}.md`), `---\ntitle: "${name}"\ndescription: "Une description."\norder: ${order}\n---\n\n${body}\n`);

beforeAll(() => {
  content = contentWith('extra-sector');
  work = mkdtempSync(path.join(tmpdir(), 'pe-checks-cache-'));
  const build = () => builds.push(buildInto(path.join(work, 'dist'), path.join(work, 'cache'), { CONTENT_DIR: content }));
  sector('lien-a', 20, 'Voir [la section](/secteurs/lien-b/#les-donnees).');
  sector('lien-b', 21, '## Les données\n\nDu texte.');
  build();
  sector('lien-b', 21, '## Les chiffres\n\nDu texte.');
  build();
});
afterAll(() => removeAll(content, work));

describe('the content checks kept in the cache', () => {
  it('are in Astro’s content store after a build, for each rendered file', () => {
    expect(builds[0].status, builds[0].output).toBe(0);
    expect(readFileSync(path.join(work, 'cache/data-store.json'), 'utf8')).toContain('contentChecks');
  });

  it('report a link broken by an edit of the page it targets, though the linking file is unchanged, as npm run check does', () => {
    const rebuild = builds[1];
    expect(rebuild.status).not.toBe(0);
    const file = path.join(content, 'secteurs/lien-a.md');
    const lines = reportFor(rebuild.output, file);
    expect(lines).toEqual([
      expect.stringMatching(/^ligne 7 : le lien « \/secteurs\/lien-b\/#les-donnees » vise la section #les-donnees, qui n’existe pas.*#les-chiffres/),
    ]);
    expect(reportFor(runScript('check-content', content).output, file)).toEqual(lines);
  });
});
