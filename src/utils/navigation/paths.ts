/**
 * Every address of the site is built here: pages under Astro's `base`, sector pages, preview
 * images, and the public (absolute) form of any of them. Paths are "site paths": without the base,
 * starting with "/" and, for pages, ending with "/". No Node module here: the editor at /admin/ runs
 * this file in the browser (the edit link, a path on disk, is made in src/utils/files/page-source.ts).
 */

/**
 * Astro's `base`, replaced at build time. Written `import.meta.env.BASE_URL`, never `import.meta.env`
 * alone: for a bare `import.meta.env` Astro inlines every environment variable whose name appears in
 * the file (here `_`, the shell's last command), so the module's code, and the incremental build's
 * hash of every page, would change with the way the build was started. '/' outside Vite (npm run check).
 */
function astroBase(): string {
  try {
    return import.meta.env.BASE_URL ?? '/';
  } catch {
    return '/';
  }
}

/** A site path under Astro's `base`: withBase('/secteurs/sante/') → '/prompt/secteurs/sante/'. */
export function withBase(path: string, base: string = astroBase()): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

const SECTORS = '/secteurs/';

/** The site path of a sector page: "/secteurs/sante/". */
export function sectorPath(slug: string): string {
  return `${SECTORS}${slug}/`;
}

/** The sector slug of a site path made by sectorPath, or undefined for any other path. */
export function sectorSlugOf(sitePath: string): string | undefined {
  return sitePath.startsWith(SECTORS) && sitePath.endsWith('/') ? sitePath.slice(SECTORS.length, -1) || undefined : undefined;
}

/**
 * The CMS's addresses (src/cms/): its page, its configuration, Decap's file, and in `npm run dev` its
 * local backend (with a final slash: the dev server answers no other address).
 */
export const adminPaths = {
  page: '/admin/',
  config: '/admin/config.yml',
  decap: '/admin/decap-cms.js',
  localBackend: '/admin/api/v1/',
};

/** The folder of the search index and its UI, which Pagefind writes after the build (scripts/search-index.ts). */
export const searchIndexPath = '/pagefind/';

/** Site path of each page's preview image (og:image); pages without their own share the home page's. */
export const previewPath = {
  home: '/og/accueil.png',
  sector: (slug: string) => `/og${SECTORS}${slug}.png`,
};

/**
 * The public address of a page or file. With a known site address (SITE_URL) it is absolute, as
 * canonical links, Open Graph and sitemaps want. Without one the build is local and nobody knows
 * where it will be served, so it stays root-relative: a wrong absolute URL (localhost) would be
 * copied into every shared preview, a relative one at least resolves on whatever host serves it.
 */
export function publicUrl(pathWithBase: string, site: URL | string | undefined): string {
  return site ? new URL(pathWithBase, site).href : pathWithBase;
}
