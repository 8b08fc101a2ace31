/**
 * Checking what a built page loads against its Content-Security-Policy, the way a browser would block
 * it. public/_headers is read by the site's own parser (src/utils/publishing/security-policy.ts).
 */
import { parseHTML } from 'linkedom';

export { headersFor, parseHeadersFile } from '../../src/utils/publishing/security-policy.ts';

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
