/**
 * The public address of a page or file. With a known site address (SITE_URL) it is absolute, as
 * canonical links, Open Graph and sitemaps want. Without one the build is local and nobody knows
 * where it will be served, so it stays root-relative: a wrong absolute URL (localhost) would be
 * copied into every shared preview, a relative one at least resolves on whatever host serves it.
 */
export function publicUrl(pathWithBase: string, site: URL | string | undefined): string {
  return site ? new URL(pathWithBase, site).href : pathWithBase;
}
