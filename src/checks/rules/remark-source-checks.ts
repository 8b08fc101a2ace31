import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './report.ts';

const isHttpUrl = (url: string) => {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
};

/** Sources: a footnote cites its source with a link, whose address is a complete web address. */
export function remarkSourceChecks() {
  return (tree: Root, file: VFile) => {
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier, node.url);
    });

    visit(tree, 'footnoteDefinition', (note) => {
      let sources = 0;
      visit(note, (node) => {
        const url = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
        if (url === undefined) return;
        sources++;
        if (!isHttpUrl(url))
          report(
            file,
            `la source de la note [^${note.label ?? note.identifier}] n’est pas une adresse web complète (« ${url} ») : une source se cite avec son adresse entière, qui commence par https:// (ou http://), par exemple [Titre](https://exemple.fr/article)`,
            node as Nodes,
          );
      });
      if (sources === 0)
        report(
          file,
          `la note [^${note.label ?? note.identifier}] ne contient pas de lien vers sa source : écrivez-la sous la forme « [^${note.label ?? note.identifier}]: [Titre de la source](https://…) »`,
          note,
        );
    });
  };
}
