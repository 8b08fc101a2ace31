import type { Element, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { walkElements } from '../../markdown/shared/walk.ts';
import { attributeName, writtenElements } from './html-in-markdown.ts';
import { report } from './report.ts';

/**
 * The HTML an editor may write, by allowlist: GitHub's sanitizer schema (hast-util-sanitize, what
 * rehype-sanitize applies), plus `<abbr>` and `<mark>`. Whatever the sanitizer would remove from an
 * element written in the content (the element, or one of its attributes) is a content error naming
 * it: never dropped in silence, never passed through. URLs are the scheme rule's (remark-url-schemes.ts).
 */
const MARK = 'dataContentCheck';
const schema: Schema = {
  ...defaultSchema,
  // GitHub allows <input> only as a task list's checkbox, which it forces disabled: written in HTML it is a form field.
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => name !== 'input'), 'abbr', 'mark'],
  // Each element is checked on its own, outside its parents: where it sits is the HTML parser's business.
  ancestors: {},
  attributes: { ...defaultSchema.attributes, '*': [...(defaultSchema.attributes?.['*'] ?? []), MARK] },
  // Ids are kept as written (the sanitizer would prefix them), and every scheme passes here.
  clobber: [],
  protocols: {},
  allowComments: true,
};

const ALLOWED_EXAMPLES = '<details>, <summary>, <kbd>, <abbr title="…">, <sup>, <sub>, <br>, <mark>';

export function remarkHtmlAllowlist() {
  return (tree: Root, file: VFile) => {
    for (const { element, line, node } of writtenElements(tree)) {
      const problem = removedBySanitizer(element);
      if (problem === 'element') {
        const why = element.tagName === 'script' ? ' (il exécuterait du code chez chaque lecteur)' : '';
        report(
          file,
          `l’élément HTML <${element.tagName}> n’est pas autorisé${why} : retirez-le, ou écrivez le contenu en markdown. Le HTML permis est celui de GitHub, par exemple ${ALLOWED_EXAMPLES}`,
          node,
          line,
        );
      } else {
        for (const property of problem) {
          const name = attributeName(property);
          const why = /^on/i.test(name) ? ' (il exécuterait du code chez le lecteur)' : '';
          report(file, `l’attribut « ${name} » de <${element.tagName}> n’est pas autorisé${why} : retirez-le`, node, line);
        }
      }
    }
  };
}

/** 'element' when the sanitizer drops the element itself, else the properties it would drop. */
function removedBySanitizer(element: Element): 'element' | string[] {
  const copy: Element = { ...element, properties: { ...element.properties, [MARK]: 'x' }, children: [] };
  const kept = sanitize({ type: 'root', children: [copy] } as HastRoot, schema) as HastRoot;
  let survivor: Element | undefined;
  walkElements(kept, (node) => {
    if (node.properties[MARK] !== undefined) survivor = node;
  });
  if (!survivor) return 'element';
  return Object.keys(element.properties).filter((key) => !(key in survivor!.properties));
}
