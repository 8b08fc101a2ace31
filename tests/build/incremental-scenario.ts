import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildInto, buildSite, projectRoot, type BuildResult } from './build-site.ts';
import { editedSector, syntheticSector, writeSyntheticContent } from '../../scripts/bench-content.ts';
import { FULL_NAV_LIMIT } from '../../src/utils/navigation/nav.ts';
import { commitAll, git } from '../git.ts';

/** One rebuild of the scenario: what changed, what should be rendered again, and the two outputs to compare. */
export interface IncrementalStep {
  name: string;
  /** Sector ids whose page must be rendered again (the others are copied from the previous build). */
  renderedSectors: string[];
  /** Sector ids whose preview image must be drawn again. */
  renderedPreviews: string[];
  /** Sector ids that no longer exist. */
  removedSectors: string[];
  /** Output of the incremental rebuild (copied aside: the next rebuild changes the output folder, which builds keep). */
  incremental: string;
  incrementalLog: string;
  /**
   * Files ('/secteurs/x/index.html') whose copy in the incremental cache this rebuild wrote: Astro writes it
   * when it renders a keyed page and leaves it when it copies the page (its log cannot tell: with
   * `build.concurrency` > 1 the lines of pages rendered side by side interleave).
   */
  cacheWrites: string[];
  /** Files the incremental cache holds after the rebuild. */
  cached: string[];
  /**
   * Preview images ('/og/secteurs/x.png') this rebuild drew: those whose copy in the image cache it wrote
   * (the cache names files by a digest of what they draw, so an image is known by its bytes in the output).
   */
  drawnPreviews: string[];
  /** Output of a clean build of the same content: fresh output and cache folders. */
  clean: string;
}

export interface IncrementalScenario {
  /** The cache folder shared by the incremental builds. */
  cacheDir: string;
  steps: IncrementalStep[];
}

/** Each file of a folder of the cache ('dist': the incremental cache's copy of the site), with the time it was last written (ns). */
function cacheCopies(cacheDir: string, folder = 'dist'): Map<string, bigint> {
  const dir = path.join(cacheDir, folder);
  if (!existsSync(dir)) return new Map();
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const file = path.join(e.parentPath, e.name);
        return ['/' + path.relative(dir, file).split(path.sep).join('/'), statSync(file, { bigint: true }).mtimeNs] as const;
      }),
  );
}

const id = (i: number) => `secteur-${String(i).padStart(4, '0')}`;

// A sector written in MDX: Astro tracks its compiled module itself (content entry render hash).
const MDX = `---
title: "La logistique"
description: "Secteur de test écrit en MDX, dernier de la liste."
order: 50
---

export const etapes = ['commande', 'entrepôt', 'livraison'];

Un secteur en <abbr title="Markdown avec composants">MDX</abbr>, qui suit {etapes.length} étapes[^1].

[^1]: [Source de test](https://example.org/logistique)
`;

const NEW = `---
title: "Un secteur ajouté"
description: "Ajouté pendant qu’un autre est retiré : le nombre de secteurs ne change pas."
order: 20
---

Un secteur ajouté au milieu de la liste, entre le douzième secteur synthétique et la logistique[^1].

[^1]: [Source ajoutée](https://example.org/ajout)
`;

/**
 * Builds a small site with one persistent cache, then rebuilds it after each group of edits and
 * builds the same content from scratch beside it. 11 synthetic sectors and one MDX sector fill the
 * header (FULL_NAV_LIMIT = 12, every title listed); a thirteenth switches it to the count only.
 * Builds run one after the other: they share the project's .astro/ folder.
 */
