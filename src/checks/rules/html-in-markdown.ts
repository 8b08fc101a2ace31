import type { Element, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes, Root } from 'mdast';
import { find, html } from 'property-information';
import { walkElements } from '../../markdown/shared/walk.ts';
import { inDocumentOrder, treeNodes } from '../../markdown/shared/tree-nodes.ts';

/**
 * The HTML an editor writes in a content file, as browsers will read it: raw HTML in markdown (parsed
 * by parse5, character references decoded) and the lowercase elements of MDX (`<a href="…">`), each
 * with the line of the file it is on. The rules on HTML (allowlist, URL schemes, images, headings)
 * read it from here, so every fragment is parsed once.
 */
export interface WrittenElement {
  element: Element;
  /** Line in the markdown's own numbering (the rules add the file's offset through their messages' place). */
  line?: number;
  /** The markdown node it comes from, for the message's place. */
  node: Nodes;
}

const cache = new WeakMap<Root, WrittenElement[]>();

export function writtenElements(tree: Root): WrittenElement[] {
  const known = cache.get(tree);
  if (known) return known;
  const found: WrittenElement[] = [];
  const nodes = treeNodes(tree);
  for (const node of inDocumentOrder([...nodes.of('html'), ...nodes.ofName('mdxJsxFlowElement'), ...nodes.ofName('mdxJsxTextElement')])) {
    if (node.type === 'html') {
      const fragment: HastRoot = fromHtml(node.value, { fragment: true });
      const start = node.position?.start.line;
      walkElements(fragment, (element) => {
        const line = start !== undefined && element.position ? start + element.position.start.line - 1 : start;
        found.push({ element, line, node });
      });
      continue;
    }
    const jsx = node as unknown as { type: string; name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[] };
    if (jsx.name && /^[a-z]/.test(jsx.name)) {
      const properties: Element['properties'] = {};
      for (const attribute of jsx.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        // An expression ({…}) is code: the checks see it as a value they cannot trust.
        const value = typeof attribute.value === 'string' ? attribute.value : attribute.value == null ? true : '{…}';
        properties[find(html, attribute.name).property] = value;
      }
      found.push({ element: { type: 'element', tagName: jsx.name, properties, children: [] }, line: node.position?.start.line, node });
    }
  }
  cache.set(tree, found);
  return found;
}

/** How an attribute is written in HTML, for messages: "onError" → "onerror", "className" → "class". */
export function attributeName(property: string): string {
  return find(html, property).attribute;
}
