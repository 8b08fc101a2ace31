import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report } from './report.ts';

// Browsers ignore spaces, tabs and control characters inside a URL's scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be stripped
const isJavascriptUrl = (url: string) => /^javascript:/i.test(url.replace(/[\u0000-\u0020]/g, ''));
const JAVASCRIPT_MESSAGE =
  'une adresse « javascript: » est interdite (elle exécuterait du code chez le lecteur) : mettez une adresse https:// ou retirez le lien';
const URL_ATTRIBUTE = /\b(?:href|src|action|formaction|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const NAMED = { colon: ':', tab: '\t', newline: '\n' } as Record<string, string>;
/** Character references a browser decodes in an attribute: "&#106;avascript&colon;" is "javascript:". */
const decodeReferences = (value: string) =>
  value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex, dec, name) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[name.toLowerCase()] ?? whole),
  );
const htmlHasJavascriptUrl = (html: string) => [...html.matchAll(URL_ATTRIBUTE)].some((m) => isJavascriptUrl(decodeReferences(m[1] ?? m[2] ?? m[3])));
/** "mailto:", "https:"… or "//host": not a page of this site. */
const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

/**
 * Links: `javascript:` is refused everywhere. Every link outside the footnotes that stays on the site (a path, a relative path, "#section") is handed to `onLink`:
 * whether it reaches a page and a section depends on the other files (src/checks/site-links.ts).
 */
export function remarkLinkChecks(options: { onLink: (url: string, node: Nodes) => void }) {
  return (tree: Root, file: VFile) => {
    // A footnote's links are its sources (src/checks/rules/remark-source-checks.ts), not pages of this site.
    const inNotes = new Set<unknown>();
    visit(tree, 'footnoteDefinition', (note) => {
      visit(note, (node) => {
        inNotes.add(node);
      });
    });

    visit(tree, (node) => {
      if (node.type === 'html' && htmlHasJavascriptUrl(node.value)) {
        report(file, JAVASCRIPT_MESSAGE, node);
        return;
      }
      // MDX elements: <a href="javascript:…"> written as JSX.
      const attributes = (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes;
      if (
        attributes?.some(
          (a) =>
            a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && /^(href|src|action|formaction)$/i.test(a.name ?? '') && isJavascriptUrl(a.value),
        )
      ) {
        report(file, JAVASCRIPT_MESSAGE, node as Nodes);
        return;
      }
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
      const url = node.url;
      if (isJavascriptUrl(url)) {
        report(file, JAVASCRIPT_MESSAGE, node);
        return;
      }
      // Images and other sites are not pages of this site.
      if (node.type === 'image' || inNotes.has(node) || hasScheme(url)) return;
      options.onLink(url, node);
    });
  };
}
