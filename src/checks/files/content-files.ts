import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The sector files of a content folder: secteurs/**.md(x), sorted for stable reports. */
export function sectorFiles(dir: string): string[] {
  const sectorsDir = path.join(dir, 'secteurs');
  if (!existsSync(sectorsDir)) return [];
  return readdirSync(sectorsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => path.join(sectorsDir, f))
    .sort();
}

/** The content files: accueil.md(x), then the sectors. */
export function contentFiles(dir: string): string[] {
  const home = ['accueil.md', 'accueil.mdx'].map((f) => path.join(dir, f)).filter((f) => existsSync(f));
  return [...home, ...sectorFiles(dir)];
}
