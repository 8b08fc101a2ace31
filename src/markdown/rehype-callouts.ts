import type { Element, ElementContent, Root } from 'hast';
import { rehypeGithubAlerts, type IAlert } from 'rehype-github-alerts';
import { visit } from 'unist-util-visit';
import { CALLOUT_TITLES } from './callouts.ts';

const ID_PREFIX = 'encadre-';

/**
 * A callout as readers get it, with no script: a block with role="note", named by its visible French
 * title (aria-labelledby: screen readers announce « Astuce » once, not a label and then the title),
 * and classes styled in src/styles/reading.css. No icon: the title says it, and an SVG per callout
 * would weigh on every page's budget.
 */
function build(alert: IAlert, children: ElementContent[]): Element {
  const type = alert.keyword.toLowerCase();
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['callout', `callout-${type}`], role: 'note' },
    children: [{ type: 'element', tagName: 'p', properties: { className: ['callout-title'] }, children: [{ type: 'text', value: alert.title }] }, ...children],
  };
}

/**
 * Rehype plugin: GitHub's alerts (`> [!TIP]`) become callouts, through rehype-github-alerts given
 * our titles and markup; then each callout's title gets an id for aria-labelledby, one that no
 * heading or note of the page already has.
 */
export function rehypeCallouts() {
  const alerts = rehypeGithubAlerts({
    alerts: Object.entries(CALLOUT_TITLES).map(([keyword, title]) => ({ keyword, title, icon: '' })),
    build,
  });
  return (tree: Root) => {
    alerts(tree);
    const taken = new Set<string>();
    const callouts: Element[] = [];
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
      if ((node.properties.className as string[] | undefined)?.[0] === 'callout' && node.properties.role === 'note') callouts.push(node);
    });
    let n = 0;
    for (const callout of callouts) {
      let id: string;
      do id = `${ID_PREFIX}${++n}`;
      while (taken.has(id));
      (callout.children[0] as Element).properties.id = id;
      callout.properties.ariaLabelledBy = [id];
    }
  };
}
