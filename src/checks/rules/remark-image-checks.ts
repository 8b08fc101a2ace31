import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { publicDir } from '../../settings.ts';
import { closest } from '../report/closest.ts';
import { displayPath } from '../report/problems.ts';
import { writtenElements } from './html-in-markdown.ts';
import { report } from './report.ts';
import { urlScheme } from './remark-url-schemes.ts';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';

/**
 * Images: written in markdown (`![texte](./schema.png)`, which Astro optimises and publishes), with a
 * text for readers who do not see them, from a file of the site: next to the page, or in public/ for
 * an address starting with "/". Another site's image would be fetched from there by every reader (and
 * our security policy blocks it); an image written in HTML is not published at all. Each local image
 * found is handed to `onAsset`, so that the checks know which files of the content folder are used.
 */
/** The image files a page may show (Astro optimises them); ../site/unused-files.ts names them too. */
export const IMAGE_FILE = /\.(avif|gif|jpe?g|png|svg|webp)$/i;
const MEDIA_ELEMENTS = new Set(['img', 'picture', 'source', 'video', 'audio']);

export function remarkImageChecks(options: { onAsset: (file: string) => void }) {
  return (tree: Root, file: VFile) => {
    const nodes = treeNodes(tree);
    for (const node of [...nodes.of('image'), ...nodes.of('imageReference')]) {
      const url = node.type === 'image' ? node.url : nodes.definitions.get(node.identifier)?.url;
      if (url === undefined) continue;
      const name = decodeURI(url.split(/[?#]/)[0]).split('/').pop() || url;
      if (!node.alt?.trim())
        report(
          file,
          `l’image « ${name} » n’a pas de texte de remplacement : écrivez entre les crochets ce qu’elle montre, par exemple ![Schéma du processus](${url}), pour les lecteurs qui ne la voient pas`,
          node,
        );
      checkSource(url, node, file, options.onAsset);
    }
    for (const { element, line, node } of writtenElements(tree)) {
      if (MEDIA_ELEMENTS.has(element.tagName))
        report(
          file,
          `<${element.tagName}> en HTML n’est pas publié par le site : écrivez l’image en markdown, ![texte](./nom-du-fichier.png), avec le fichier à côté de la page`,
          node,
          line,
        );
    }
  };
}

function checkSource(url: string, node: Nodes, file: VFile, onAsset: (file: string) => void) {
  const scheme = urlScheme(url);
  if (scheme === 'http' || scheme === 'https' || url.startsWith('//')) {
    report(
      file,
      `l’image « ${url} » vient d’un autre site : chaque lecteur la téléchargerait là-bas (et la politique de sécurité du site la bloque). Enregistrez le fichier à côté de la page et écrivez ![texte](./nom-du-fichier.png)`,
      node,
    );
    return;
  }
  // Other schemes are the scheme rule's.
  if (scheme !== undefined || !file.path) return;
  const relative = decodeURI(url.split(/[?#]/)[0]);
  const target = relative.startsWith('/') ? path.join(publicDir(), relative) : path.resolve(path.dirname(file.path), relative);
  if (existsSync(target)) {
    onAsset(target);
    return;
  }
  const folder = path.dirname(target);
  const nearby = existsSync(folder) ? readdirSync(folder).filter((f) => IMAGE_FILE.test(f)) : [];
  const guess = closest(path.basename(target), nearby);
  report(
    file,
    `l’image « ${url} » est introuvable (${displayPath(target)} n’existe pas)` +
      (guess ? ` : vouliez-vous écrire « ${relative.replace(/[^/]*$/, guess)} » ?` : '') +
      ' Le chemin part du dossier de la page : une image à côté de content/secteurs/sante.md s’écrit ./nom-du-fichier.png',
    node,
  );
}
