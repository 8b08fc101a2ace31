import type { Root } from 'hast';
import { typesetTree } from '../../utils/text/french-typography.ts';

/** Rehype plugin: French typography (src/utils/text/french-typography.ts) on every text a reader sees in the rendered markdown. */
export function rehypeFrenchTypography() {
  return (tree: Root) => typesetTree(tree);
}
