import type { Nodes, Parents, Root } from 'mdast';
import { retext } from 'retext';
import smartypants, { type Options } from 'retext-smartypants';
import { walkMarkdown } from '../shared/walk.ts';

/**
 * remark-smartypants (what Astro runs for `smartypants`), same two passes and same result, minus
 * the retext runs that cannot change anything: the quotes pass only when the page has a straight
 * quote, the dashes/ellipses/backticks pass only on a text that has "--", "..", "`" or "''".
 * Astro's plugin ran retext on every text node of every page (README, « Passage à l’échelle »).
 */
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
// A quote at the start of these is an opening one: they get a space in the joined text (inline parents do not).
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const IGNORED_HTML = new Set(['style', 'script']);
const QUOTE = /["']/;
const OTHER = /--|\.\s?\.|`|''/;

const hasValue = (node: Nodes): node is Nodes & { value: string } => 'value' in node && typeof node.value === 'string';

export function remarkFastSmartypants(options: Options = {}) {
  const quotes = retext().use(smartypants, { ...options, ellipses: false, dashes: false, backticks: false });
  const others = retext().use(smartypants, { ...options, quotes: false });
  return (tree: Root) => {
    let all = '';
    const nodes: Nodes[] = [];
    const visited = (node: Nodes, parent: Parents) =>
      ((parent.type as string) !== 'mdxJsxTextElement' || !IGNORED_HTML.has(String((parent as { name?: unknown }).name))) &&
      VISITED.has(node.type) &&
      (hasValue(node) || BLOCKS.has(node.type));
    walkMarkdown(tree, (node, _index, parent) => {
      if (!visited(node, parent)) return;
      // Quotes pair across links and emphasis: the whole page's text is processed at once, code as placeholders.
      if (hasValue(node)) all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      else all += ' ';
      nodes.push(node);
    });
    if (QUOTE.test(all)) all = quotes.processSync(all).toString();
    let start = 0;
    for (const node of nodes) {
      if (!hasValue(node)) {
        start += 1;
        continue;
      }
      const end = start + node.value.length;
      if (node.type === 'text') {
        const text = all.slice(start, end);
        node.value = OTHER.test(text) ? others.processSync(text).toString() : text;
      }
      start = end;
    }
  };
}
