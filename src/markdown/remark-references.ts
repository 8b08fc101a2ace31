import type { FootnoteDefinition, Link, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * One cited source: the footnote's label, then either its first link's visible title and URL, or,
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
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, 'footnoteDefinition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  const seen = new Set<string>();
  const references: Reference[] = [];
  visit(tree, 'footnoteReference', (node) => {
    const definition = definitions.get(node.identifier);
    if (!definition || seen.has(node.identifier)) return;
    seen.add(node.identifier);
    let link: Link | undefined;
    visit(definition, 'link', (l) => {
      link ??= l;
    });
    const label = node.label ?? node.identifier;
    if (link) references.push({ label, title: toString(link).trim(), url: link.url });
    else {
      const text = toString(definition).replace(/\s+/g, ' ').trim();
      if (text) references.push({ label, title: text });
    }
  });
  return references;
}

/**
 * Remark plugin: exposes the page's references to templates as
 * `remarkPluginFrontmatter.references` (what Astro's render() returns).
 */
export function remarkCollectReferences() {
  return (tree: Root, file: VFile) => {
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    astro.frontmatter = { ...(astro.frontmatter ?? {}), references: extractReferences(tree) };
  };
}
