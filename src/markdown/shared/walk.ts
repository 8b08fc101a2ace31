import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Parents as MdastParents, Root as MdastRoot, RootContent as MdastContent } from 'mdast';

/** Returned by a visitor: the walk does not go into this node's children. */
export const SKIP = 'skip';

type Visitor<Node, Parent> = (node: Node, index: number, parent: Parent) => typeof SKIP | void;
type AnyParent = { children: unknown[] };

/**
 * The plugins' tree walk: every node below `parent` in document order, with its index and parent, as
 * unist-util-visit gives them. That library allocates a closure and an ancestors array per node, which made
 * its walks a large part of each page's render (README, « Passage à l’échelle »); the plugins need neither.
 * A visitor may replace `parent.children[index]` (the walk then skips into the node it was given, not the
 * replacement, as unist-util-visit does) or append after it; it must not remove or insert before it.
 */
function walkChildren(parent: AnyParent, visitor: Visitor<unknown, AnyParent>): void {
  const { children } = parent;
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as Partial<AnyParent>;
    if (visitor(node, index, parent) !== SKIP && Array.isArray(node.children)) walkChildren(node as AnyParent, visitor);
  }
}

/** Every node of a markdown tree (mdast) below `tree`. */
export function walkMarkdown(tree: MdastRoot | MdastParents, visitor: Visitor<MdastContent, MdastParents>): void {
  walkChildren(tree, visitor as Visitor<unknown, AnyParent>);
}

/** Every element of an HTML tree (hast) below `tree`. */
export function walkElements(tree: HastRoot | Element, visitor: Visitor<Element, HastRoot | Element>): void {
  walkChildren(tree, (node, index, parent) =>
    (node as HastContent).type === 'element' ? (visitor as Visitor<unknown, AnyParent>)(node, index, parent) : undefined,
  );
}

/**
 * Whether any node below `tree` (mdast or hast) passes `test`, stopping at the first: for a plugin to skip a
 * tree with nothing for it, where the library it runs would walk every node to find out.
 */
export function someNode(tree: MdastRoot | MdastParents | HastRoot | Element, test: (node: { type: string; tagName?: string }) => boolean): boolean {
  const stack = [...tree.children] as Partial<AnyParent & { type: string }>[];
  while (stack.length) {
    const node = stack.pop()!;
    if (test(node as { type: string })) return true;
    if (Array.isArray(node.children)) stack.push(...(node.children as typeof stack));
  }
  return false;
}
