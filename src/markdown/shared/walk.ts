import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Parents as MdastParents, Root as MdastRoot, RootContent as MdastContent } from 'mdast';

/** Returned by a visitor: the walk does not go into this node's children. */
export const SKIP = 'skip';

/** Returned by a visitor (someNode's): the walk ends here. */
const STOP = 'stop';

type Visitor<Node, Parent> = (node: Node, index: number, parent: Parent) => typeof SKIP | typeof STOP | void;
type AnyParent = { children: unknown[] };

/**
 * The plugins' tree walk: every node below `parent` in document order, with its index and parent, as
 * unist-util-visit gives them. That library allocates a closure and an ancestors array per node, which made
 * its walks a large part of each page's render (README, « Passage à l’échelle »); the plugins need neither.
 * A visitor may replace `parent.children[index]` (the walk then skips into the node it was given, not the
 * replacement, as unist-util-visit does) or append after it; it must not remove or insert before it.
 * Returns whether a visitor ended the walk (STOP).
 */
function walkChildren(parent: AnyParent, visitor: Visitor<unknown, AnyParent>): boolean {
  const { children } = parent;
  for (let index = 0; index < children.length; index++) {
    const node = children[index] as Partial<AnyParent>;
    const said = visitor(node, index, parent);
    if (said === STOP) return true;
    if (said !== SKIP && Array.isArray(node.children) && walkChildren(node as AnyParent, visitor)) return true;
  }
  return false;
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
 * Whether any node below an HTML tree passes `test`, looking no further than the first that does: for a plugin to
 * skip a tree with nothing for it, where the library it runs would go through every node.
 */
export function someNode(tree: HastRoot, test: (node: HastContent) => boolean): boolean {
  return walkChildren(tree, (node) => (test(node as HastContent) ? STOP : undefined));
}
