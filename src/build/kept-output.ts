import { readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { searchIndexPath } from '../utils/navigation/paths.ts';

/**
 * A build keeps the output folder of the previous one instead of emptying it. Astro's incremental build leaves a page
 * it did not render again where it is when the folder still holds it, and copies it back from its cache otherwise:
 * emptying the folder made every rebuild delete its thousands of files and write most of them again (README,
 * « Passage à l’échelle »). Two duties come with it:
 *
 * - The folder must be the one this cache's last build wrote. Otherwise (another build wrote there since, a build
 *   stopped half-way) Astro could keep pages of another site: it is emptied, as before. The cache
 *   records the folder and the status of its home page, which every build writes; the record is removed when a
 *   build starts and written when it ends.
 * - What the build no longer makes must go (a removed sector's page and preview, scripts of older code): every file
 *   the build neither wrote (its status change time is older than the build) nor kept (one of Astro's pages). The
 *   search index (scripts/search-index.ts) replaces its own folder.
 */

/** The record's file, in Astro's cache folder. */
export const OUTPUT_RECORD = 'kept-output.json';
// Beyond the coarse clock of file systems: a file written by this build is never dated more than this before it.
const CLOCK_SLACK_MS = 100;

interface OutputRecord {
  outDir: string;
  home: string;
}

/** The status of the home page, which every build writes: changed when anything else wrote the folder. */
function homeStatus(outDir: string): string | undefined {
  try {
    const { ino, size, ctimeNs } = statSync(path.join(outDir, 'index.html'), { bigint: true });
    return `${ino}:${size}:${ctimeNs}`;
  } catch {
    return undefined;
  }
}

/** Whether `outDir` is, untouched, the folder the last build using `cacheDir` wrote; the record is used up. */
export function takeOwnership(cacheDir: string, outDir: string): boolean {
  const file = path.join(cacheDir, OUTPUT_RECORD);
  let record: OutputRecord | undefined;
  try {
    record = JSON.parse(readFileSync(file, 'utf8')) as OutputRecord;
  } catch {
    record = undefined;
  }
  rmSync(file, { force: true });
  return record?.outDir === outDir && record.home === homeStatus(outDir);
}

export function recordOwnership(cacheDir: string, outDir: string): void {
  const home = homeStatus(outDir);
  if (home) writeFileSync(path.join(cacheDir, OUTPUT_RECORD), JSON.stringify({ outDir, home } satisfies OutputRecord));
}

/** Empties `outDir` as Astro does (its .git aside); whether there was anything to remove. */
export function emptyFolder(outDir: string): boolean {
  let entries: string[];
  try {
    entries = readdirSync(outDir).filter((entry) => entry !== '.git');
  } catch {
    return false;
  }
  for (const entry of entries) rmSync(path.join(outDir, entry), { recursive: true, force: true });
  return entries.length > 0;
}

/**
 * Removes from `dir` every file whose status changed before `since` (ms) and that `kept` does not list (absolute
 * paths), then the folders left empty; `skip` names top-level folders left alone. Returns the removed files, relative.
 */
export function pruneOlderThan(dir: string, since: number, kept: ReadonlySet<string>, skip: ReadonlySet<string> = new Set()): string[] {
  const removed: string[] = [];
  const visit = (folder: string, top: boolean): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (top && skip.has(entry.name)) {
        empty = false;
      } else if (entry.isDirectory()) {
        if (visit(file, false)) rmdirSync(file);
        else empty = false;
      } else if (!kept.has(file) && statSync(file).ctimeMs < since) {
        unlinkSync(file);
        removed.push(path.relative(dir, file));
      } else {
        empty = false;
      }
    }
    return empty;
  };
  visit(dir, true);
  return removed.sort();
}

export function keptOutput(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let started = 0;
  return {
    name: 'kept-output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        started = Date.now() - CLOCK_SLACK_MS;
        if (takeOwnership(cacheDir, outDir)) return;
        if (emptyFolder(outDir)) logger.info('dossier de sortie vidé : ce n’est pas celui que la construction précédente a laissé');
      },
      'astro:build:done': ({ assets, logger }) => {
        const pages = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        const removed = pruneOlderThan(outDir, started, pages, new Set([path.basename(searchIndexPath)]));
        if (removed.length) logger.info(`${removed.length} fichier(s) d’une construction précédente retiré(s)`);
        recordOwnership(cacheDir, outDir);
      },
    },
  };
}
