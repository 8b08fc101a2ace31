import type { Definition, LinkReference, Nodes, Root } from 'mdast';

/**
 * One walk of a file's markdown tree for all who read it whole (the check rules, the cited sources, whether Astro's
 * image step has anything to do): the
 * nodes of each type in document order, and which of them lie in a footnote. Each rule walking the tree
 * itself made the walks most of the checks' cost (README, « Passage à l’échelle »).
 */
export interface TreeNodes {
  /** Every node of a type, in document order. */
  of<T extends Nodes['type']>(type: T): Extract<Nodes, { type: T }>[];
  /** Nodes by a type name mdast's types do not list (MDX's). */
  ofName(type: string): Nodes[];
  /**
   * Whether a node is part of a footnote (its links are sources): inside a footnote definition, or the
   * link definition a footnote's reference link (`[Titre][ref]`) takes its address from.
   */
  inNote(node: Nodes): boolean;
  /** Link definitions ([x]: url) by identifier, the first one winning as in markdown. */
  definitions: Map<string, Definition>;
}

const cache = new WeakMap<Root, TreeNodes>();

export function treeNodes(tree: Root): TreeNodes {
  const known = cache.get(tree);
  if (known) return known;
  const byType = new Map<string, Nodes[]>();
  const inNotes = new Set<Nodes>();
  const stack: { node: Nodes; note: boolean }[] = [{ node: tree, note: false }];
  while (stack.length) {
    const { node, note } = stack.pop()!;
    let list = byType.get(node.type);
    if (!list) byType.set(node.type, (list = []));
    list.push(node);
    if (note) inNotes.add(node);
    const children = (node as { children?: Nodes[] }).children;
    if (!children) continue;
    const childNote = note || node.type === 'footnoteDefinition';
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], note: childNote });
  }
  const definitions = new Map<string, Definition>();
  for (const node of (byType.get('definition') ?? []) as Definition[]) if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  for (const node of byType.get('linkReference') ?? []) {
    const definition = inNotes.has(node) && definitions.get((node as LinkReference).identifier);
    if (definition) inNotes.add(definition);
  }
  const nodes: TreeNodes = {
    of: <T extends Nodes['type']>(type: T) => (byType.get(type) ?? []) as Extract<Nodes, { type: T }>[],
    ofName: (type: string) => byType.get(type) ?? [],
    inNote: (node: Nodes) => inNotes.has(node),
    definitions,
  };
  cache.set(tree, nodes);
  return nodes;
}

/** Nodes gathered from several types, back in the order of the file. */
export function inDocumentOrder<T extends Nodes>(nodes: T[]): T[] {
  return nodes.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
}
