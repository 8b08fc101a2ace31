import type { Definition, FootnoteDefinition, Link, LinkReference } from 'mdast';
import { walkMarkdown } from '../shared/walk.ts';

/** A link a footnote writes: the node, and its address (a reference link's comes from its definition). */
export interface NoteLink {
  node: Link | LinkReference;
  url: string;
}

/**
 * The links of a footnote in document order: `[Titre](https://…)`, and `[Titre][ref]` resolved through the
 * file's link definitions (`definitionOf`, the first definition of an identifier winning, as in markdown).
 * A reference without a definition is no link: markdown shows it as text. The page's « Références », the
 * source checks read a note's sources here (`npm run check:sources` takes every link of a note, through
 * src/markdown/shared/tree-nodes.ts).
 */
export function noteLinks(note: FootnoteDefinition, definitionOf: (identifier: string) => Definition | undefined): NoteLink[] {
  const links: NoteLink[] = [];
  walkMarkdown(note, (node) => {
    if (node.type === 'link') links.push({ node, url: node.url });
    else if (node.type === 'linkReference') {
      const definition = definitionOf(node.identifier);
      if (definition) links.push({ node, url: definition.url });
    }
  });
  return links;
}
