import type { Element, ElementContent, Root, RootContent } from 'hast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { SKIP, someNode, walkElements, walkMarkdown } from '../../src/markdown/shared/walk.ts';

const h = (tagName: string, children: (ElementContent | string)[] | string = []): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children: (typeof children === 'string' ? [children] : children).map((c) => (typeof c === 'string' ? { type: 'text', value: c } : c)),
});

describe('the plugins’ tree walk', () => {
  it('gives every node below the tree in document order, with its index and parent', () => {
    const tree = unified().use(remarkParse).parse('# Titre\n\nUn *mot* et [un lien](/x/).\n');
    const seen: string[] = [];
    walkMarkdown(tree, (node, index, parent) => {
      expect(parent.children[index]).toBe(node);
      seen.push(node.type);
    });
    expect(seen).toEqual(['heading', 'text', 'paragraph', 'text', 'emphasis', 'text', 'text', 'link', 'text', 'text']);
  });

  it('gives only elements of an HTML tree, and does not go into a node whose visitor says SKIP', () => {
    const tree: Root = { type: 'root', children: [h('div', [h('pre', [h('code', 'x')]), 'texte', h('p', [h('em', 'y')])])] };
    const seen: string[] = [];
    walkElements(tree, (node) => {
      seen.push(node.tagName);
      if (node.tagName === 'pre') return SKIP;
    });
    expect(seen).toEqual(['div', 'pre', 'p', 'em']);
  });

  it('goes into the node it gave when the visitor replaced it, not into the replacement', () => {
    const tree: Root = { type: 'root', children: [h('h2', [h('span', 'a')]), h('p', 'b')] };
    const seen: string[] = [];
    walkElements(tree, (node, index, parent) => {
      seen.push(node.tagName);
      if (node.tagName === 'h2') parent.children[index] = h('div', [node]);
    });
    expect(seen).toEqual(['h2', 'span', 'p']);
    expect((tree.children[0] as Element).tagName).toBe('div');
  });

  it('tells whether some node below the tree passes a test, looking no further than the first that does', () => {
    const tree: Root = { type: 'root', children: [h('p', 'a'), h('div', [h('p', [h('kbd', 'b')])]), h('kbd', 'c')] };
    const looked: string[] = [];
    const isKbd = (node: RootContent) => (looked.push(node.type === 'element' ? node.tagName : node.type), node.type === 'element' && node.tagName === 'kbd');
    expect(someNode(tree, isKbd)).toBe(true);
    // In document order, and not on to the second <kbd>.
    expect(looked).toEqual(['p', 'text', 'div', 'p', 'kbd']);
    expect(someNode(tree, (node) => node.type === 'raw')).toBe(false);
    expect(someNode({ type: 'root', children: [h('div', [h('p', [{ type: 'raw', value: '<br>' }])])] }, (node) => node.type === 'raw')).toBe(true);
  });
});
