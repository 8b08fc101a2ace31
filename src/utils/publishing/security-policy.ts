import { readFileSync } from 'node:fs';
import path from 'node:path';
import { publicDir } from '../../settings.ts';

/**
 * The site's security policy has one source, public/_headers (the Netlify and Cloudflare Pages
 * format). Hosts that ignore that file (GitHub Pages, a plain web server) still protect readers:
 * every page carries the same Content-Security-Policy in a <meta>, minus the directives a <meta>
 * cannot carry (browsers ignore them there).
 */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
  /** Headers of broader rules this one removes ("! Name", Cloudflare Pages' syntax). */
  detach: string[];
}

/** "/path" lines, then indented "Name: value" or "! Name" lines; "#" starts a comment. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {}, detach: [] });
      continue;
    }
    const detach = /^\s+!\s*(\S+)$/.exec(line);
    const match = /^\s+([^:!]+):\s*(.*)$/.exec(line);
    if ((!match && !detach) || rules.length === 0) throw new Error(`_headers : ligne illisible « ${line} »`);
    if (detach) rules.at(-1)!.detach.push(detach[1].toLowerCase());
    else rules.at(-1)!.headers[match![1].trim().toLowerCase()] = match![2].trim();
  }
  return rules;
}

/**
 * Headers that apply to a URL path, from every matching rule ("*" matches anything), as a host
 * combines them: Netlify keeps the last rule's value of a header (and ignores "! Name" lines, which
 * hold no colon); Cloudflare Pages joins the values with ", " (the browser then enforces each policy)
 * unless a later rule detached the header.
 */
export function headersFor(rules: HeaderRule[], urlPath: string, host: 'netlify' | 'cloudflare' = 'netlify'): Record<string, string> {
  const matches = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(urlPath);
  const headers: Record<string, string> = {};
  for (const rule of rules.filter((r) => matches(r.path))) {
    if (host === 'cloudflare') for (const name of rule.detach) delete headers[name];
    for (const [name, value] of Object.entries(rule.headers)) headers[name] = host === 'cloudflare' && headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

/** CSP 3: these work only as a response header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

const cached = new Map<string, string>();

/**
 * The Content-Security-Policy of the pages at `urlPath` (the readers' pages by default; /admin/ has its
 * own rule), as a <meta> can carry it: public/_headers' value without what works only as a header.
 */
export function metaContentSecurityPolicy(urlPath = '/', file = path.join(publicDir(), '_headers')): string {
  const key = `${file}\0${urlPath}`;
  const known = cached.get(key);
  if (known !== undefined) return known;
  const header = headersFor(parseHeadersFile(readFileSync(file, 'utf8')), urlPath)['content-security-policy'];
  if (!header) throw new Error(`${file} : aucune règle ne donne d’en-tête Content-Security-Policy à ${urlPath}`);
  const policy = header
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive && !HEADER_ONLY.has(directive.split(/\s+/)[0].toLowerCase()))
    .join('; ');
  cached.set(key, policy);
  return policy;
}
