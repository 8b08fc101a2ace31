import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { frenchTypography } from '../utils/text/french-typography.ts';
import { headingIds } from '../utils/text/slug.ts';

const HEADING = /^h[1-6]$/;

/** Accessible name of a heading's anchor link (French, as the rest of the UI). */
export function anchorLabel(headingText: string): string {
  return frenchTypography(`Lien vers cette section : ${headingText.replace(/\s+/g, ' ').trim()}`);
}

/**
 * Rehype plugin: every heading gets an id from its text (accents removed, see src/utils/text/slug.ts; ids already set,
 * like remark-rehype's "footnote-label", are kept), so Astro's rehypeHeadingIds, which runs after us and
 * only fills missing ids, reports these ids in render().headings.
 * Headings h2–h6 also get a « lien vers cette section » link, placed *after* the heading in a wrapper
 * (not inside it) so the heading's own accessible name and text stay clean.
 */
export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    const headings: Element[] = [];
    const taken: string[] = [];
    visit(tree, 'element', (node) => {
      if (HEADING.test(node.tagName)) headings.push(node);
      else if (typeof node.properties.id === 'string') taken.push(node.properties.id);
    });
    const missing = headings.filter((h) => typeof h.properties.id !== 'string');
    const ids = headingIds(
      missing.map((h) => toString(h)),
      [...taken, ...headings.map((h) => h.properties.id).filter((id): id is string => typeof id === 'string')],
    );
    missing.forEach((h, i) => (h.properties.id = ids[i]));

    visit(tree, 'element', (node, index, parent) => {
      if (!HEADING.test(node.tagName) || node.tagName === 'h1' || !parent || index === undefined) return;
      const id = node.properties.id as string;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: anchorLabel(toString(node)) },
        children: [{ type: 'text', value: '#' }],
      };
      const wrapper: Element = { type: 'element', tagName: 'div', properties: { className: ['heading'] }, children: [node, anchor] };
      parent.children[index] = wrapper as ElementContent;
      return 'skip';
    });
  };
}
