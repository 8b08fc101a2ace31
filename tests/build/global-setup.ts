import path from "node:path";
import type { TestProject } from 'vitest/node';
import { buildSite, contentWith, removeAll } from './build-site';

declare module 'vitest' {
  export interface ProvidedContext {
    builds: { site: string; extraSector: string };
  }
}

/** Builds run once, one after the other (they share the project's .astro/ folder), before the build tests. */
export default function setup(project: TestProject) {
  const site = buildSite();
  if (site.status !== 0) throw new Error(`La construction du site a échoué :\n${site.output}`);
  const extraContent = contentWith('extra-sector');
  const extra = buildSite({ CONTENT_DIR: extraContent });
  if (extra.status !== 0) throw new Error(`La construction avec un secteur en plus a échoué :\n${extra.output}`);
  project.provide('builds', { site: site.outDir, extraSector: extra.outDir });
  return () => removeAll(path.dirname(site.outDir), path.dirname(extra.outDir), extraContent);
}
