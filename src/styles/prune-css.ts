import { clampChroma, rgb } from 'culori';
import { transform, type Selector, type SelectorComponent } from 'lightningcss';
import type { Plugin } from 'vite';

/**
 * Elements and pseudo-elements no page of the site has: no template writes a form control other than a
 * search box and buttons, and markdown makes none. Tailwind's preflight styles them anyway (date
 * fields, file pickers, number spinners…), in every page's CSS.
 */
const ABSENT_ELEMENTS = new Set(['progress', 'select', 'optgroup', 'textarea']);
const ABSENT_PSEUDO = /^-webkit-(?:date|calendar|inner-spin|outer-spin)|^-moz-ui-invalid$/;

/** Whether a selector can only match what the site never renders. */
function targetsAbsent(selector: Selector): boolean {
  return selector.some((c: SelectorComponent) => {
    if (c.type === 'type') return ABSENT_ELEMENTS.has(c.name);
    if (c.type === 'pseudo-element') return c.kind === 'file-selector-button' || (c.kind === 'custom' && ABSENT_PSEUDO.test(c.name));
    if (c.type === 'pseudo-class' && c.kind === 'custom') return ABSENT_PSEUDO.test(c.name);
    if (c.type === 'pseudo-class' && (c.kind === 'where' || c.kind === 'is')) return c.selectors.length > 0 && c.selectors.every(targetsAbsent);
    return false;
  });
}

/**
 * What Tailwind emits that no reader's browser needs, removed from the site's stylesheet before
 * Astro inlines it in every page: the `@layer properties` block, a copy of every `@property`
 * initial value for browsers without `@property` (Baseline since 2024; it is also the only CSS the
 * W3C validator rejects, `margin-trim` in its feature test), the preflight's rules for form controls
 * the site never renders (ABSENT_ELEMENTS), and oklch() colours written as hex: bytes on every page's budget.
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
          // Tailwind's oklch() colours as the sRGB hex every screen shows them: a third of the length.
          Color: (color) => {
            if (typeof color !== 'object' || color.type !== 'oklch' || color.alpha !== 1) return undefined;
            const { r, g, b } = rgb(clampChroma({ mode: 'oklch', l: color.l, c: color.c, h: color.h }, 'oklch', 'rgb'));
            const channel = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
            return { type: 'rgb', r: channel(r), g: channel(g), b: channel(b), alpha: 1 };
          },
          Rule: {
            'layer-block': (rule) => (rule.value.name?.length === 1 && rule.value.name[0] === 'properties' ? [] : undefined),
            style: (rule) => {
              const kept = rule.value.selectors.filter((s) => !targetsAbsent(s));
              if (kept.length === rule.value.selectors.length) return undefined;
              return kept.length ? { ...rule, value: { ...rule.value, selectors: kept } } : [];
            },
          },
        },
      });
      // Tailwind's own licence comment is not read by any reader's browser.
      return { code: pruned.toString().replace(/\/\*![^*]*\*\/\s*/g, ''), map: null };
    },
  };
}
