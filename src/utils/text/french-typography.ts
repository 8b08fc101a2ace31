import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

/**
 * French typography, applied at build time to text readers see.
 *
 * Rules (Imprimerie nationale, as most French publishers apply them on screen):
 * - `; ! ?` get a narrow no-break space (U+202F) before them; `:` gets a no-break space (U+00A0);
 * - « and » get a no-break space (U+00A0) inside: « mot »;
 * - an existing space (ordinary, no-break, thin, or a soft line break) is replaced, never doubled;
 * - a space is *added* only after a letter, a digit or a closing sign (» ) ] ’ ” … % °): "mot?" → "mot ?",
 *   but nothing is added at the start of a text ("? suite" stays), nor after other signs ("?!" keeps one space);
 * - `; ! ?` count as punctuation only when followed by a space, the end of the text, another `! ?`
 *   or a closing sign; `:` only when followed by a space or the end. So "10:30", "http://", "?q=1",
 *   "a;b" and "!important" are left alone;
 * - URLs written in the text (https://…, www.…) and code (`code`, `kbd`, `samp`, `pre`, `script`, `style`)
 *   are never changed; of the attributes, only those that are text for readers (`title`, `alt`, `aria-label`,
 *   `placeholder`) are typeset, never URLs, ids or classes.
 */

export const NNBSP = '\u202f';
export const NBSP = '\u00a0';

const SPACE = /[ \t\n\r\u00a0\u202f\u2009\u2007]/;
const WORDISH = /[\p{L}\p{N}\p{M}»›)\]’”…%°]/u;
const CLOSING_AFTER_PUNCT = /[»›)\]…,.'"’”]/;
const URL_IN_TEXT = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S+/gi;
/** The signs computeEdits' loop acts on, and only they (a rule for another sign goes in both): a text without any is left as it is. */
const SIGNS = /[;:!?«»‹›]/;

/** One change to the concatenated text: replace [start, end) by `text`. An insertion (start = end) belongs to the character at `owner`. */
interface Edit {
  start: number;
  end: number;
  text: string;
  owner: number;
}

/** The changes French typography makes to `s`; characters for which `locked(i)` is true are never changed. */
function computeEdits(s: string, locked: (i: number) => boolean): Edit[] {
  const edits: Edit[] = [];
  const isSpace = (i: number) => i >= 0 && i < s.length && SPACE.test(s[i]);

  /** The space before position p (punctuation or »): replaced, or inserted after a word. */
  const spaceBefore = (p: number, wanted: string) => {
    let k = p;
    while (isSpace(k - 1)) k--;
    if (k === 0) return; // nothing before: never add or touch a leading space
    if (k < p) {
      for (let i = k; i < p; i++) if (locked(i)) return;
      if (s.slice(k, p) !== wanted) edits.push({ start: k, end: p, text: wanted, owner: k });
    } else if (WORDISH.test(s[p - 1])) {
      edits.push({ start: p, end: p, text: wanted, owner: p });
    }
  };

  /** The space after « at position p. */
  const spaceAfter = (p: number, wanted: string) => {
    let k = p + 1;
    while (isSpace(k)) k++;
    if (k >= s.length) return;
    if (k > p + 1) {
      for (let i = p + 1; i < k; i++) if (locked(i)) return;
      if (s.slice(p + 1, k) !== wanted) edits.push({ start: p + 1, end: k, text: wanted, owner: p + 1 });
    } else {
      edits.push({ start: p + 1, end: p + 1, text: wanted, owner: p });
    }
  };

  for (let p = 0; p < s.length; p++) {
    const c = s[p];
    if (locked(p)) continue;
    const next = s[p + 1];
    if (c === ';' || c === '!' || c === '?') {
      const punctuation = next === undefined || SPACE.test(next) || next === '!' || next === '?' || CLOSING_AFTER_PUNCT.test(next);
      // In "?!" only the first sign gets the space.
      let k = p;
      while (isSpace(k - 1)) k--;
      const groupContinues = k > 0 && /[;:!?]/.test(s[k - 1]) && k === p;
      if (punctuation && !groupContinues) spaceBefore(p, NNBSP);
    } else if (c === ':') {
      if (next === undefined || SPACE.test(next)) spaceBefore(p, NBSP);
    } else if (c === '«' || c === '‹') {
      spaceAfter(p, NBSP);
    } else if (c === '»' || c === '›') {
      spaceBefore(p, NBSP);
    }
  }
  return edits;
}

/** Positions of URLs typed in text, minus the sentence punctuation that may end them. */
function urlRanges(s: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const m of s.matchAll(URL_IN_TEXT)) {
    const url = m[0].replace(/[.,;:!?»)]+$/, '');
    ranges.push([m.index, m.index + url.length]);
  }
  return ranges;
}

