#!/usr/bin/env node
// Prints what preview images (og:image) cost per page: drawn (first build, or text changed)
// and reused from the cache (every other build). Usage: npm run bench:previews [-- COUNT]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedPreview } from '../src/utils/preview-image.ts';

const count = Number(process.argv[2] ?? 50);
const cache = mkdtempSync(path.join(tmpdir(), 'pe-bench-previews-'));
const texts = Array.from({ length: count }, (_, i) => ({
  title: `Le secteur numéro ${i + 1}`,
  description: 'Analyser des données, générer des rapports et développer des outils d’assistance à la décision à partir de consignes précises.',
  siteName: 'Prompt engineering par secteur',
}));

async function time(label: string) {
  const start = performance.now();
  for (const text of texts) await cachedPreview(text, cache);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(24)} ${(ms / count).toFixed(1)} ms/image (${count} images, ${(ms / 1000).toFixed(2)} s)`);
}

await cachedPreview({ ...texts[0], title: 'échauffement' }, cache); // fonts and wasm loaded once
await time('dessinée (cache vide)');
await time('relue depuis le cache');
rmSync(cache, { recursive: true, force: true });
