#!/usr/bin/env node
// Prints what preview images (og:image) cost: drawn by the site's renderer (takumi) one at a time, several
// in flight (as a build writes them, src/build/preview-images.ts), on two worker threads, and by satori + resvg (the
// renderer the site used before, kept as devDependencies for this comparison), then read back from the cache.
// Candidates alternate within each run, so a change of load hits them all. Usage:
// npm run bench:previews [-- COUNT [RUNS]]
import { Resvg } from '@resvg/resvg-js';
import type { Node } from '@takumi-rs/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { PAGES_IN_FLIGHT } from '../src/build/pages-in-flight.ts';
import os from 'node:os';
import pLimit from 'p-limit';
import path from 'node:path';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import satori from 'satori';
import {
  PREVIEW_HEIGHT,
  PREVIEW_WIDTH,
  cachedPreview,
  previewFonts,
  previewTree,
  renderPreview,
  type PreviewText,
} from '../src/utils/publishing/preview-image.ts';

// A worker thread draws the texts it is sent, one at a time, and answers with the PNGs' sizes.
if (!isMainThread) {
  parentPort!.on('message', async (texts: PreviewText[]) => {
    const sizes = [];
    for (const text of texts) sizes.push((await renderPreview(text)).length);
    parentPort!.postMessage(sizes);
  });
} else {
  await main();
}

async function main() {
  const count = Number(process.argv[2] ?? 50);
  const runs = Number(process.argv[3] ?? 3);
  // Titles of every length the site may meet: short ones (80 px), questions (64 px), long ones made to fit.
  const titles = [
    'Le secteur numéro',
    'Dans quels domaines est utilisé le prompt engineering\u202f?',
    'Comment les équipes de recherche rédigent et relisent leurs consignes\u202f: méthodes et exemples',
  ];
  const texts: PreviewText[] = Array.from({ length: count }, (_, i) => ({
    title: `${titles[i % titles.length]} ${i + 1}`,
    description: 'Analyser des données, générer des rapports et développer des outils d’assistance à la décision à partir de consignes précises.',
    siteName: 'Prompt engineering par secteur',
  }));

  // satori draws the same trees, made before the timing (its elements are divs, a text is a block); resvg turns
  // its SVG into the PNG.
  const toSatori = (node: Node): unknown =>
    node.type === 'text'
      ? { type: 'div', props: { style: { display: 'block', ...node.style }, children: node.text } }
      : { type: 'div', props: { style: { display: 'flex', ...node.style }, children: node.type === 'container' ? (node.children ?? []).map(toSatori) : [] } };
  const satoriTrees = await Promise.all(texts.map(async (text) => toSatori(await previewTree(text))));
  const satoriFonts = previewFonts().map((f) => ({ name: 'Inter', data: f.data, weight: f.weight, style: 'normal' as const }));
  const satoriResvg = async (tree: unknown) => {
    const svg = await satori(tree as Parameters<typeof satori>[0], { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts: satoriFonts });
    return new Resvg(svg, { fitTo: { mode: 'width', value: PREVIEW_WIDTH } }).render().asPng().length;
  };

  const workers = [0, 1].map(() => new Worker(new URL(import.meta.url)));
  const inWorker = (worker: Worker, share: PreviewText[]) =>
    new Promise<number[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(share);
    });

  /** Draws every text `inFlight` at a time; the PNGs' sizes in bytes. */
  const concurrently = (inFlight: number) => {
    const limit = pLimit(inFlight);
    return Promise.all(texts.map((text) => limit(async () => (await renderPreview(text)).length)));
  };

  const candidates: [string, () => Promise<number[]>][] = [
    ['takumi, une à la fois', () => concurrently(1)],
    [`takumi, ${PAGES_IN_FLIGHT} en vol (comme la construction)`, () => concurrently(PAGES_IN_FLIGHT)],
    [
      'takumi, 2 workers',
      async () =>
        (
          await Promise.all(
            workers.map((w, i) =>
              inWorker(
                w,
                texts.filter((_, j) => j % 2 === i),
              ),
            ),
          )
        ).flat(),
    ],
    [
      'satori + resvg, une à la fois',
      async () => {
        const sizes = [];
        for (const tree of satoriTrees) sizes.push(await satoriResvg(tree));
        return sizes;
      },
    ],
  ];

  const cpu = os.cpus();
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(
    `${cpu[0]?.model ?? '?'}, ${cpu.length} cœurs, ${Math.round(os.totalmem() / 2 ** 30)} Go, ${os.type()} ${os.release()}, Node ${process.versions.node}`,
  );
  console.log(`charge moyenne (1, 5, 15 min) au début : ${load()}`);
  console.log(`${count} images, ${runs} passes, médiane des passes\n`);

  // Warm-up: fonts, native code and workers loaded, satori's first layout done.
  await renderPreview(texts[0]);
  await satoriResvg(satoriTrees[0]);
  await Promise.all(workers.map((w) => inWorker(w, texts.slice(0, 1))));

  const times = new Map(candidates.map(([label]) => [label, [] as number[]]));
  const sizes = new Map<string, number[]>();
  for (let run = 0; run < runs; run++) {
    for (const [label, draw] of candidates) {
      const start = performance.now();
      sizes.set(label, await draw());
      times.get(label)!.push((performance.now() - start) / count);
    }
  }
  await Promise.all(workers.map((w) => w.terminate()));

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;
  for (const [label, ms] of times) {
    const s = sizes.get(label)!;
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    console.log(
      `${label.padEnd(30)} ${median(ms).toFixed(2).padStart(6)} ms/image (passes : ${ms.map((m) => m.toFixed(2)).join(', ')})   PNG moyen ${kB(mean)}, de ${kB(Math.min(...s))} à ${kB(Math.max(...s))}`,
    );
  }

  const cache = mkdtempSync(path.join(os.tmpdir(), 'pe-bench-previews-'));
  for (const text of texts) await cachedPreview(text, cache);
  const start = performance.now();
  for (const text of texts) await cachedPreview(text, cache);
  console.log(`${'relue depuis le cache'.padEnd(30)} ${((performance.now() - start) / count).toFixed(2).padStart(6)} ms/image`);
  rmSync(cache, { recursive: true, force: true });
  console.log(`\ncharge moyenne à la fin : ${load()}`);
}