function applyEdits(s: string, edits: Edit[]): string {
  let out = s;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** French typography for one plain string (UI strings, `<title>`, meta description). Idempotent. */
export function frenchTypography(text: string): string {
  if (!SIGNS.test(text)) return text;
  const urls = urlRanges(text);
  return applyEdits(
    text,
    computeEdits(text, (i) => urls.some(([a, b]) => i >= a && i < b)),
  );
}

// --- hast -------------------------------------------------------------------------------------------

/** Attributes whose value is text a reader sees or hears (hast property names). */
const TEXT_PROPERTIES = ['title', 'alt', 'ariaLabel', 'placeholder'];

/** Elements whose text is code: never changed, but their characters count as context ("`x` ?"). */
const CODE_INLINE = new Set(['code', 'kbd', 'samp']);
/** Elements skipped entirely and acting as a boundary. */
const SKIPPED = new Set(['pre', 'script', 'style', 'textarea', 'svg', 'math', 'template']);
/** Inline (phrasing) elements: text flows through them, so "<em>mot</em> ?" is one run. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
]);

interface Segment {
  node?: Text;
  value: string;
  locked: boolean;
}

type AnyNode = Root | RootContent | ElementContent | { type: string; children?: unknown[]; value?: string; name?: string | null };

function textOf(node: AnyNode): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node && Array.isArray(node.children)) return (node.children as AnyNode[]).map(textOf).join('');
  return '';
}

const looksLikeUrl = (s: string) => /^\s*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)\S*\s*$/i.test(s);

/** Applies the edits of one run of inline text to its text nodes. */
function flush(run: Segment[]) {
  if (run.length === 0) return;
  const s = run.map((seg) => seg.value).join('');
  // Most runs hold none of the signs the rules act on: nothing to map to its nodes.
  if (!SIGNS.test(s)) return;
  const owners: number[] = [];
  const starts: number[] = [];
  let offset = 0;
  run.forEach((seg, index) => {
    starts.push(offset);
    for (let i = 0; i < seg.value.length; i++) owners.push(index);
    offset += seg.value.length;
  });
  const urls = urlRanges(s);
  const edits = computeEdits(s, (i) => run[owners[i]].locked || urls.some(([a, b]) => i >= a && i < b));
  if (edits.length === 0) return;
  // Split each edit into per-node edits, then rewrite each node from the end.
  const perNode = new Map<number, { start: number; end: number; text: string }[]>();
  const add = (index: number, start: number, end: number, text: string) => {
    const list = perNode.get(index) ?? [];
    list.push({ start: start - starts[index], end: end - starts[index], text });
    perNode.set(index, list);
  };
  for (const e of edits) {
    if (e.start === e.end) {
      add(owners[e.owner], e.start, e.end, e.text);
      continue;
    }
    let first = true;
    for (let i = e.start; i < e.end;) {
      const index = owners[i];
      const segEnd = Math.min(e.end, starts[index] + run[index].value.length);
      add(index, i, segEnd, first ? e.text : '');
      first = false;
      i = segEnd;
    }
  }
  for (const [index, list] of perNode) {
    const node = run[index].node!;
    node.value = applyEdits(
      node.value,
      list.map((l) => ({ ...l, owner: l.start })),
    );
  }
}

/** Applies French typography to the text nodes of a hast tree, run by run of inline text. */
export function typesetTree(tree: Root | Element) {
  let run: Segment[] = [];
  const boundary = () => {
    flush(run);
    run = [];
  };
  const walk = (node: AnyNode) => {
    switch (node.type) {
      case 'text':
        run.push({ node: node as Text, value: (node as Text).value, locked: false });
        return;
      case 'mdxTextExpression':
        run.push({ value: 'x', locked: true });
        return;
      case 'element':
      case 'mdxJsxTextElement':
      case 'mdxJsxFlowElement': {
        const name = node.type === 'element' ? (node as Element).tagName : ((node as { name?: string | null }).name ?? '');
        if (CODE_INLINE.has(name)) {
          run.push({ value: textOf(node), locked: true });
          return;
        }
        if (SKIPPED.has(name)) return boundary();
        if (node.type === 'element') {
          const properties = (node as Element).properties;
          for (const key of TEXT_PROPERTIES) if (typeof properties[key] === 'string') properties[key] = frenchTypography(properties[key] as string);
        }
        const inline = node.type === 'mdxJsxTextElement' || INLINE.has(name);
        if (name === 'a' && looksLikeUrl(textOf(node))) {
          run.push({ value: textOf(node), locked: true });
          return;
        }
        if (!inline) boundary();
        for (const child of (node as Element).children ?? []) walk(child);
        if (!inline) boundary();
        return;
      }
      case 'root':
        for (const child of (node as Root).children) walk(child);
        return boundary();
      default:
        // Comments, doctype, raw HTML, block expressions: a boundary we cannot see into.
        return boundary();
    }
  };
  walk(tree);
  boundary();
}
