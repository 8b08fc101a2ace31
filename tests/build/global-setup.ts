import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { buildSite, contentWith, EDIT_URL, gitContentWith, projectRoot, removeAll, shallowClone } from './build-site.ts';
import { runIncrementalScenario, type IncrementalScenario } from './incremental-scenario.ts';
import { writeSyntheticContent } from '../../scripts/bench-content.ts';
import { FULL_NAV_LIMIT } from '../../src/utils/navigation/nav.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    builds: { site: string; extraSector: string; manySectors: string; linking: string; allowedContent: string; features: string; featuresShallow: string };
    /** The repository the features build comes from (its content in site/contenu/). */
    featuresRepo: string;
    /** What the build of the real site printed. */
    siteOutput: string;
    /** Output of a build that must fail: an alias equal to an existing page. */
    aliasClash: { status: number | null; output: string };
    /** Rebuilds with one cache after edits, each beside a clean build of the same content. */
    incremental: IncrementalScenario;
  }
}

/** Builds run once, one after the other (they share the project's .astro/ folder), before the build tests. */
export default function setup(project: TestProject) {
  const site = buildSite();
  if (site.status !== 0) throw new Error(`La construction du site a échoué :\n${site.output}`);
  const extraContent = contentWith('extra-sector');
  const extra = buildSite({ CONTENT_DIR: extraContent });
  if (extra.status !== 0) throw new Error(`La construction avec un secteur en plus a échoué :\n${extra.output}`);
  // One sector more than the header lists: the benchmark's content, and the compact navigation.
  const manyContent = mkdtempSync(path.join(tmpdir(), 'pe-content-'));
  writeSyntheticContent(manyContent, FULL_NAV_LIMIT + 1, readFileSync(path.join(projectRoot, 'content/accueil.md'), 'utf8'));
  const many = buildSite({ CONTENT_DIR: manyContent });
  if (many.status !== 0) throw new Error(`La construction des secteurs synthétiques a échoué :\n${many.output}`);
  // Deployed as the publishing workflow does it: from a git repository, under a sub-path, with a public
  // address and an edit link; with a sector that has a slug and aliases.
  const linkingRepo = gitContentWith('aliases');
  const linking = buildSite({ CONTENT_DIR: linkingRepo.content, BASE_PATH: '/prompt/', SITE_URL: 'https://exemple.github.io', EDIT_URL });
  if (linking.status !== 0) throw new Error(`La construction sous /prompt/ a échoué :\n${linking.output}`);
  // What the content gate lets through: the HTML editors use, an image next to its page.
  const allowedContent = contentWith('allowed-content');
  const allowed = buildSite({ CONTENT_DIR: allowedContent });
  if (allowed.status !== 0) throw new Error(`La construction du contenu permis a échoué :\n${allowed.output}`);
  // Callouts, code in .md and .mdx, a book cited by two sectors; in git with dated commits, with an edit address and a sitemap.
  const features = gitContentWith('features', { edited: ['secteurs/logistique.md'], uncommitted: ['secteurs/sante.md'] });
  const featureEnv = { EDIT_URL, SITE_URL: 'https://exemple.github.io' };
  const featured = buildSite({ CONTENT_DIR: features.content, ...featureEnv });
  if (featured.status !== 0) throw new Error(`La construction des fonctions de lecture a échoué :\n${featured.output}`);
  // The same repository cloned with its last commit only: no date from git.
  const shallow = shallowClone(features.repo);
  const shallowBuild = buildSite({ CONTENT_DIR: path.join(shallow, 'site/contenu'), ...featureEnv });
  if (shallowBuild.status !== 0) throw new Error(`La construction depuis un clone superficiel a échoué :\n${shallowBuild.output}`);
  const clashContent = contentWith('alias-clash');
  const clash = buildSite({ CONTENT_DIR: clashContent });
  const incremental = runIncrementalScenario();
  project.provide('builds', {
    site: site.outDir,
    extraSector: extra.outDir,
    manySectors: many.outDir,
    linking: linking.outDir,
    allowedContent: allowed.outDir,
    features: featured.outDir,
    featuresShallow: shallowBuild.outDir,
  });
  project.provide('siteOutput', site.output);
  project.provide('featuresRepo', features.repo);
  project.provide('aliasClash', { status: clash.status, output: clash.output });
  project.provide('incremental', incremental.scenario);
  const temporary = [site, extra, many, linking, allowed, featured, shallowBuild, clash].map((b) => path.dirname(b.outDir));
  return () =>
    removeAll(...temporary, ...incremental.temporary, extraContent, manyContent, linkingRepo.repo, allowedContent, clashContent, features.repo, shallow);
}
