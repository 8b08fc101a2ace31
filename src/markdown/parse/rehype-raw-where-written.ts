import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';
import { someNode } from '../shared/walk.ts';

/**
 * rehype-raw on the files with HTML written in them, and only those. rehype-raw reads that HTML by passing the
 * whole page through an HTML parser (parse5) and building the tree again: on a page without any, the same tree
 * at a high price (README, « Passage à l’échelle »). The one trace of the round trip it leaves is on
 * attributes without a value: `data-footnotes` where parse5 writes `data-footnotes=""`, the same to a browser.
 */
export function rehypeRawWhereWritten() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile) => (someNode(tree, (node) => node.type === 'raw') ? raw(tree, file) : undefined);
}
