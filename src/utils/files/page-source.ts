import { realpathSync } from 'node:fs';
import type { Repository } from './git.ts';
import { editUrl } from '../navigation/paths.ts';

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

const realPath = (file: string) => {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
};

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
  const real = realPath(file);
  // The schema reads `updated: 2026-03-15` as midnight UTC.
  const lastChange = updated ? updated.toISOString().slice(0, 10) : repository?.lastCommitDays.get(real);
  const edit = editUrl(editBase, real, repository?.root ?? realPath(projectRoot));
  return { ...(lastChange && { lastChange }), ...(edit && { editUrl: edit }) };
}
