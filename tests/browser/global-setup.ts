import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, contentWith, removeAll } from '../build/build-site.ts';
import { findChromium, INSTALL_HINT } from './chromium-path.ts';
import { startServer } from '../../scripts/serve.ts';

export interface ServedBuild {
  /** Folder of the built site. */
  dir: string;
  /** Where it is served, ending with the base path ("http://127.0.0.1:PORT/prompt/"). */
  url: string;
  base: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real site at the root and under a sub-path; the real content plus tests/fixtures/features (a callout of each type, code in MDX). */
    served: { site: ServedBuild; subPath: ServedBuild; features: ServedBuild };
  }
}

export const SUB_PATH = '/prompt/';

/** Builds the site three times (at the root, under a sub-path, with the features fixture), serves each with gzip and the 404 page. */
export default async function setup(project: TestProject) {
  if (!findChromium()) {
    // Said once here; each browser suite then reports itself skipped (or failed in CI).
    if (process.env.CI === 'true') throw new Error(`${INSTALL_HINT} (obligatoire en CI)`);
    console.warn(`\n[browser] Tests dans le navigateur ignorés. ${INSTALL_HINT}\n`);
  }
  const servers: { close: () => Promise<void> }[] = [];
  const dirs: string[] = [];
  const serve = async (base: string, env: Record<string, string> = {}): Promise<ServedBuild> => {
    const build = buildSite(base === '/' ? env : { ...env, BASE_PATH: base });
    if (build.status !== 0) throw new Error(`La construction du site (base ${base}) a échoué :\n${build.output}`);
    dirs.push(path.dirname(build.outDir));
    const server = await startServer({ root: build.outDir, port: 0, base });
    servers.push(server);
    return { dir: build.outDir, url: server.url, base };
  };
  const featuresContent = contentWith('features');
  project.provide('served', { site: await serve('/'), subPath: await serve(SUB_PATH), features: await serve('/', { CONTENT_DIR: featuresContent }) });
  return async () => {
    await Promise.all(servers.map((s) => s.close()));
    removeAll(...dirs, featuresContent);
  };
}
