import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report } from './report.ts';

/** A page with only a frontmatter would be an empty page. */
export function remarkNonEmptyBody() {
  return (tree: Root, file: VFile) => {
    // HTML comments (editors' notes) and MDX imports/exports show nothing to the reader.
    const shown = tree.children.filter((node) => !(node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) && (node.type as string) !== 'mdxjsEsm');
    if (shown.length === 0) report(file, 'la page n’a pas de texte : écrivez le contenu sous l’en-tête, après la seconde ligne « --- »');
  };
}
