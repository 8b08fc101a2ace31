import type { FootnoteDefinition, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { noteLinks } from './note-links.ts';
import { setRenderedFrontmatter } from '../shared/rendered-frontmatter.ts';
import { treeNodes } from '../shared/tree-nodes.ts';

/**
 * One cited source: the footnote's label, then either its first link's visible title and URL (a reference link's from its definition), or,
 * for a work with no web address (a book), the note's whole text as `title` and no `url`.
 */
export interface Reference {
  label: string;
  title: string;
  url?: string;
}

/**
 * The sources a page cites: every footnote definition that is called, in the order
 * of first call (the order readers see in « Références »), with its first link or its text.
 */
export function extractReferences(tree: Root): Reference[] {
  // The same index of the tree the checks read next (one walk for both).
  const nodes = treeNodes(tree);
  const definitions = new Map<string, FootnoteDefinition>();
  // The first definition of an identifier wins, as in markdown.
  for (const node of nodes.of('footnoteDefinition')) if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  const seen = new Set<string>();
  const references: Reference[] = [];
  for (const node of nodes.of('footnoteReference')) {
    const definition = definitions.get(node.identifier);
    if (!definition || seen.has(node.identifier)) continue;
    seen.add(node.identifier);
    const [link] = noteLinks(definition, (id) => nodes.definitions.get(id));
    const label = node.label ?? node.identifier;
    if (link) references.push({ label, title: toString(link.node).trim(), url: link.url });
    else {
      const text = toString(definition).replace(/\s+/g, ' ').trim();
      if (text) references.push({ label, title: text });
    }
  }
  return references;
}

/**
 * Remark plugin: exposes the page's references to templates as
 * `remarkPluginFrontmatter.references` (what Astro's render() returns).
 */
export function remarkCollectReferences() {
  return (tree: Root, file: VFile) => {
    setRenderedFrontmatter(file, 'references', extractReferences(tree));
  };
}
