import { transform, type Selector, type SelectorComponent } from 'lightningcss';
import { inlineTheme, themeBlock } from './prune-css.ts';

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
    if (attributes) for (const name of attributeNames(attributes)) names.add(name);
  }
  return names;
}

/** The names one tag's attributes hold, kept by their text: a page repeats the same attributes on many tags. */
const namesOfAttributes = new Map<string, string[]>();

function attributeNames(attributes: string): string[] {
  let found = namesOfAttributes.get(attributes);
  if (found) return found;
  found = [];
  for (const [, attribute, raw = ''] of attributes.matchAll(/([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    const name = attribute.toLowerCase();
    found.push(`attr:${name}`);
    const value = raw.replace(/^["']|["']$/g, '');
    if (name === 'class') for (const c of value.split(/\s+/)) if (c) found.push(`class:${c}`);
    if (name === 'id') found.push(`id:${value}`);
  }
  if (namesOfAttributes.size < 10_000) namesOfAttributes.set(attributes, found);
  return found;
}

/** The name a selector part needs the page to hold, if it is one canMatch judges. */
function nameOf(part: SelectorComponent): string | undefined {
  switch (part.type) {
    case 'type':
      return `tag:${part.name}`;
    case 'class':
      return `class:${part.name}`;
    case 'id':
      return `id:${part.name}`;
    case 'attribute':
      return `attr:${part.name.toLowerCase()}`;
    default:
      return undefined;
  }
}

/** :is(), :where() and :has() need one of their selectors; every other pseudo-class (:not() included) is not judged. */
function alternativesOf(part: SelectorComponent): Selector[] | undefined {
  if (part.type === 'pseudo-class' && (part.kind === 'is' || part.kind === 'where' || part.kind === 'has') && part.selectors.length)
    return part.selectors as Selector[];
  return undefined;
}

function canMatch(selector: Selector, names: Set<string>): boolean {
  return selector.every((part: SelectorComponent) => {
    const name = nameOf(part);
    if (name) return names.has(name);
    return alternativesOf(part)?.some((s) => canMatch(s, names)) ?? true;
  });
}

function addNamesOf(selector: Selector, into: Set<string>) {
  for (const part of selector) {
    const name = nameOf(part);
    if (name) into.add(name);
    else for (const alternative of alternativesOf(part) ?? []) addNamesOf(alternative, into);
  }
}

/** Every name the stylesheet's selectors need: two pages holding the same of these get the same stylesheet. */
function namesJudged(css: string): Set<string> {
  const judged = new Set<string>();
  transform({
    filename: 'page.css',
    code: Buffer.from(css),
    visitor: { Rule: { style: (rule) => void rule.value.selectors.forEach((selector) => addNamesOf(selector, judged)) } },
  });
  return judged;
}

/** A value every browser parses: a number, a length, a keyword, a hex colour. */
const PLAIN_VALUE = /^(?:-?[\d.]+[a-z%]*|[a-z-]+|#[\da-f]{3,8})$/i;

/**
 * Each rule without the declarations that a later one of the same property always overrides: Tailwind's
 * `text-4xl` then `line-height: 1.15` write `line-height: var(--tw-leading, …)` and `line-height: 1.15`
 * in one block. Only a var() declaration goes (its value is known only at run time, so the minifier keeps
 * it), and only before a plain value (PLAIN_VALUE): an older browser that drops a newer syntax
 * (light-dark(), oklch()) falls back on the declaration before it. Blocks with quotes are left alone.
 */
function withoutOverridden(css: string): string {
  return css.replace(/\{([^{}"']*)\}/g, (_whole, body: string) => {
    const plainLater = new Set<string>();
    const kept: string[] = [];
    for (const declaration of body.split(';').reverse()) {
      const colon = declaration.indexOf(':');
      const property = declaration.slice(0, colon);
      const value = declaration.slice(colon + 1);
      if (colon > 0 && plainLater.has(property) && value.includes('var(') && !value.includes('!important')) continue;
      if (colon > 0 && PLAIN_VALUE.test(value)) plainLater.add(property);
      kept.push(declaration);
    }
    return `{${kept.reverse().join(';')}}`;
  });
}

/**
 * Pruned stylesheets, by stylesheet then by page shape: the names its markup holds that the stylesheet's
 * selectors need. Only those: a page's own ids (its headings', its notes') would make each page a shape.
 */
const byStylesheet = new Map<string, { judged: Set<string>; byShape: Map<string, string> }>();

/** The stylesheet `css` minus the rules no element of the page can match. */
export function cssForPage(css: string, html: string): string {
  const names = pageNames(html);
  let sheet = byStylesheet.get(css);
  if (!sheet) byStylesheet.set(css, (sheet = { judged: namesJudged(css), byShape: new Map() }));
  const { judged, byShape } = sheet;
  const shape = [...names]
    .filter((name) => judged.has(name))
    .sort()
    .join(' ');
  const known = byShape.get(shape);
  if (known !== undefined) return known;
  let pruned = transform({
    filename: 'page.css',
    code: Buffer.from(css),
    minify: true,
    visitor: { Rule: { style: (rule) => (rule.value.selectors.some((s) => canMatch(s, names)) ? undefined : []) } },
  }).code.toString();
  // Then the variables no kept rule reads: the theme's (declared in Tailwind's :root block) and Tailwind's
  // internals (--tw-*, read by nothing but this stylesheet; the page's other variables, --pagefind-ui-*, are
  // read by another). Those no kept rule sets take their value where they are read, declarations a later one
  // always overrides go, and so on until nothing changes.
  const theme = new Set([...themeBlock(pruned).matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
  const droppable = (name: string, read: Set<string>) => (theme.has(name) || name.startsWith('--tw-')) && !read.has(name);
  for (let before = ''; before !== pruned;) {
    before = pruned;
    pruned = withoutOverridden(inlineTheme(pruned));
    const read = new Set([...pruned.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]));
    pruned = transform({
      filename: 'page.css',
      code: Buffer.from(pruned),
      minify: true,
      visitor: {
        Declaration: { custom: (declaration) => (droppable(declaration.name, read) ? [] : undefined) },
        Rule: {
          property: (rule) => (droppable(rule.value.name, read) ? [] : undefined),
        },
      },
    }).code.toString();
  }
  byShape.set(shape, pruned);
  return pruned;
}

/** A built page with its inlined stylesheet cut to what it uses. */
export function withPageCss(html: string): string {
  return html.replace(/<style>([\s\S]*?)<\/style>/, (_whole, css: string) => `<style>${cssForPage(css, html)}</style>`);
}
