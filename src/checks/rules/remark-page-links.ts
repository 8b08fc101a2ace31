import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { urlScheme } from './remark-url-schemes.ts';

/** "mailto:", "https:"… (as a browser reads the scheme) or "//host": not a page of this site. */
const hasScheme = (url: string) => urlScheme(url) !== undefined || url.startsWith('//');

/**
 * Links to pages of this site (a path, a relative path, "#section"), outside the footnotes, handed to
 * `onLink`: whether they reach a page and a section depends on the other files (src/checks/site-links.ts).
 */
export function remarkPageLinks(options: { onLink: (url: string, node: Nodes) => void }) {
  return (tree: Root) => {
    // A footnote's links are its sources (remark-source-checks.ts), not pages of this site.
    const inNotes = new Set<unknown>();
    visit(tree, 'footnoteDefinition', (note) => {
      visit(note, (node) => {
        inNotes.add(node);
      });
    });
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      if (inNotes.has(node) || hasScheme(node.url)) return;
      options.onLink(node.url, node);
    });
  };
}
