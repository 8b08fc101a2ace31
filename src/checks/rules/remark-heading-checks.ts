import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { writtenElements } from './html-in-markdown.ts';
import { report } from './report.ts';

/**
 * Headings: the page's title (the frontmatter's `title`) is its one level-1 heading, and levels go down
 * one at a time (## then ###, never ## then ####): screen-reader users move through a page by its
 * headings, and « Sur cette page » lists them. Headings written in HTML (<h1>…<h6>) count too.
 */
export function remarkHeadingChecks() {
  return (tree: Root, file: VFile) => {
    // The first heading each HTML fragment holds.
    const html = new Map<unknown, { level: number; line?: number }>();
    for (const { element, line, node } of writtenElements(tree)) {
      const level = /^h([1-6])$/.exec(element.tagName)?.[1];
      if (level && !html.has(node)) html.set(node, { level: Number(level), line });
    }
    let previous = 1;
    visit(tree, (node) => {
      let depth: number | undefined;
      let text = '';
      let line: number | undefined;
      if (node.type === 'heading') {
        depth = node.depth;
        text = toString(node);
      } else if (node.type === 'html' || (node.type as string).startsWith('mdxJsx')) {
        const written = html.get(node);
        if (!written) return;
        depth = written.level;
        line = written.line;
      }
      if (depth === undefined) return;
      const marks = (n: number) => '#'.repeat(n);
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
    });
  };
}
