import { sectorPath } from '../../utils/navigation/paths.ts';

/**
 * Old addresses of sector pages (frontmatter `aliases`) and the redirects they become. Pure: the
 * content checks report the mistakes (src/checks/site/cross-file.ts), the build makes the redirects
 * (src/data/links.ts); both give the sectors and the site's other pages.
 */
export interface AliasSource {
  /** The sector's slug (its URL is /secteurs/<id>/). */
  id: string;
  /** The content file, as shown to editors (e.g. content/secteurs/sante.md). */
  file: string;
  aliases?: readonly string[];
}

/** A page of src/pages, as src/checks/files/site-index.ts lists them. */
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

/** One alias mistake: which sector (index in the list given), which of its aliases, and the French message without the file. */
export interface AliasProblem {
  sector: number;
  alias: number;
  file: string;
  message: string;
}

// Folder-like paths only: no dots (no "..", no "page.html" that a trailing slash would change), no query or fragment.
const ALIAS_PATTERN = /^\/(?:[A-Za-z0-9_~-]+\/)*(?:[A-Za-z0-9_~-]+\/?)?$/;

/** The alias as a site path with its trailing slash, or undefined when it is not a valid page path. */
function aliasPath(alias: string): string | undefined {
  const trimmed = alias.trim();
  if (!ALIAS_PATTERN.test(trimmed) || trimmed === '/') return undefined;
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

const invalidMessage = (alias: string) =>
  `l’alias « ${alias} » n’est pas un chemin de page valide. ` +
  'Écrivez un chemin qui commence par « / », fait de lettres sans accents, chiffres, tirets et « / », par exemple « /secteurs/ancien-nom/ ».';

/**
 * Every redirect, sorted by old path, and every mistake at once: an alias that is not a page path,
 * that is the address of a real page (a sector or another page of the site), or that is claimed twice
 * (the first claim keeps it). Paths compare without case: on a case-insensitive disk,
 * /Secteurs/Sante/ would overwrite /secteurs/sante/.
 */
export function checkAliases(sectors: readonly AliasSource[], otherPages: readonly ReservedPage[] = []): { redirects: Redirect[]; problems: AliasProblem[] } {
  // `sector`: whose address or alias this is, so that a sector's own address or alias gets a message of its own.
  const owners = new Map<string, { label: string; sector?: number; alias?: boolean }>();
  const claim = (path: string, owner: { label: string; sector?: number; alias?: boolean }) => owners.set(path.toLowerCase(), owner);
  for (const page of otherPages) claim(page.path, { label: `la page ${page.path} (${page.file})` });
  sectors.forEach((sector, i) => claim(sectorPath(sector.id), { label: `la page du secteur ${sector.file}`, sector: i }));

  const redirects: Redirect[] = [];
  const problems: AliasProblem[] = [];
  sectors.forEach((sector, i) => {
    (sector.aliases ?? []).forEach((alias, j) => {
      const problem = (message: string) => problems.push({ sector: i, alias: j, file: sector.file, message });
      const from = aliasPath(alias);
      if (from === undefined) return problem(invalidMessage(alias));
      const owner = owners.get(from.toLowerCase());
      if (owner !== undefined) {
        const what =
          owner.sector !== i
            ? `est déjà l’adresse de ${owner.label}`
            : owner.alias
              ? 'est déjà un autre alias de cette même page'
              : 'est déjà l’adresse de cette même page';
        return problem(`l’alias « ${alias} » ${what}. Une ancienne adresse ne peut pas mener à deux pages : retirez ou changez cet alias.`);
      }
      claim(from, { label: `l’alias d’un autre secteur (${sector.file})`, sector: i, alias: true });
      redirects.push({ from, to: sector.id, file: sector.file });
    });
  });
  return { redirects: redirects.sort((a, b) => a.from.localeCompare(b.from)), problems };
}