export function runIncrementalScenario(): { scenario: IncrementalScenario; temporary: string[] } {
  if (FULL_NAV_LIMIT !== 12) throw new Error('Le scénario suppose FULL_NAV_LIMIT = 12 : adaptez le nombre de secteurs.');
  const work = mkdtempSync(path.join(tmpdir(), 'pe-incremental-'));
  const content = path.join(work, 'content');
  let cacheDir = path.join(work, 'cache');
  const outDir = path.join(work, 'dist');
  const sectorFile = (name: string) => path.join(content, 'secteurs', name);
  const env = { CONTENT_DIR: content };
  const builds: BuildResult[] = [];
  const check = (build: BuildResult, what: string) => {
    builds.push(build);
    if (build.status !== 0) throw new Error(`La construction ${what} a échoué :\n${build.output}`);
    return build;
  };

  writeSyntheticContent(content, 11, readFileSync(path.join(projectRoot, 'content/accueil.md'), 'utf8'));
  writeFileSync(sectorFile('logistique.mdx'), MDX);
  // In git: the pages show the day of their file's last commit (until an edit leaves it uncommitted).
  git(content, ['init', '-q']);
  commitAll(content, 'contenu initial', '2026-03-01T10:00:00+01:00');
  check(buildInto(outDir, cacheDir, env), 'initiale');

  const steps: IncrementalStep[] = [];
  const rebuild = (
    name: string,
    expected: Pick<IncrementalStep, 'renderedSectors' | 'renderedPreviews' | 'removedSectors'>,
    launch: Record<string, string> = {},
  ) => {
    const written = (before: Map<string, bigint>, after: Map<string, bigint>) =>
      [...after].filter(([file, time]) => before.get(file) !== time).map(([file]) => file);
    const [before, imagesBefore] = [cacheCopies(cacheDir), cacheCopies(cacheDir, 'preview-images')];
    const incremental = check(buildInto(outDir, cacheDir, { ...env, ...launch }), `incrémentale (${name})`);
    const after = cacheCopies(cacheDir);
    const cacheWrites = written(before, after);
    const drawn = written(imagesBefore, cacheCopies(cacheDir, 'preview-images')).map((file) => readFileSync(path.join(cacheDir, 'preview-images', file)));
    const previews = readdirSync(path.join(outDir, 'og/secteurs')).map((file) => `/og/secteurs/${file}`);
    const drawnPreviews = previews.filter((file) => drawn.some((png) => png.equals(readFileSync(path.join(outDir, file)))));
    const snapshot = path.join(work, `step-${steps.length + 1}`);
    cpSync(outDir, snapshot, { recursive: true });
    const clean = check(buildSite({ ...env, ...launch }), `à neuf (${name})`);
    steps.push({
      name,
      ...expected,
      incremental: snapshot,
      incrementalLog: incremental.output,
      cacheWrites,
      cached: [...after.keys()],
      drawnPreviews,
      clean: clean.outDir,
    });
  };
  const all = (...extra: string[]) => [...Array.from({ length: 11 }, (_, i) => id(i + 1)), 'logistique', ...extra];
  const setTitle = (i: number, title: string) => {
    const file = sectorFile(`${id(i)}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: ".*"$/m, `title: "${title}"`));
  };

  // 12 sectors: the header lists every title, so every page shows the edited one.
  setTitle(6, 'Un titre modifié (secteur 6)');
  rebuild('titre modifié, 12 secteurs', { renderedSectors: all(), renderedPreviews: [id(6)], removedSectors: [] });

  // 13 sectors: the header shows only the count, which every page shows.
  const twelfth = syntheticSector(12);
  writeFileSync(sectorFile(twelfth.fileName), twelfth.text);
  rebuild('secteur ajouté, 13 secteurs', { renderedSectors: all(id(12)), renderedPreviews: [id(12)], removedSectors: [] });

  // A title edit now changes its page and its two neighbours' links; body edits change their page only.
  // Started another way (the shell's `_` differs between npm, node --run, time…): the same pages are copied.
  setTitle(8, 'Un autre titre modifié (secteur 8)');
  writeFileSync(sectorFile(`${id(3)}.md`), editedSector(readFileSync(sectorFile(`${id(3)}.md`), 'utf8'), 'test incrémental'));
  writeFileSync(sectorFile('logistique.mdx'), MDX.replace('étapes[^1].', 'étapes[^1], modifié.'));
  rebuild(
    'titre et textes modifiés, 13 secteurs',
    {
      renderedSectors: [id(3), id(7), id(8), id(9), 'logistique'],
      renderedPreviews: [id(8)],
      removedSectors: [],
    },
    { _: '/usr/bin/time' },
  );

  // One removed (nobody links to it), one added elsewhere: still 13, so only the neighbours change.
  // The cache folder moves too (npm run bench moves it): no page's code may depend on where it is.
  const moved = path.join(work, 'cache-moved');
  renameSync(cacheDir, moved);
  cacheDir = moved;
  rmSync(sectorFile(twelfth.fileName));
  writeFileSync(sectorFile('nouveau.md'), NEW);
  rebuild('secteur retiré et secteur ajouté, 13 secteurs', {
    renderedSectors: [id(11), 'nouveau', 'logistique'],
    renderedPreviews: ['nouveau'],
    removedSectors: [id(12)],
  });

  // A file edited then restored in two commits: the same file (same digest), a new « Mis à jour le ».
  const fifth = sectorFile(`${id(5)}.md`);
  const original = readFileSync(fifth, 'utf8');
  writeFileSync(fifth, `${original}\nUne ligne retirée aussitôt.\n`);
  git(content, ['commit', '-q', '-m', 'essai', '--', fifth], '2026-04-02T09:00:00+02:00');
  writeFileSync(fifth, original);
  git(content, ['commit', '-q', '-m', 'retour', '--', fifth], '2026-04-02T09:05:00+02:00');
  rebuild('secteur daté d’un nouveau commit, fichier identique', { renderedSectors: [id(5)], renderedPreviews: [], removedSectors: [] });

  // EDIT_URL set: every page gets its « Modifier cette page » link.
  rebuild(
    'EDIT_URL ajouté',
    { renderedSectors: all('nouveau'), renderedPreviews: [], removedSectors: [] },
    { EDIT_URL: 'https://github.com/compte/depot/edit/main/' },
  );

  // Another build (its own cache, other content) writes the output folder in between: the next rebuild must not keep
  // any of its pages, though its own cache still holds every page as unchanged (src/build/kept-output.ts).
  const other = path.join(work, 'other-content');
  writeSyntheticContent(other, 3, readFileSync(path.join(projectRoot, 'content/accueil.md'), 'utf8'));
  check(buildInto(outDir, path.join(work, 'other-cache'), { CONTENT_DIR: other }), 'd’un autre site dans le même dossier');
  rebuild(
    'dossier de sortie écrit par une autre construction',
    { renderedSectors: [], renderedPreviews: [], removedSectors: [] },
    { EDIT_URL: 'https://github.com/compte/depot/edit/main/' },
  );

  const temporary = [work, ...builds.filter((b) => !b.outDir.startsWith(work)).map((b) => path.dirname(b.outDir))];
  return { scenario: { cacheDir, steps }, temporary };
}
