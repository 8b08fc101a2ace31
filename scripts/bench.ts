// npm run bench [-- --sizes 10,100,1000] [--json bench-results/latest.json] [--keep]
//
// Builds N synthetic sectors (scripts/bench-content.ts) into temporary folders through
// CONTENT_DIR, OUT_DIR and ASTRO_CACHE_DIR, and prints per N: cold build time, ms per page, peak
// memory, output size, median and largest page (gzip, with the stylesheets it links), the
// rebuild after editing one sector, `npm run check`, and preview images when the build makes
// some. Nothing here is a pass/fail test: the figures go to the README.
//
// To measure something new, add a field in measureSize() and a column in COLUMNS.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { editedSector, syntheticSector, writeSyntheticContent } from './bench-content.ts';
import { measureDevServer } from './bench-dev.ts';
import { OUTPUT_RECORD } from '../src/build/kept-output.ts';
import { BUDGETS, measurePages } from './page-budgets.ts';

const root = path.resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10,100,1000' },
    json: { type: 'string', default: 'bench-results/latest.json' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = args.sizes.split(',').map((s) => Number.parseInt(s.trim(), 10));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--sizes attend des entiers positifs séparés par des virgules, reçu « ${args.sizes} »`);
  process.exit(2);
}

/**
 * Files the content build keeps in ASTRO_CACHE_DIR (Astro's, its incremental build's pages, the content checks'
 * summaries, and the record of the output folder it left); anything else there (e.g. a preview-image cache) is
 * someone else's. The incremental build's must not be kept for the « images en cache » build: it would copy pages
 * instead of rendering them.
 */
const ASTRO_CACHE_ENTRIES = new Set(['data-store.json', 'content', 'vite', 'assets', 'incremental-build.json', 'dist', OUTPUT_RECORD]);
const IMAGE = /\.(png|jpe?g|webp|avif)$/i;

// ---------- processes: wall time and peak memory of the whole process tree ----------

/** Resident memory (bytes) of a process and all its descendants, read from /proc (0 where /proc is missing). */
function treeMemory(pid: number): { rss: number; hwm: number; byName: Record<string, number> } {
  let entries;
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return { rss: 0, hwm: 0, byName: {} };
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(e));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  let rss = 0;
  let hwm = 0;
  const byName: Record<string, number> = {};
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      const name = /Name:\s+(.*)/.exec(status)?.[1] ?? '?';
      rss += own;
      byName[name] = (byName[name] ?? 0) + own;
      hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // Likewise: gone already.
    }
    todo.push(...(children.get(p) ?? []));
  }
  return { rss, hwm, byName };
}

/**
 * Runs a command; resolves with its wall time, peak memory and output. Peak memory is the larger of
 * the highest sampled sum of the tree's resident memory (every 50 ms) and the highest single-process
 * peak (VmHWM), so a short spike of the main process is not missed between samples.
 */
const TIME = '/usr/bin/time'; // GNU time: CPU time of the whole tree, which load from other processes barely changes

interface RunResult {
  ok: boolean;
  code: number | null;
  ms: number;
  cpuMs: number | null;
  peakBytes: number;
  peakByProcess: Record<string, number>;
  output: string;
}

function run(command: string, argv: string[], env: Record<string, string>): Promise<RunResult> {
  const timeFile = existsSync(TIME) ? path.join(os.tmpdir(), `pe-bench-time-${process.pid}-${Date.now()}`) : null;
  if (timeFile) [command, argv] = [TIME, ['-f', '%U %S', '-o', timeFile, command, ...argv]];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const peakByProcess: Record<string, number> = {}; // which program holds the memory: node (Astro), pagefind…
    const sample = () => {
      const { rss, hwm, byName } = treeMemory(child.pid!);
      peak = Math.max(peak, rss, hwm);
      for (const [name, bytes] of Object.entries(byName)) peakByProcess[name] = Math.max(peakByProcess[name] ?? 0, bytes);
    };
    const timer = setInterval(sample, 50);
    child.on('close', (code) => {
      clearInterval(timer);
      let cpuMs: number | null = null;
      if (timeFile && existsSync(timeFile)) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        if (Number.isFinite(user + system)) cpuMs = (user + system) * 1000;
        rmSync(timeFile, { force: true });
      }
      resolve({ ok: code === 0, code, ms: performance.now() - start, cpuMs, peakBytes: peak, peakByProcess, output });
    });
  });
}

/**
 * The project's npm script, so that whatever it adds (search index, checks) is measured too.
 * `node --run` runs it like `npm run` (node_modules/.bin first in PATH) without npm's own two
 * processes, whose memory is not the build's.
 */
const hasNodeRun = Number(process.versions.node.split('.')[0]) >= 22;
const npmRun = (script: string, env: Record<string, string>) =>
  hasNodeRun ? run(process.execPath, ['--run', script], env) : run('npm', ['run', '--silent', script], env);

class StepFailed extends Error {}

/** A failed step stops the benchmark (its temporary folder is still removed) and shows the end of its output. */
function mustSucceed(step: string, result: RunResult): RunResult {
  if (result.ok) return result;
  throw new StepFailed(`\n${step} a échoué (code ${result.code}) :\n${result.output.slice(-4000)}`);
}

// ---------- the built output ----------

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** What a reader downloads for one page, gzipped: the HTML plus the stylesheets it links (CSS is inlined today). */
function transferSize(file: string, outDir: string): number {
  const html = readFileSync(file);
  let size = gzipSync(html).length;
  for (const [, href] of html.toString('utf8').matchAll(/<link[^>]+rel="?stylesheet"?[^>]*href="?([^"\s>]+)/g)) {
    const css = path.join(outDir, decodeURI(href.replace(/^(https?:\/\/[^/]+)?\/?/, '').split(/[?#]/)[0]));
    if (existsSync(css)) size += gzipSync(readFileSync(css)).length;
  }
  return size;
}

/** The page budgets' verdict at this size (scripts/page-budgets.ts). */
function measureBudgets(outDir: string) {
  const over = measurePages(outDir, { base: '/' }).filter((r) => r.overBudget.length && !r.exempt);
  return { pagesOverBudget: over.length, examples: over.slice(0, 3).map((r) => `${r.page} (${r.overBudget.join(', ')})`) };
}

function measureOutput(outDir: string) {
  const files = walk(outDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const sizes = pages
    .map((f) => ({ page: '/' + path.relative(outDir, f).replace(/index\.html$/, ''), gzip: transferSize(f, outDir) }))
    .sort((a, b) => a.gzip - b.gzip);
  const sectorSizes = sizes.filter((s) => s.page.startsWith('/secteurs/'));
  return {
    pages: pages.length,
    images: files.filter((f) => IMAGE.test(f)).length,
    totalBytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
    medianPageGzip: sizes[Math.floor(sizes.length / 2)]?.gzip ?? 0,
    medianSectorPageGzip: sectorSizes[Math.floor(sectorSizes.length / 2)]?.gzip ?? 0,
    largestPageGzip: sizes.at(-1)?.gzip ?? 0,
    largestPage: sizes.at(-1)?.page ?? '',
  };
}

// ---------- one size ----------

async function measureSize(n: number) {
  const work = mkdtempSync(path.join(os.tmpdir(), `pe-bench-${n}-`));
  const content = path.join(work, 'content');
  writeSyntheticContent(content, n, readFileSync(path.join(root, 'content/accueil.md'), 'utf8'));
  const outDir = path.join(work, 'dist');
  const cacheDir = path.join(work, 'cache');
  const env = { CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir };
  try {
    // Cold: no output folder and no cache at all (content layer, preview images if they live in the cache dir).
    process.stdout.write(`  ${n} secteurs : construction à froid…`);
    const cold = mustSucceed('La construction à froid', await npmRun('build', env));
    writeFileSync(path.join(work, 'cold.log'), cold.output);
    const output = measureOutput(outDir);
    const budgets = measureBudgets(outDir);

    // Images are slow to render and cached by what they show: the target holds with that cache warm.
    // Rebuild from nothing but keep whatever non-Astro cache the build left (the image cache).
    let coldWarmImages: RunResult | undefined;
    const otherCaches = existsSync(cacheDir) ? readdirSync(cacheDir).filter((e) => !ASTRO_CACHE_ENTRIES.has(e)) : [];
    if (output.images > 0 && otherCaches.length === 0) {
      console.warn(`\n  ${output.images} images mais aucun cache hors Astro dans ASTRO_CACHE_DIR : « images à froid » n’est peut-être pas à froid.`);
    }
    if (output.images > 0) {
      process.stdout.write(' images en cache…');
      const keptCache = path.join(work, 'cache-images');
      mkdirSync(keptCache);
      for (const e of otherCaches) cpSync(path.join(cacheDir, e), path.join(keptCache, e), { recursive: true });
      rmSync(outDir, { recursive: true, force: true });
      coldWarmImages = mustSucceed('La construction avec les images en cache', await npmRun('build', { ...env, ASTRO_CACHE_DIR: keptCache }));
      rmSync(cacheDir, { recursive: true, force: true });
      cpSync(keptCache, cacheDir, { recursive: true }); // the warm rebuild below starts from a full cache
      rmSync(keptCache, { recursive: true, force: true });
    }

    // A rebuild after an editor changes one sector (output and caches kept).
    process.stdout.write(' reconstruction…');
    const edited = syntheticSector(Math.ceil(n / 2));
    writeFileSync(path.join(content, 'secteurs', edited.fileName), editedSector(edited.text, new Date().toISOString()));
    const rebuild = mustSucceed('La reconstruction', await npmRun('build', env));
    writeFileSync(path.join(work, 'rebuild.log'), rebuild.output);

    process.stdout.write(' npm run check…');
    const check = mustSucceed('npm run check', await npmRun('check', env));
    // The dev server, caches cleared: the first sector page, then an edit of the edited sector.
    process.stdout.write(' npm run dev…');
    const dev = await measureDevServer(content, edited.fileName);
    process.stdout.write(' ok\n');

    const coldMs = coldWarmImages?.ms ?? cold.ms;
    return {
      sectors: n,
      pages: output.pages,
      coldBuildMs: Math.round(coldMs),
      coldBuildCpuMs: (coldWarmImages ?? cold).cpuMs == null ? null : Math.round((coldWarmImages ?? cold).cpuMs!),
      msPerPage: +(coldMs / output.pages).toFixed(2),
      peakMemoryBytes: Math.max(cold.peakBytes, coldWarmImages?.peakBytes ?? 0),
      peakMemoryByProcess: cold.peakByProcess,
      totalOutputBytes: output.totalBytes,
      medianPageGzipBytes: output.medianPageGzip,
      medianSectorPageGzipBytes: output.medianSectorPageGzip,
      largestPageGzipBytes: output.largestPageGzip,
      largestPage: output.largestPage,
      rebuildOneEditMs: Math.round(rebuild.ms),
      rebuildOneEditCpuMs: rebuild.cpuMs == null ? null : Math.round(rebuild.cpuMs),
      checkMs: Math.round(check.ms),
      devFirstPageMs: Math.round(dev.firstPageMs),
      devEditMs: Math.round(dev.editMs),
      coldPlusCheckMs: Math.round(coldMs + check.ms),
      images: output.images,
      coldBuildImagesColdMs: coldWarmImages ? Math.round(cold.ms) : null,
      // CPU time when known: drawing images is CPU work, and wall time depends on the machine's load.
      msPerImage: coldWarmImages ? +(((cold.cpuMs ?? cold.ms) - (coldWarmImages.cpuMs ?? coldWarmImages.ms)) / output.images).toFixed(1) : null,
      pagesOverBudget: budgets.pagesOverBudget,
      overBudgetExamples: budgets.examples,
      otherCaches,
    };
  } finally {
    if (args.keep) console.log(`  dossier conservé (contenu, sortie, cache, journaux) : ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

// ---------- report ----------

type SizeResult = Awaited<ReturnType<typeof measureSize>>;

const kb = (b: number) => `${(b / 1024).toFixed(1)} Ko`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(b < 10 * 1024 * 1024 ? 1 : 0)} Mo`;
const sec = (ms: number | null) => (ms == null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

const COLUMNS: [string, (r: SizeResult) => string][] = [
  ['N', (r) => String(r.sectors)],
  ['build à froid', (r) => sec(r.coldBuildMs)],
  ['CPU', (r) => sec(r.coldBuildCpuMs)],
  ['ms/page', (r) => r.msPerPage.toFixed(2)],
  ['mémoire max', (r) => mb(r.peakMemoryBytes)],
  ['sortie', (r) => mb(r.totalOutputBytes)],
  ['page médiane (gzip)', (r) => kb(r.medianPageGzipBytes)],
  ['plus grande (gzip)', (r) => `${kb(r.largestPageGzipBytes)} ${r.largestPage}`],
  ['reconstruction 1 secteur', (r) => sec(r.rebuildOneEditMs)],
  ['CPU ', (r) => sec(r.rebuildOneEditCpuMs)],
  ['npm run check', (r) => sec(r.checkMs)],
  ['dev : 1re page', (r) => sec(r.devFirstPageMs)],
  ['dev : modification', (r) => sec(r.devEditMs)],
  ['hors budget', (r) => (r.pagesOverBudget == null ? 'n/a' : String(r.pagesOverBudget))],
  ['images', (r) => (r.images ? String(r.images) : 'n/a')],
  ['ms/image', (r) => (r.msPerImage == null ? 'n/a' : r.msPerImage.toFixed(1))],
  ['build images à froid', (r) => sec(r.coldBuildImagesColdMs)],
];

function table(results: SizeResult[]): string {
  const rows = [COLUMNS.map(([h]) => h), ...results.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

const machine = {
  cpu: os.cpus()[0]?.model ?? 'inconnu',
  cores: os.availableParallelism(),
  memoryBytes: os.totalmem(),
  platform: `${os.type()} ${os.release()}`,
  node: process.version,
  loadAverageAtStart: os.loadavg().map((l) => +l.toFixed(2)),
  loadAverageAtEnd: [] as number[],
};

console.log(
  `Banc d’essai : ${sizes.join(', ')} secteurs — ${machine.cpu}, ${machine.cores} cœurs, Node ${machine.node}, charge ${machine.loadAverageAtStart.join(' ')}`,
);
/** The real content (content/): its heaviest page as a reader downloads it, and the dev server on it. */
async function measureRealContent() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'pe-bench-real-'));
  const content = path.join(work, 'content');
  cpSync(path.join(root, 'content'), content, { recursive: true });
  try {
    process.stdout.write('  contenu réel : construction…');
    const outDir = path.join(work, 'dist');
    mustSucceed('La construction du contenu réel', await npmRun('build', { CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_CACHE_DIR: path.join(work, 'cache') }));
    const pages = measurePages(outDir, { base: '/' }).filter((r) => !r.exempt);
    const heaviest = pages.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
    process.stdout.write(' npm run dev…');
    const dev = await measureDevServer(content, 'sante.md');
    process.stdout.write(' ok\n');
    return {
      sectors: readdirSync(path.join(content, 'secteurs')).length,
      heaviestPage: heaviest.page,
      heaviestPageGzipBytes: heaviest.gzipBytes,
      maxRequests: Math.max(...pages.map((p) => p.requests)),
      dev,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const results: SizeResult[] = [];
let real: Awaited<ReturnType<typeof measureRealContent>>;
try {
  real = await measureRealContent();
  for (const n of sizes) results.push(await measureSize(n));
} catch (error) {
  if (!(error instanceof StepFailed)) throw error;
  console.error(error.message);
  process.exit(1);
}
machine.loadAverageAtEnd = os.loadavg().map((l) => +l.toFixed(2));

console.log(`\n${table(results)}\n`);
if (results.length > 1) {
  const [first, last] = [results[0], results.at(-1)!];
  const growth = (last.medianSectorPageGzipBytes / first.medianSectorPageGzipBytes - 1) * 100;
  console.log(`Page de secteur médiane : ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % de ${first.sectors} à ${last.sectors} secteurs.`);
  // Flat marginal cost = linear build; a cost that grows with N would show a quadratic step.
  const marginal = results.slice(1).map((r, i) => {
    const prev = results[i];
    const key = r.coldBuildCpuMs != null && prev.coldBuildCpuMs != null ? 'coldBuildCpuMs' : 'coldBuildMs';
    return `${prev.sectors}→${r.sectors} : ${((r[key]! - prev[key]!) / (r.pages - prev.pages)).toFixed(1)} ms`;
  });
  console.log(`Coût marginal d’une page (${results[0].coldBuildCpuMs != null ? 'CPU' : 'temps réel'}) : ${marginal.join(', ')}.`);
}
for (const r of results)
  console.log(
    `${r.sectors} secteurs, mémoire max par programme : ${Object.entries(r.peakMemoryByProcess)
      .filter(([, b]) => b > 20 * 1024 * 1024)
      .map(([n, b]) => `${n} ${mb(b)}`)
      .join(', ')}`,
  );
for (const r of results)
  if (r.pagesOverBudget)
    console.log(`${r.sectors} secteurs : ${r.pagesOverBudget} page(s) hors budget (scripts/page-budgets.ts), p. ex. ${r.overBudgetExamples.join(' ; ')}`);
console.log(`Charge (1, 5, 15 min) : ${machine.loadAverageAtStart.join(' ')} au début, ${machine.loadAverageAtEnd.join(' ')} à la fin.`);

// The targets of the README, each with today's figure: met or missed, and by how much.
const at1000 = results.find((r) => r.sectors === 1000);
const verdict = (label: string, value: number | null | undefined, limit: number, unit: 's' | 'Ko') => {
  if (value == null) return;
  const shown = unit === 's' ? `${(value / 1000).toFixed(2)} s` : `${(value / 1024).toFixed(2)} Ko`;
  const max = unit === 's' ? `${limit / 1000} s` : `${limit / 1024} Ko`;
  console.log(
    `${value <= limit ? 'tenu    ' : 'manqué  '} ${label} : ${shown} (objectif ${max}${value > limit ? `, +${(((value - limit) / limit) * 100).toFixed(0)} %` : ''})`,
  );
};
console.log(`\nContenu réel (${real.sectors} secteurs) : page la plus lourde ${real.heaviestPage}, ${real.maxRequests} requête(s) au plus.`);
verdict('page la plus lourde du contenu réel, gzip', real.heaviestPageGzipBytes, BUDGETS.gzipBytes, 'Ko');
verdict('npm run dev, contenu réel : modification visible', real.dev.editMs, 300, 's');
if (at1000) {
  verdict('1000 secteurs, tout à froid (images dessinées)', at1000.coldBuildImagesColdMs, 10_000, 's');
  verdict('1000 secteurs, à froid, images en cache', at1000.coldBuildMs, 8_000, 's');
  verdict('1000 secteurs, reconstruction après une modification', at1000.rebuildOneEditMs, 8_000, 's');
  verdict('1000 secteurs, npm run dev : première page', at1000.devFirstPageMs, 6_000, 's');
  verdict('1000 secteurs, npm run dev : modification visible', at1000.devEditMs, 500, 's');
}

const jsonPath = path.resolve(root, args.json);
mkdirSync(path.dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), machine, real, results }, null, 2) + '\n');
console.log(`Chiffres écrits dans ${path.relative(root, jsonPath)}`);
