import { describe, expect, it } from 'vitest';
import { allows, headersFor, pageLoads, parseCsp, parseHeadersFile } from '../build/csp.ts';

const policy = parseCsp("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
const PAGE = 'https://exemple.fr/secteurs/sante/';

describe('the CSP checker used on the built pages', () => {
  it('reads _headers rules and merges every matching one', () => {
    const rules = parseHeadersFile('# commentaire\n/*\n  X-A: 1\n/_astro/*\n  Cache-Control: immutable\n');
    expect(headersFor(rules, '/_astro/a.css')).toEqual({ 'x-a': '1', 'cache-control': 'immutable' });
    expect(headersFor(rules, '/')).toEqual({ 'x-a': '1' });
  });

  it('combines a header set by two rules as each host does: the last one (Netlify), joined unless detached (Cloudflare Pages)', () => {
    const rules = parseHeadersFile('/*\n  X-P: a\n/admin/*\n  X-P: b\n/x/*\n  ! X-P\n  X-P: c\n');
    expect(headersFor(rules, '/admin/')).toEqual({ 'x-p': 'b' });
    expect(headersFor(rules, '/admin/', 'cloudflare')).toEqual({ 'x-p': 'a, b' });
    expect(headersFor(rules, '/x/', 'cloudflare')).toEqual({ 'x-p': 'c' });
  });

  it('flags an inline script, an event handler and a third-party script, not JSON-LD', () => {
    const html = `<html><head><script>alert(1)</script><script type="application/ld+json">{}</script>
      <script src="https://cdn.exemple.com/a.js"></script><script src="/_astro/a.js"></script></head>
      <body><button onclick="x()">b</button></body></html>`;
    const blocked = pageLoads(html)
      .filter(([d, u]) => !allows(policy, d, u, PAGE))
      .map(([, , what]) => what);
    expect(blocked).toEqual(['<script> en ligne', '<script src="https://cdn.exemple.com/a.js">', 'attribut onclick']);
  });

  it('lets inline styles and data: images through only when the policy says so', () => {
    const html = `<style>@font-face{src:url(https://fonts.exemple.com/f.woff)} a{background:url(data:image/png;base64,AA)}</style><img src="data:x">`;
    const loads = pageLoads(html);
    expect(loads.filter(([d, u]) => !allows(policy, d, u, PAGE)).map(([d]) => d)).toEqual(['font-src']);
    expect(allows(parseCsp("style-src 'self'"), 'style-src-elem', 'inline', PAGE)).toBe(false);
    expect(allows(parseCsp("img-src 'self'"), 'img-src', 'data:x', PAGE)).toBe(false);
  });
});
