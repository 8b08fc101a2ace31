import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { noteLinks } from '../../markdown/footnotes/note-links.ts';
import { report } from './report.ts';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';

const isHttpUrl = (url: string) => {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
};

/**
 * Sources: a footnote cites its source. Either with a link, whose address is then a complete web
 * address, or in words alone, for a work with no web address (a book, an article on paper):
 * « Dupont, *La sécurité des systèmes*, Éditions Exemple, 2023, p. 12. ». An empty note cites nothing.
 */
export function remarkSourceChecks() {
  return (tree: Root, file: VFile) => {
    const nodes = treeNodes(tree);
    for (const note of nodes.of('footnoteDefinition')) {
      const label = note.label ?? note.identifier;
      const links = noteLinks(note, (id) => nodes.definitions.get(id));
      for (const { node, url } of links)
        if (!isHttpUrl(url))
          report(
            file,
            `la source de la note [^${label}] n’est pas une adresse web complète (« ${url} ») : une source se cite avec son adresse entière, qui commence par https:// (ou http://), par exemple [Titre](https://exemple.fr/article), ou sans lien, en toutes lettres (auteur, titre, éditeur, année)`,
            node,
          );
      if (links.length === 0 && !toString(note).trim())
        report(
          file,
          `la note [^${label}] est vide : écrivez sa source après « [^${label}]: », un lien « [Titre de la source](https://…) » ou, pour un livre, « Auteur, *Titre*, Éditeur, année. »`,
          note,
        );
    }
  };
}
