/**
 * Prints how long content validation takes: `npm run check` end to end (Node start
 * included), the checks alone in-process, and a build stopped by a content mistake,
 * beside a full build. Figures only, no pass/fail: `npm run bench:check`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkContent } from '../src/checks/content-checks.ts';
import { contentDir } from '../src/settings.ts';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);

function time(label: string, task: () => void) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(52)} médiane ${Math.round(ms[Math.floor(ms.length / 2)])} ms (min ${Math.round(ms[0])}, max ${Math.round(ms.at(-1)!)}, ${runs} essais)`,
  );
}

const node = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8' });
const build = (env: Record<string, string>, expected: 'ok' | 'échec') => {
  const work = mkdtempSync(path.join(tmpdir(), 'pe-bench-'));
  const result = node(['--run', 'build'], {
    OUT_DIR: path.join(work, 'dist'),
    ASTRO_CACHE_DIR: path.join(work, 'cache'),
    ...env,
  });
  rmSync(work, { recursive: true, force: true });
  // A timing is meaningless if the build did not end as intended.
  if ((result.status === 0) !== (expected === 'ok')) throw new Error(`construction inattendue (code ${result.status}) :\n${result.stdout}\n${result.stderr}`);
};

const broken = mkdtempSync(path.join(tmpdir(), 'pe-bench-content-'));
cpSync(contentDir(), broken, { recursive: true });
writeFileSync(path.join(broken, 'secteurs/casse.md'), '---\ntitle: "Cassé"\ndescription: "Une note sans définition."\norder: 99\n---\n\nTexte[^1].\n');

console.log(`Contenu : ${contentDir()}`);
// A fresh copy each time: the file index is cached per folder while files are unchanged.
const copies = Array.from({ length: runs }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pe-bench-copy-'));
  cpSync(contentDir(), dir, { recursive: true });
  return dir;
});
const made = [...copies];
time('checks en mémoire (checkContent, à froid)', () => checkContent(copies.pop()!));
for (const dir of made) rmSync(dir, { recursive: true, force: true });
time('npm run check (processus complet)', () => node(['scripts/check-content.ts']));
time('npm run build arrêté par une erreur de contenu', () => build({ CONTENT_DIR: broken }, 'échec'));
time('npm run build complet (contenu valide)', () => build({}, 'ok'));
rmSync(broken, { recursive: true, force: true });
