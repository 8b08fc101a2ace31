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
    // No input of the site has a placeholder (Pagefind's, on the search page, has its own stylesheet).
    if (c.type === 'pseudo-element')
      return c.kind === 'file-selector-button' || c.kind === 'placeholder' || (c.kind === 'custom' && ABSENT_PSEUDO.test(c.name));
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
      // Tailwind's preflight writes one vendor declaration three times (a{-webkit-text-decoration:inherit…}).
      const inlined = inlineTheme(
        pruned
          .toString()
          .replace(/\/\*![^*]*\*\/\s*/g, '')
          .replace(/(-webkit-text-decoration:inherit;)+/g, '$1'),
      );
      // Minified again: calc(.25rem * 4) becomes 1rem.
      return { code: transform({ filename: id, code: Buffer.from(inlined), minify: true }).code.toString(), map: null };
    },
  };
}

/** The declarations of Tailwind's theme block (`:root,:host{…}`), or '' without one. */
export function themeBlock(css: string): string {
  return /:root,:host\{([^}]*)\}/.exec(css)?.[1] ?? '';
}

/**
 * Variables whose value is known, written where they are read: the theme's (Tailwind's `:root` block:
 * colours, spacing, sizes, fonts), which the site never changes at run time, so that `var(--spacing)` and
 * `var(--color-muted)` are only longer ways to write their values; and a variable no rule sets, which
 * always takes its `@property` initial value, or else the var()'s fallback. Each page runs it again on its
 * own rules, where fewer variables are set, then drops the declarations no rule reads (page-css.ts).
 */
export function inlineTheme(css: string): string {
  const block = themeBlock(css);
  const values = new Map<string, string>();
  for (const [, name, value] of block.matchAll(/(--[\w-]+):([^;]*)/g)) values.set(name, value);
  // A variable also set outside the theme (Tailwind's --tw-* internals) is not a constant.
  for (const [, name] of css.replace(block, '').matchAll(/[{;](--[\w-]+):/g)) values.delete(name);
  const declared = new Set([...css.matchAll(/[{;](--[\w-]+):/g)].map((m) => m[1]));
  const initial = new Map([...css.matchAll(/@property (--[\w-]+)\{[^}]*?initial-value:([^;}]*)/g)].map((m) => [m[1], m[2]] as const));
  // A fallback that divides (Tailwind's line heights, calc(1.25 / .875)) stays for the browser to compute:
  // the minifier would round it to five decimals, and lines of text would move by a pixel.
  const fallbackOf = (rest: string) => (rest.startsWith(',') && !rest.includes('/') ? rest.slice(1) : undefined);
  const resolve = (text: string, depth = 0): string => {
    if (depth > 8) return text;
    let out = '';
    let i = 0;
    for (let at = text.indexOf('var(--', i); at !== -1; at = text.indexOf('var(--', i)) {
      const name = /^var\((--[\w-]+)/.exec(text.slice(at))![1];
      // The whole var(…), its fallback included: nested parentheses counted.
      let end = at + 4;
      for (let open = 1; open > 0 && end < text.length; end++) open += text[end] === '(' ? 1 : text[end] === ')' ? -1 : 0;
      // A variable nobody declares always takes its initial value, or else its fallback.
      const value = values.get(name) ?? (declared.has(name) ? undefined : (initial.get(name) ?? fallbackOf(text.slice(at + 4 + name.length, end - 1))));
      out +=
        text.slice(i, at) + (value === undefined ? `var(${name}${resolve(text.slice(at + 4 + name.length, end - 1), depth + 1)})` : resolve(value, depth + 1));
      i = end;
    }
    return out + text.slice(i);
  };
  // The theme block itself stays as written (its declarations read each other); every other rule is resolved.
  const start = css.indexOf(block);
  return block ? resolve(css.slice(0, start)) + block + resolve(css.slice(start + block.length)) : resolve(css);
}
