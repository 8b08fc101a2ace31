import { transform, type Selector, type SelectorComponent } from 'lightningcss';

/**
 * Each page inlines the site's whole stylesheet (one request, no render-blocking file), most of which
 * styles what the page does not have: the home page has no footnote, the 404 page no code block. Each
 * page keeps only the rules whose selectors can match one of its elements, judged by the names they
 * need (elements, classes, ids, attributes) against those the page's HTML holds. Over-approximate, never
 * under: pseudo-classes, :not() and combinators are not judged. Then the theme's variables no kept rule
 * reads go too. Pages of the same shape share the result.
 */

/** Added by scripts after load (the search page's Pagefind UI, the copy buttons' live region): always kept. */
const ADDED_BY_SCRIPTS = ['class:pagefind-ui', 'class:sr-only'];
const ALWAYS = new Set(['tag:html', 'tag:body', 'tag:*', ...ADDED_BY_SCRIPTS]);

/** The names a page's markup holds: "tag:pre", "class:prose", "id:contenu", "attr:data-footnote-ref". */
export function pageNames(html: string): Set<string> {
  const markup = html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  const names = new Set(ALWAYS);
  for (const [, tag, attributes] of markup.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    names.add(`tag:${tag.toLowerCase()}`);
    for (const [, attribute, raw = ''] of attributes.matchAll(/([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      const name = attribute.toLowerCase();
      names.add(`attr:${name}`);
      const value = raw.replace(/^["']|["']$/g, '');
      if (name === 'class') for (const c of value.split(/\s+/)) if (c) names.add(`class:${c}`);
      if (name === 'id') names.add(`id:${value}`);
    }
  }
  return names;
}

function canMatch(selector: Selector, names: Set<string>): boolean {
  return selector.every((part: SelectorComponent) => {
    switch (part.type) {
      case 'type':
        return names.has(`tag:${part.name}`);
      case 'class':
        return names.has(`class:${part.name}`);
      case 'id':
        return names.has(`id:${part.name}`);
      case 'attribute':
        return names.has(`attr:${part.name.toLowerCase()}`);
      case 'pseudo-class':
        // :is(), :where() and :has() need one of their selectors; every other pseudo-class (:not() included) is not judged.
        if ((part.kind === 'is' || part.kind === 'where' || part.kind === 'has') && part.selectors.length)
          return part.selectors.some((s) => canMatch(s as Selector, names));
        return true;
      default:
        return true;
    }
  });
}

const byShape = new Map<string, string>();

/** The stylesheet `css` minus the rules no element of the page can match. */
export function cssForPage(css: string, html: string): string {
  const names = pageNames(html);
  const shape = `${css.length}\0${[...names].sort().join(' ')}`;
  const known = byShape.get(shape);
  if (known !== undefined) return known;
  let pruned = transform({
    filename: 'page.css',
    code: Buffer.from(css),
    minify: true,
    visitor: { Rule: { style: (rule) => (rule.value.selectors.some((s) => canMatch(s, names)) ? undefined : []) } },
  }).code.toString();
  // Then the theme's variables (declared in Tailwind's :root block) that no kept rule reads, until none is left to drop.
  const theme = new Set([...(/:root,:host\{([^}]*)\}/.exec(pruned)?.[1] ?? '').matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
  for (let before = ''; before !== pruned;) {
    before = pruned;
    const read = new Set([...pruned.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]));
    pruned = transform({
      filename: 'page.css',
      code: Buffer.from(pruned),
      minify: true,
      visitor: { Declaration: { custom: (declaration) => (theme.has(declaration.name) && !read.has(declaration.name) ? [] : undefined) } },
    }).code.toString();
  }
  byShape.set(shape, pruned);
  return pruned;
}

/** A built page with its inlined stylesheet cut to what it uses. */
export function withPageCss(html: string): string {
  return html.replace(/<style>([\s\S]*?)<\/style>/, (whole, css: string) => `<style>${cssForPage(css, html)}</style>`);
}
