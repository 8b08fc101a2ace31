import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { writtenElements } from './html-in-markdown.ts';
import { report } from './report.ts';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';

/**
 * Every address in the content — markdown links and images, link definitions, and the URL attributes
 * of raw HTML and MDX — is a web page (http, https), an e-mail (mailto), a phone number (tel), or an
 * address of the site (a path, a relative path, a "#section"). Any other scheme is refused, however
 * it is disguised: browsers ignore case, character references (decoded by the HTML parser) and
 * spaces or control characters in a scheme ("java\tscript:"). A footnote's links are sources, with
 * their own rule (remark-source-checks.ts).
 */
const ALLOWED = new Set(['http', 'https', 'mailto', 'tel']);
/** HTML properties (hast names) whose value is a URL, or a list of them. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'poster',
  'cite',
  'data',
  'longDesc',
  'background',
  'xLinkHref',
  'codeBase',
  'manifest',
]);
const URL_LISTS = new Set(['srcSet', 'ping']);

/** The scheme a browser would see, lower case, or undefined for an address without one. */
export function urlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what browsers drop from a scheme
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1].toLowerCase();
}

function message(url: string, scheme: string): string {
  if (scheme === 'javascript')
    return 'une adresse « javascript: » est interdite (elle exécuterait du code chez le lecteur) : mettez une adresse https:// ou retirez le lien';
  const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
  return `l’adresse « ${shown} » commence par « ${scheme}: », qui n’est pas permis : une adresse du contenu est une page web (https://…), un courriel (mailto:…), un numéro (tel:…) ou une page du site (/secteurs/…, #section)`;
}

export function remarkUrlSchemes() {
  return (tree: Root, file: VFile) => {
    const nodes = treeNodes(tree);
    const check = (url: string, node: Nodes, line?: number) => {
      const scheme = urlScheme(url);
      if (scheme !== undefined && !ALLOWED.has(scheme)) report(file, message(url, scheme), node, line);
    };
    for (const node of [...nodes.of('link'), ...nodes.of('image'), ...nodes.of('definition')]) if (!nodes.inNote(node)) check(node.url, node);
    for (const { element, line, node } of writtenElements(tree)) {
      for (const [property, value] of Object.entries(element.properties)) {
        if (typeof value !== 'string' && !Array.isArray(value)) continue;
        const text = Array.isArray(value) ? value.join(' ') : value;
        if (URL_PROPERTIES.has(property)) check(text, node, line);
        else if (URL_LISTS.has(property)) for (const part of text.split(/[\s,]+/).filter(Boolean)) check(part, node, line);
      }
    }
  };
}
