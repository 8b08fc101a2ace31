/**
 * Old addresses of sector pages (frontmatter `aliases`) and the redirects they become.
 * Pure: the build gives the sectors and the site's other pages; a clash throws a French error naming the files.
 */
export interface AliasSource {
  /** The sector's slug (its URL is /secteurs/<id>/). */
  id: string;
  /** The content file, as shown to editors (e.g. content/secteurs/sante.md). */
  file: string;
  aliases?: readonly string[];
}

export interface ReservedPage {
  /** Site path without base, e.g. "/" or "/recherche/". */
  path: string;
  /** What makes this page, for the error message. */
  file: string;
}

export interface Redirect {
  /** The old path, without base, with a trailing slash: "/secteurs/ancien-nom/". */
  from: string;
  /** The sector's slug the old path leads to. */
  to: string;
  file: string;
}

export class AliasError extends Error {
  override name = 'AliasError';
}

// Folder-like paths only: no dots (no "..", no "page.html" that a trailing slash would change), no query or fragment.
const ALIAS_PATTERN = /^\/(?:[A-Za-z0-9_~-]+\/)*(?:[A-Za-z0-9_~-]+\/?)?$/;

/** "/secteurs/ancien-nom" → "/secteurs/ancien-nom/" (the site's URLs all end with "/"). */
export function normalizeAlias(alias: string, file: string): string {
  const trimmed = alias.trim();
  if (!ALIAS_PATTERN.test(trimmed) || trimmed === '/') {
    throw new AliasError(
      `${file} : l’alias « ${alias} » n’est pas un chemin de page valide. ` +
        'Écrivez un chemin qui commence par « / », fait de lettres sans accents, chiffres, tirets et « / », par exemple « /secteurs/ancien-nom/ ».',
    );
  }
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/**
 * Every redirect, sorted by old path. Throws when an alias is the address of a real page
 * (a sector or another page of the site) or is claimed twice. Paths compare without case:
 * on a case-insensitive disk, /Secteurs/Sante/ would overwrite /secteurs/sante/.
 */
export function collectRedirects(sectors: readonly AliasSource[], otherPages: readonly ReservedPage[] = []): Redirect[] {
  const owners = new Map<string, string>();
  const claim = (path: string, owner: string) => owners.set(path.toLowerCase(), owner);
  for (const page of otherPages) claim(page.path, `la page ${page.path} (${page.file})`);
  for (const sector of sectors) claim(`/secteurs/${sector.id}/`, `la page du secteur ${sector.file}`);

  const redirects: Redirect[] = [];
  for (const sector of sectors) {
    for (const alias of sector.aliases ?? []) {
      const from = normalizeAlias(alias, sector.file);
      const owner = owners.get(from.toLowerCase());
      if (owner !== undefined) {
        const what = owner === `la page du secteur ${sector.file}` ? 'est déjà l’adresse de cette même page' : `est déjà l’adresse de ${owner}`;
        throw new AliasError(
          `${sector.file} : l’alias « ${alias} » ${what}. ` + 'Une ancienne adresse ne peut pas mener à deux pages : retirez ou changez cet alias.',
        );
      }
      claim(from, `l’alias d’un autre secteur (${sector.file})`);
      redirects.push({ from, to: sector.id, file: sector.file });
    }
  }
  return redirects.sort((a, b) => a.from.localeCompare(b.from));
}

/**
 * Site paths of the routes in src/pages that are not dynamic ("[param]"), from their file paths
 * relative to src/pages: "index.astro" → "/", "404.astro" → "/404/", "recherche/index.astro" → "/recherche/".
 */
export function staticPagePaths(files: readonly string[]): ReservedPage[] {
  return files
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /\.(astro|md|mdx|html)$/.test(f) && !f.includes('['))
    .map((f) => {
      const route = f.replace(/\.(astro|md|mdx|html)$/, '').replace(/(^|\/)index$/, '');
      return { path: route ? `/${route}/` : '/', file: `src/pages/${f}` };
    });
}
