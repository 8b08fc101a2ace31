/**
 * Reading public/_headers (the Netlify / Cloudflare Pages format) and checking what a built page
 * loads against its Content-Security-Policy, the way a browser would block it.
 */
import { parseHTML } from 'linkedom';

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

export type Policy = Map<string, string[]>;

export function parseCsp(value: string): Policy {
  const policy: Policy = new Map();
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

const FALLBACK: Record<string, string[]> = {
  'script-src-elem': ['script-src', 'default-src'],
  'script-src-attr': ['script-src', 'default-src'],
  'style-src-elem': ['style-src', 'default-src'],
  'style-src-attr': ['style-src', 'default-src'],
};

function sourcesFor(policy: Policy, directive: string): string[] | undefined {
  for (const name of [directive, ...(FALLBACK[directive] ?? [directive.endsWith('-src') ? 'default-src' : ''])]) {
    if (policy.has(name)) return policy.get(name);
  }
  return undefined;
}

/** Would the policy let the page at `pageUrl` load `url` for `directive` ("inline" = an inline block)? */
export function allows(policy: Policy, directive: string, url: string | 'inline', pageUrl: string): boolean {
  const sources = sourcesFor(policy, directive);
  if (!sources) return true;
  if (url === 'inline') return sources.includes("'unsafe-inline'");
  const target = new URL(url, pageUrl);
  const page = new URL(pageUrl);
  return sources.some((source) => {
    if (source === "'self'") return target.origin === page.origin;
    if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return target.protocol === source.toLowerCase();
    if (source.startsWith("'")) return false;
    const host = source.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
    return host.startsWith('*.') ? target.hostname.endsWith(host.slice(1)) : target.host === host;
  });
}

/** Everything a page would load or run, as [directive, url or "inline", what] triples. */
export function pageLoads(html: string): [string, string, string][] {
  const { document } = parseHTML(html);
  const loads: [string, string, string][] = [];
  for (const script of document.querySelectorAll('script')) {
    const src = script.getAttribute('src');
    if (src) loads.push(['script-src-elem', src, `<script src="${src}">`]);
    // Data blocks (JSON-LD) are never executed, so the policy does not apply to them.
    else if (!/^application\/(ld\+)?json$/i.test(script.getAttribute('type') ?? '')) loads.push(['script-src-elem', 'inline', '<script> en ligne']);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) loads.push(['script-src-attr', 'inline', `attribut ${attr.name}`]);
      if (attr.name === 'href' && /^\s*javascript:/i.test(attr.value)) loads.push(['script-src-elem', 'inline', 'lien javascript:']);
    }
    if (el.hasAttribute('style')) loads.push(['style-src-attr', 'inline', `attribut style sur <${el.tagName.toLowerCase()}>`]);
  }
  for (const style of document.querySelectorAll('style')) {
    loads.push(['style-src-elem', 'inline', '<style> en ligne']);
    const css = style.textContent ?? '';
    const fontFaces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
    for (const url of fontFaces.flatMap(cssUrls)) loads.push(['font-src', url, `police ${url}`]);
    const rest = fontFaces.reduce((s, f) => s.replace(f, ''), css);
    for (const url of cssUrls(rest)) loads.push(['img-src', url, `image CSS ${url}`]);
  }
  for (const link of document.querySelectorAll('link[href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.getAttribute('href')!;
    if (rel.includes('stylesheet')) loads.push(['style-src-elem', href, `feuille de style ${href}`]);
    if (rel.includes('icon')) loads.push(['img-src', href, `icône ${href.slice(0, 40)}`]);
    if (rel.includes('modulepreload')) loads.push(['script-src-elem', href, `modulepreload ${href}`]);
  }
  for (const img of document.querySelectorAll('img[src], source[srcset], img[srcset]')) {
    for (const url of [img.getAttribute('src'), ...(img.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0])]) {
      if (url) loads.push(['img-src', url, `image ${url}`]);
    }
  }
  for (const frame of document.querySelectorAll('iframe[src]')) loads.push(['frame-src', frame.getAttribute('src')!, 'iframe']);
  for (const form of document.querySelectorAll('form[action]')) loads.push(['form-action', form.getAttribute('action')!, 'formulaire']);
  return loads;
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => m[2]);
}
