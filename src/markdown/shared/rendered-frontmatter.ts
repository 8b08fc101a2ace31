import type { VFile } from 'vfile';

/**
 * Hands a value from a plugin to the page: Astro returns the file's `data.astro.frontmatter` from
 * render() as `remarkPluginFrontmatter`, and keeps it with the rendered entry in its content store.
 */
export function setRenderedFrontmatter(file: VFile, key: string, value: unknown): void {
  const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
  astro.frontmatter = { ...astro.frontmatter, [key]: value };
}
