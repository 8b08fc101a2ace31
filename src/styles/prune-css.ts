import { transform } from 'lightningcss';
import type { Plugin } from 'vite';

/**
 * What Tailwind emits that no reader's browser needs, removed from the site's stylesheet before
 * Astro inlines it in every page: the `@layer properties` block, a copy of every `@property`
 * initial value for browsers without `@property` (Baseline since 2024). It is also the only
 * CSS the W3C validator rejects (`margin-trim` in its feature test).
 */
export function pruneCss(): Plugin {
  return {
    name: 'prune-css',
    // Right after Tailwind's own transform (also 'pre', listed first), while the module is still CSS.
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css(?:$|\?)/.test(id) || !code.includes('@layer properties')) return null;
      const { code: pruned } = transform({
        filename: id,
        code: Buffer.from(code),
        minify: true,
        visitor: {
          Rule: {
            'layer-block': (rule) => (rule.value.name?.length === 1 && rule.value.name[0] === 'properties' ? [] : undefined),
          },
        },
      });
      return { code: pruned.toString(), map: null };
    },
  };
}
