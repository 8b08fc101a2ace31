import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../report/problems.ts';
import { IMAGE_FILE } from '../rules/remark-image-checks.ts';

/**
 * Files of the content folder the site does not use: neither a page it reads (accueil.md, secteurs/**.md
 * or .mdx) nor a file a page shows (an image). Their editor would think them published. Hidden files
 * (.DS_Store, .gitkeep…) are the system's, not an editor's, and are left alone.
 */
export function unusedFiles(dir: string, pages: readonly string[], assets: ReadonlySet<string>): Problem[] {
  const used = new Set([...pages, ...assets].map((file) => path.resolve(file)));
  const root = path.resolve(dir);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => !f.split(path.sep).some((part) => part.startsWith('.')))
    .map((f) => path.join(root, f))
    .filter((f) => !used.has(f) && statSync(f).isFile())
    .sort();
  return files.map((file) => ({ file, message: why(path.relative(root, file)) }));
}

function why(relative: string): string {
  const name = path.basename(relative);
  const inSectors = relative.split(path.sep)[0] === 'secteurs';
  if (IMAGE_FILE.test(name)) return `aucune page n’affiche cette image : ajoutez-la à une page, ![Ce qu’elle montre](./${name}), ou supprimez-la`;
  if (/\.mdx?$/i.test(name))
    return 'le site ne lit pas ce fichier : les pages sont accueil.md et les fichiers de secteurs/ ; déplacez-le dans secteurs/ s’il doit être publié';
  const page = name.replace(/\.[^.]*$/, '') + '.md';
  return inSectors
    ? `le site ne lit pas ce fichier : seuls les fichiers .md et .mdx deviennent des pages. S’il doit être publié, renommez-le « ${page} » ; sinon, sortez-le du dossier content/`
    : 'le site ne lit pas ce fichier : le dossier content/ ne contient que les pages et leurs images ; sortez-le de ce dossier';
}
