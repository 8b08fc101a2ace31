import type { Nodes } from 'mdast';
import type { VFile } from 'vfile';

/** The `source` of the messages the content checks add to a file: what src/checks/content-checks.ts collects. */
export const SOURCE = 'contenu';

/** Adds a content problem (French: what is wrong and how to fix it) to the file, at the node's place or at `line`. */
export function report(file: VFile, message: string, node?: Nodes, line?: number) {
  const place = line !== undefined ? { line, column: 1 } : node?.position;
  const m = file.message(message, place ? { place } : undefined);
  m.source = SOURCE;
}
