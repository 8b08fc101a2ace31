import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { markdownWorkers, withParallelMarkdown } from '../../src/build/parallel-markdown.ts';
import { parseFile } from '../../src/checks/files/frontmatter.ts';
import { markdownProcessor } from '../../src/markdown/processor.ts';
import { syntheticSector } from '../../scripts/bench-content.ts';
import { RENDERER_OPTIONS } from '../renderer-options.ts';

// The workers must render every file exactly as Astro's own markdown entry type would, in process, with the
// processor astro.config.ts gives it.
import { projectRoot } from '../build/build-site.ts';
const shared = RENDERER_OPTIONS;
// Astro's configuration the loader reads them from.
const { image, ...markdown } = shared;
const config = { markdown, image };
type Render = (entry: { body: string; data: Record<string, unknown>; filePath: string }) => Promise<{ html: string; metadata: Record<string, unknown> }>;

// Synthetic sectors too, written where the pipeline can read them (the checks read the file on disk).
const synthetic = mkdtempSync(path.join(tmpdir(), 'pe-parallel-'));
for (const i of [1, 2, 3]) writeFileSync(path.join(synthetic, syntheticSector(i).fileName), syntheticSector(i).text);
const files = [
  ...[1, 2, 3].map((i) => path.join(synthetic, syntheticSector(i).fileName)),
  ...readdirSync(path.join(projectRoot, 'content/secteurs')).map((f) => path.join(projectRoot, 'content/secteurs', f)),
  path.join(projectRoot, 'tests/fixtures/allowed-content/secteurs/regles.md'),
  path.join(projectRoot, 'tests/fixtures/errors/several/secteurs/logistique.md'),
];
const entries = files.map((filePath) => {
  const parsed = parseFile(readFileSync(filePath, 'utf8'));
  return { body: parsed.body.trim(), data: parsed.data ?? {}, filePath };
});

afterAll(() => rmSync(synthetic, { recursive: true, force: true }));

describe('withParallelMarkdown', () => {
  it('renders in worker threads what Astro renders in process, byte for byte, problems found included', async () => {
    const inProcess = await markdownProcessor().createRenderer(shared);
    const expected = await Promise.all(
      entries.map(async (entry) => {
        const result = await inProcess.render(entry.body, { frontmatter: entry.data, fileURL: pathToFileURL(entry.filePath) });
        return { html: result.code, metadata: { ...result.metadata, imagePaths: result.metadata.localImagePaths.concat(result.metadata.remoteImagePaths) } };
      }),
    );
    const markdownType = { getRenderFunction: async () => (() => Promise.reject(new Error('rendu hors des workers'))) as unknown as Render };
    const context = { config, entryTypes: new Map([['.md', markdownType]]) } as unknown as LoaderContext;
    const pool = withParallelMarkdown(context, 1000);
    try {
      const render = (await (pool.context as unknown as { entryTypes: Map<string, typeof markdownType> }).entryTypes.get('.md')!.getRenderFunction()) as Render;
      const rendered = await Promise.all(entries.map((entry) => render(entry)));
      expect(rendered).toEqual(expected);
      expect(JSON.stringify(rendered)).toContain('contentChecks');
    } finally {
      await pool.close();
    }
  });

  // A cold build of a site of 300 sectors: its workers start with the configuration, the loader takes them.
  const site = mkdtempSync(path.join(tmpdir(), 'pe-early-'));
  mkdirSync(path.join(site, 'secteurs'));
  for (let i = 1; i <= 300; i++) writeFileSync(path.join(site, 'secteurs', syntheticSector(i).fileName), syntheticSector(i).text);
  const cache = path.join(site, 'cache');
  mkdirSync(cache);
  const early = Symbol.for('prompt-engineering-secteurs.markdown-workers');
  const waiting = () => (globalThis as { [early]?: unknown[] })[early];
  const setUp = (command: string) =>
    (markdownWorkers().hooks['astro:config:setup'] as (options: unknown) => void)({ command, config: { cacheDir: pathToFileURL(`${cache}/`) } });
  afterAll(() => rmSync(site, { recursive: true, force: true }));
  afterEach(async () => {
    await withParallelMarkdown({ config, entryTypes: new Map() } as unknown as LoaderContext, 0).close();
    vi.unstubAllEnvs();
  });

  it('starts the workers of a cold build with the configuration, and the loader renders on them', async () => {
    vi.stubEnv('CONTENT_DIR', site);
    setUp('build');
    expect(waiting()).toHaveLength(Math.max(1, os.availableParallelism()));
    const markdownType = { getRenderFunction: async () => (() => Promise.reject(new Error('rendu hors des workers'))) as unknown as Render };
    const pool = withParallelMarkdown({ config, entryTypes: new Map([['.md', markdownType]]) } as unknown as LoaderContext, 301);
    expect(waiting()).toBeUndefined();
    try {
      const render = (await (pool.context as unknown as { entryTypes: Map<string, typeof markdownType> }).entryTypes.get('.md')!.getRenderFunction()) as Render;
      const [entry] = entries;
      const inProcess = await markdownProcessor().createRenderer(shared);
      expect((await render(entry)).html).toBe((await inProcess.render(entry.body, { frontmatter: entry.data, fileURL: pathToFileURL(entry.filePath) })).code);
    } finally {
      await pool.close();
    }
  });

  it('starts none for the dev server, a rebuild (content store kept) or a small site', () => {
    vi.stubEnv('CONTENT_DIR', site);
    setUp('dev');
    expect(waiting()).toBeUndefined();
    writeFileSync(path.join(cache, 'data-store.json'), '{}');
    setUp('build');
    expect(waiting()).toBeUndefined();
    rmSync(path.join(cache, 'data-store.json'));
    vi.stubEnv('CONTENT_DIR', path.join(projectRoot, 'content'));
    setUp('build');
    expect(waiting()).toBeUndefined();
  });

  it('leaves a small site to Astro (no worker to start)', () => {
    const context = { config, entryTypes: new Map([['.md', {}]]) } as unknown as LoaderContext;
    expect(withParallelMarkdown(context, 10).context).toBe(context);
  });
});
