import type { Element, ElementContent, Root } from 'hast';
import { walkElements } from '../shared/walk.ts';

/** What a footnote preview shows: the cited title and the source's host name (when the note links somewhere). */
export interface NotePreview {
  title: string;
  source?: string;
}

const classes = (node: Element): string[] => {
  const c: unknown = node.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
};

const hidden = (node: Element) => classes(node).includes('sr-only') || 'dataFootnoteBackref' in node.properties;

/** The text of a node as hast-util-to-string reads it, without screen-reader-only text and footnote back-links. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node) || (node.type === 'element' && hidden(node))) return '';
  return (node.children as ElementContent[]).map(textOf).join('');
}

/** Visible text of an element, without screen-reader-only text and footnote back-links. */
function visibleText(node: Element): string {
  return node.children.map(textOf).join('').replace(/\s+/g, ' ').trim();
}

/** The preview of one footnote item: its first web link's title and host, or else its text. */
function notePreview(note: Element): NotePreview {
  let link: Element | undefined;
  walkElements(note, (el) => {
    if (!link && el.tagName === 'a' && /^https?:\/\//.test(String(el.properties.href ?? ''))) link = el;
  });
  if (!link) return { title: visibleText(note) };
  const host = new URL(String(link.properties.href)).hostname.replace(/^www\./, '');
  return { title: visibleText(link), source: host };
}

/**
 * Rehype plugin: next to each footnote call, a copy of the note (title and source) that CSS shows
 * on hover and keyboard focus: no JavaScript. The copy is aria-hidden so screen readers do not meet
 * it twice while reading; the call points to it with aria-describedby, so it is read once, as the
 * call's description, when the call is focused.
 */
export function rehypeFootnotePreviews() {
  return (tree: Root) => {
    const notes = new Map<string, Element>();
    const calls: Element[] = [];
    walkElements(tree, (node) => {
      if (node.tagName === 'li' && typeof node.properties.id === 'string') notes.set(node.properties.id, node);
      else if (node.tagName === 'sup') calls.push(node);
    });
    for (const node of calls) {
      const call = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a' && 'dataFootnoteRef' in c.properties);
      if (!call) continue;
      const note = notes.get(decodeURIComponent(String(call.properties.href ?? '').replace(/^#/, '')));
      if (!note) continue;
      const { title, source } = notePreview(note);
      const id = `${call.properties.id ?? note.properties.id}-apercu`;
      const parts: ElementContent[] = [
        { type: 'element', tagName: 'span', properties: { className: ['fn-title'] }, children: [{ type: 'text', value: title }] },
      ];
      if (source) parts.push({ type: 'element', tagName: 'span', properties: { className: ['fn-source'] }, children: [{ type: 'text', value: source }] });
      node.children.push({ type: 'element', tagName: 'span', properties: { className: ['fn-preview'], id, ariaHidden: 'true' }, children: parts });
      call.properties.ariaDescribedBy = [id];
    }
  };
}
