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

/** URLs of the site's pages, always with a trailing slash, under Astro's `base`. */
export function withBase(path: string, base: string = astroBase()): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix + path.replace(/^\/+/, '');
}

export function sectorPath(slug: string): string {
  return `secteurs/${slug}/`;
}
