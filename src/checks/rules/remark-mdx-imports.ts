import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './report.ts';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';

/** How Vite finds a module written without its extension. */
const EXTENSIONS = ['', '.ts', '.js', '.mjs', '.tsx', '.jsx', '.astro', '.md', '.mdx', '/index.ts', '/index.js'];

/** MDX: every relative import (`./fichier`, `../composant.astro`) leads to a file that exists (packages are npm's business). */
export function remarkMdxImports() {
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    for (const node of treeNodes(tree).ofName('mdxjsEsm')) {
      const program = (node.data as { estree?: { body: { type: string; source?: { value?: unknown } }[] } } | undefined)?.estree;
      for (const statement of program?.body ?? []) {
        const specifier = statement.source?.value;
        if (typeof specifier !== 'string' || !/^\.\.?\//.test(specifier)) continue;
        const base = path.resolve(path.dirname(file.path), specifier);
        if (EXTENSIONS.some((ext) => existsSync(base + ext) && statSync(base + ext).isFile())) continue;
        report(
          file,
          `l’import « ${specifier} » mène à un fichier qui n’existe pas (${path.basename(base)}) : corrigez le chemin, qui part du dossier de la page`,
          node,
        );
      }
    }
  };
}
