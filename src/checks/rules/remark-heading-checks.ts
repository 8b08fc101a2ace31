import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { writtenElements } from './html-in-markdown.ts';
import { report } from './report.ts';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';

/**
 * Headings: the page's title (the frontmatter's `title`) is its one level-1 heading, and levels go down
 * one at a time (## then ###, never ## then ####): screen-reader users move through a page by its
 * headings, and « Sur cette page » lists them. Headings written in HTML (<h1>…<h6>) count too.
 */
export function remarkHeadingChecks() {
  return (tree: Root, file: VFile) => {
    // Markdown headings, and the first heading each HTML fragment holds, in the order of the file.
    const headings: { node: Nodes; depth: number; text: string; line?: number }[] = treeNodes(tree)
      .of('heading')
      .map((node) => ({ node, depth: node.depth, text: toString(node) }));
    const fragments = new Set<Nodes>();
    for (const { element, line, node } of writtenElements(tree)) {
      const level = /^h([1-6])$/.exec(element.tagName)?.[1];
      if (level && !fragments.has(node)) {
        fragments.add(node);
        headings.push({ node, depth: Number(level), text: '', line });
      }
    }
    headings.sort((a, b) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0));
    const marks = (n: number) => '#'.repeat(n);
    let previous = 1;
    for (const { node, depth, text, line } of headings) {
      const shown = text ? ` « ${text} »` : '';
      if (depth === 1)
        report(
          file,
          `l’intertitre${shown} est de niveau 1 (#), celui du titre de la page, qui vient déjà du champ title : écrivez ## pour une section`,
          node,
          line,
        );
      else if (depth > previous + 1)
        report(
          file,
          `l’intertitre${shown} (${marks(depth)}) saute un niveau après ${marks(previous)} : écrivez ${marks(previous + 1)}, les niveaux se suivent un à un`,
          node,
          line,
        );
      previous = Math.max(depth, 2);
    }
  };
}
