/**
 * What Astro gives a markdown renderer with this site's configuration (its content layer and markdown entry type
 * pass the same; src/build/parallel-markdown.ts hands them to the workers).
 */
export const RENDERER_OPTIONS = {
  image: { service: { entrypoint: 'astro/assets/services/sharp', config: {} }, domains: [], remotePatterns: [] },
  syntaxHighlight: false as const,
  shikiConfig: {},
  gfm: false,
  smartypants: false,
};
