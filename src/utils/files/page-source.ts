import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { Repository } from './git.ts';

/** What a page says about its source file: the day it last changed, and where to edit it. */
export interface PageSource {
  /** "2026-03-15", shown « Mis à jour le 15 mars 2026 »; the JSON-LD's dateModified and the sitemap's lastmod. */
  lastChange?: string;
  /** « Modifier cette page » (EDIT_URL set). */
  editUrl?: string;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** A day ("2026-03-01") as French readers write it: « 1er mars 2026 », « 15 mars 2026 ». */
export function frenchDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date === 1 ? '1er' : date} ${MONTHS[month - 1]} ${year}`;
}

// Folders do not move while a build or the dev server runs: each is resolved once, not once per page's file (every
// sector page of the dev server lists them all).
const realFolders = new Map<string, string>();

/** A folder's real path (where symbolic links lead), or the folder itself while it cannot be resolved. */
function realFolder(folder: string): string {
  let real = realFolders.get(folder);
  if (real === undefined) {
    try {
      realFolders.set(folder, (real = realpathSync(folder)));
    } catch {
      return folder;
    }
  }
  return real;
}

/**
 * A content file's path as git names it: through its folder's real path (a link to the project's or the content's
 * folder leads where it points), and by its own name (git keeps a linked file as a link).
 */
const realFile = (file: string) => path.join(realFolder(path.dirname(file)), path.basename(file));

/**
 * The « Modifier cette page » address of a content file: `editBase` (src/settings.ts, ending with "/") followed
 * by the file's path from the repository's root (both real paths; the project's folder outside git).
 * Undefined without an edit address, or for a file outside that folder: there is no address to give.
 * (The edit address's variable is not named here: Astro would copy its value into this module's code,
 * and every page's hash, see astroBase in src/utils/navigation/paths.ts.)
 */
function editUrl(editBase: string | undefined, file: string, repositoryRoot: string): string | undefined {
  if (!editBase) return undefined;
  const relative = path.relative(repositoryRoot, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return editBase + relative.split(path.sep).map(encodeURIComponent).join('/');
}

/**
 * A content file's page source. The day: the frontmatter's `updated` where the editor gives it,
 * otherwise the last commit of the file (src/utils/files/git.ts: none in a shallow clone, outside git, or
 * for a file with uncommitted changes); no date is better than a wrong one. The edit link: EDIT_URL
 * and the file's path from the repository's root, or from `projectRoot` outside git.
 */
export function pageSource(
  file: string,
  updated: Date | undefined,
  { repository, editBase, projectRoot }: { repository?: Repository; editBase?: string; projectRoot: string },
): PageSource {
  const real = realFile(file);
  // The schema reads `updated: 2026-03-15` as midnight UTC.
  const lastChange = updated ? updated.toISOString().slice(0, 10) : repository?.lastCommitDays.get(real);
  const edit = editUrl(editBase, real, repository?.root ?? realFolder(projectRoot));
  return { ...(lastChange && { lastChange }), ...(edit && { editUrl: edit }) };
}
