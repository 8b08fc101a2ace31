import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { sourceDigest } from '../../src/build/source-digest.ts';
import { builtFiles, projectRoot } from './build-site.ts';

// tests/build/incremental-scenario.ts: one cache, six rebuilds after edits, each beside a clean build.
const { cacheDir, steps } = inject('incremental');

const page = (id: string) => `/secteurs/${id}/index.html`;
const preview = (id: string) => `/og/secteurs/${id}.png`;
const sectorIds = (dir: string) => readdirSync(path.join(dir, 'secteurs')).sort();
const ALWAYS_RENDERED = ['/index.html', '/404.html', '/recherche/index.html', '/references/index.html', '/robots.txt'];

describe('incremental rebuild', () => {
  it('ran every step of the scenario', () => {
    expect(steps.map((s) => s.name)).toEqual([
      'titre modifié, 12 secteurs',
      'secteur ajouté, 13 secteurs',
      'titre et textes modifiés, 13 secteurs',
      'secteur retiré et secteur ajouté, 13 secteurs',
      'secteur daté d’un nouveau commit, fichier identique',
      'EDIT_URL ajouté',
      'dossier de sortie écrit par une autre construction',
    ]);
  });

  describe.for(steps)('$name', (step) => {
    it('gives the same files as a clean build of the same content, byte for byte', () => {
      const list = builtFiles(step.incremental);
      expect(list).toEqual(builtFiles(step.clean));
      expect(list.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(12);
      const different = list.filter((f) => !readFileSync(path.join(step.incremental, f)).equals(readFileSync(path.join(step.clean, f))));
      expect(different).toEqual([]);
    });

    it('renders again the changed sector pages only, and copies the others', () => {
      const ids = sectorIds(step.incremental);
      // A keyed page is rendered when its copy in the cache is written again, copied when it is left as it was.
      const rendered = ids.filter((id) => step.cacheWrites.includes(page(id)));
      const copied = ids.filter((id) => step.cached.includes(page(id)) && !step.cacheWrites.includes(page(id)));
      expect(rendered).toEqual([...step.renderedSectors].sort());
      expect(copied).toEqual(ids.filter((id) => !step.renderedSectors.includes(id)));
    });

    it('draws again the previews whose text changed only, and writes every preview from its own cache, not Astro’s', () => {
      const ids = sectorIds(step.incremental);
      expect(step.drawnPreviews).toEqual(step.renderedPreviews.map(preview).sort());
      expect(builtFiles(step.incremental)).toEqual(expect.arrayContaining(['og/accueil.png', ...ids.map((id) => preview(id).slice(1))]));
      expect(step.cached.filter((file) => file.startsWith('/og/'))).toEqual([]);
      // Nor as Astro's routes (each one costs Astro's page machinery): its log lists every route it generates
      // (in colour where the terminal or CI asks for it).
      const log = stripVTControlCharacters(step.incrementalLog);
      expect(log).toMatch(/├─ \/secteurs\/secteur-0001\/index\.html/);
      expect(log).not.toMatch(/├─ \/og\//);
    });

    it('renders every time the pages that list all sectors: no copy of them is kept to be reused', () => {
      for (const file of ALWAYS_RENDERED) {
        expect(step.cached, file).not.toContain(file);
        expect(builtFiles(step.incremental), file).toContain(file.slice(1));
      }
    });

    it('leaves no page nor preview of a removed sector, and drops it from the cache', () => {
      const ids = sectorIds(step.incremental);
      for (const id of step.removedSectors) {
        expect(ids).not.toContain(id);
        expect(step.cached).not.toContain(page(id));
        expect(builtFiles(step.incremental)).not.toContain(preview(id).slice(1));
        expect(step.incrementalLog).toMatch(/Pruned 1 stale file\(s\) from the incremental cache/);
      }
    });
  });

  it('shows a title edit on every page with 12 sectors, on its neighbours only with 13', () => {
    const [twelve, , thirteen] = steps;
    expect(readFileSync(path.join(twelve.incremental, page('secteur-0001')), 'utf8')).toContain('Un titre modifié (secteur 6)');
    const neighbour = readFileSync(path.join(thirteen.incremental, page('secteur-0009')), 'utf8');
    expect(neighbour).toMatch(/rel="prev"[^]*Un autre titre modifié \(secteur 8\)/);
    expect(readFileSync(path.join(thirteen.incremental, page('secteur-0001')), 'utf8')).not.toContain('secteur 8)');
  });

  it('shows the day of the last commit, none for a file edited since, and the edit link once EDIT_URL is set', () => {
    const [first, , , , dated, edit] = steps;
    const shown = (dir: string, id: string) => /Mis à jour le <time datetime="([\d-]+)">/.exec(readFileSync(path.join(dir, page(id)), 'utf8'))?.[1];
    expect(shown(first.incremental, 'secteur-0005')).toBe('2026-03-01');
    expect(shown(first.incremental, 'secteur-0006')).toBeUndefined();
    expect(shown(dated.incremental, 'secteur-0005')).toBe('2026-04-02');
    expect(shown(dated.incremental, 'secteur-0004')).toBe('2026-03-01');
    expect(readFileSync(path.join(edit.incremental, page('secteur-0005')), 'utf8')).toMatch(
      /<a href="https:\/\/github\.com\/compte\/depot\/edit\/main\/secteurs\/secteur-0005\.md"[^>]*>Modifier cette page<\/a>/,
    );
  });

  it('keeps the output folder between builds, removing what a rebuild no longer makes, unless another build wrote it since', () => {
    const log = (step: (typeof steps)[number]) => stripVTControlCharacters(step.incrementalLog);
    const [removal] = steps.filter((step) => step.removedSectors.length);
    // The removed sector's page and preview (the search index replaces its own folder).
    expect(log(removal)).toMatch(/\b2 fichier\(s\) d’une construction précédente retiré\(s\)/);
    for (const step of steps.slice(0, -1)) expect(log(step)).not.toMatch(/dossier de sortie vidé/);
    expect(log(steps.at(-1)!)).toMatch(/dossier de sortie vidé : ce n’est pas celui que la construction précédente a laissé/);
  });

  it('puts the markdown pipeline’s code digest into the config digest of Astro’s content store', () => {
    // astro.config.ts: an edited remark or rehype plugin must clear the rendered markdown kept in the cache.
    const digest = sourceDigest(projectRoot, [path.join(projectRoot, 'src/markdown/pipeline.ts')], [path.join(projectRoot, 'package-lock.json')]);
    const store = readFileSync(path.join(cacheDir, 'data-store.json'), 'utf8');
    expect(store).toMatch(new RegExp(`astro-config-digest[^]*sourceDigest[^]*${digest}`));
  });
});
