import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { walkElements } from '../shared/walk.ts';
import { frenchTypography } from '../../utils/text/french-typography.ts';
import { headingIds } from '../../utils/text/slug.ts';

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
    const headings: { node: Element; index: number; parent: Root | Element }[] = [];
    const taken: string[] = [];
    walkElements(tree, (node, index, parent) => {
      if (HEADING.test(node.tagName)) headings.push({ node, index, parent });
      else if (typeof node.properties.id === 'string') taken.push(node.properties.id);
    });
    const missing = headings.filter((h) => typeof h.node.properties.id !== 'string');
    const ids = headingIds(
      missing.map((h) => toString(h.node)),
      [...taken, ...headings.map((h) => h.node.properties.id).filter((id): id is string => typeof id === 'string')],
    );
    missing.forEach((h, i) => (h.node.properties.id = ids[i]));

    for (const { node, index, parent } of headings) {
      if (node.tagName === 'h1') continue;
      const id = node.properties.id as string;
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: anchorLabel(toString(node)) },
        children: [{ type: 'text', value: '#' }],
      };
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['heading'] }, children: [node, anchor] };
    }
  };
}
