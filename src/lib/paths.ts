/** URLs of the site's pages, always with a trailing slash, under Astro's `base`. */
export function withBase(path: string, base: string = import.meta.env?.BASE_URL ?? '/'): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export function sectorPath(slug: string): string {
  return `secteurs/${slug}/`;
}
