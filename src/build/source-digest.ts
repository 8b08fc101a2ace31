/**
 * A digest of some source files and of the local modules they import, read from disk.
 * For the markdown pipeline (astro.config.ts): Astro keeps rendered markdown in its cache until
 * its config digest changes, and that digest serialises the remark and rehype plugins, which are
 * functions, as null; editing a plugin would otherwise leave every page rendered by the old code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// `import … from './x'`, `export … from './x'`, `import './x'`, `import('./x')`: relative specifiers only
// (packages are covered by the lockfile given alongside).
const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.\.?\/[^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.mts', '.tsx', '.js', '.mjs', '/index.ts', '/index.js'];

/** The relative modules a source file names (type-only imports included: harmless, and simpler to be sure). */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(RELATIVE_IMPORT)].map((m) => m[1]);
}

function resolveImport(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const found = EXTENSIONS.map((ext) => base + ext).find((file) => existsSync(file) && statSync(file).isFile());
  if (!found) throw new Error(`source-digest : ${specifier} (importé par ${fromFile}) est introuvable`);
  return found;
}

/** Every file reached from `entries` through relative imports, entries included, sorted. */
export function localModuleGraph(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = entries.map((file) => path.resolve(file));
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) pending.push(resolveImport(file, specifier));
  }
  return [...seen].sort();
}

/**
 * SHA-256 (base64url) of the modules reached from `entries` and of the `extra` files (e.g. the
 * lockfile), each under its path relative to `root`, so that the digest does not depend on where the
 * project is checked out. A missing file throws: a silent digest would hide a stale cache.
 */
export function sourceDigest(root: string, entries: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  const files = [...localModuleGraph(entries), ...extra.map((file) => path.resolve(file))];
  for (const file of files) {
    hash.update(path.relative(root, file).split(path.sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('base64url');
}
