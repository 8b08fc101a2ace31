import type { Nodes, Root } from 'mdast';
import { urlScheme } from './remark-url-schemes.ts';
import { inDocumentOrder, treeNodes } from '../../markdown/shared/tree-nodes.ts';

/** "mailto:", "https:"… (as a browser reads the scheme) or "//host": not a page of this site. */
const hasScheme = (url: string) => urlScheme(url) !== undefined || url.startsWith('//');

/**
 * Links to pages of this site (a path, a relative path, "#section"), outside the footnotes, handed to
 * `onLink`: whether they reach a page and a section depends on the other files (src/checks/site/site-links.ts).
 */
export function remarkPageLinks(options: { onLink: (url: string, node: Nodes) => void }) {
  return (tree: Root) => {
    const nodes = treeNodes(tree);
    const links = inDocumentOrder([...nodes.of('link'), ...nodes.of('definition')]);
    for (const node of links) {
      // A footnote's links are its sources (remark-source-checks.ts), not pages of this site.
      if (nodes.inNote(node) || hasScheme(node.url)) continue;
      options.onLink(node.url, node);
    }
  };
}
