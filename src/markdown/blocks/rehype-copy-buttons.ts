import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { setRenderedFrontmatter } from '../shared/rendered-frontmatter.ts';
import { SKIP, walkElements } from '../shared/walk.ts';

/** What the copy script (src/components/CopyButtons.astro) looks for. */
export const COPY_BUTTON_CLASS = 'copy-button';

/**
 * Rehype plugin: every code block gets a « Copier » button after it, in a wrapper that positions it.
 * The button is written `hidden`: src/components/CopyButtons.astro shows it only where the Clipboard API exists, so a
 * reader without JavaScript never meets a button that does nothing. Its space is kept by CSS
 * (reading.css), so showing it moves nothing. The page learns that it needs the script from
 * `copyButtons` in the frontmatter Astro's render() returns.
 */
export function rehypeCopyButtons() {
  return (tree: Root, file: VFile) => {
    let count = 0;
    walkElements(tree, (node, index, parent) => {
      if (node.tagName !== 'pre') return;
      const button: Element = {
        type: 'element',
        tagName: 'button',
        // scripts/search-index.ts leaves it out of the search index: it is not the page's text.
        properties: { type: 'button', className: [COPY_BUTTON_CLASS], hidden: true },
        children: [{ type: 'text', value: 'Copier' }],
      };
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['code-block'] }, children: [node, button] };
      count++;
      return SKIP;
    });
    if (!count) return;
    setRenderedFrontmatter(file, 'copyButtons', count);
  };
}
