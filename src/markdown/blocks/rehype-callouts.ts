import type { Element, ElementContent, Root } from 'hast';
import { rehypeGithubAlerts, type IAlert } from 'rehype-github-alerts';
import { CALLOUT_TITLES } from './callouts.ts';
import { SKIP, walkElements } from '../shared/walk.ts';

const ID_PREFIX = 'encadre-';

/**
 * A callout as readers get it, with no script: a block with role="note", named by its visible French
 * title (aria-labelledby: screen readers announce « Astuce » once, not a label and then the title),
 * and classes styled in src/styles/reading.css. No icon: the title says it, and an SVG per callout
 * would weigh on every page's budget.
 */
function callout(alert: IAlert, children: ElementContent[]): Element {
  const type = alert.keyword.toLowerCase();
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['callout', `callout-${type}`], role: 'note' },
    children: [{ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [{ type: 'text', value: alert.title }] }, ...children],
  };
}

// Counted here, not per plugin instance: rehype-github-alerts keeps the options of its last instance for all of them.
let built = 0;

/**
 * Rehype plugin: GitHub's alerts (`> [!TIP]`) become callouts, through rehype-github-alerts given
 * our titles and markup; then each callout's title gets an id for aria-labelledby, one that no
 * heading or note of the page already has. rehype-github-alerts is given each outermost blockquote on its own
 * (it walks every element of what it is given, and only blockquotes can be alerts); a page without callouts is
 * not walked again.
 */
export function rehypeCallouts() {
  const alerts = rehypeGithubAlerts({
    alerts: Object.entries(CALLOUT_TITLES).map(([keyword, title]) => ({ keyword, title, icon: '' })),
    build: (alert, children) => (built++, callout(alert, children)),
  });
  return (tree: Root) => {
    built = 0;
    walkElements(tree, (node, index, parent) => {
      if (node.tagName !== 'blockquote') return;
      const alone: Root = { type: 'root', children: [node] };
      alerts(alone);
      parent.children[index] = alone.children[0] as Element;
      return SKIP;
    });
    if (!built) return;
    const taken = new Set<string>();
    const callouts: Element[] = [];
    walkElements(tree, (node) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
      if ((node.properties.className as string[] | undefined)?.[0] === 'callout' && node.properties.role === 'note') callouts.push(node);
    });
    let n = 0;
    for (const box of callouts) {
      let id: string;
      do id = `${ID_PREFIX}${++n}`;
      while (taken.has(id));
      (box.children[0] as Element).properties.id = id;
      box.properties.ariaLabelledBy = [id];
    }
  };
}
