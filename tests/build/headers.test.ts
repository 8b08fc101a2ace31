import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from './build-site.ts';
import { allows, headersFor, pageLoads, parseCsp, parseHeadersFile } from './csp.ts';
import { BuiltSite } from './site.ts';

const rules = parseHeadersFile(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'));
const builds = { 'local build': new BuiltSite(inject('builds').site), 'build under /prompt/': new BuiltSite(inject('builds').linking) };

describe('public/_headers', () => {
  const page = headersFor(rules, '/secteurs/sante/');

  it('sends the security headers with every page', () => {
    expect(page['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(page['x-content-type-options']).toBe('nosniff');
    expect(page['permissions-policy']).toMatch(/camera=\(\)/);
    expect(page['permissions-policy']).toMatch(/geolocation=\(\)/);
  });

  it('has a CSP that allows no inline script, no eval, no plugin and no framing', () => {
    const csp = parseCsp(page['content-security-policy']);
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(allows(csp, 'script-src-elem', 'inline', 'https://exemple.fr/')).toBe(false);
    expect(allows(csp, 'script-src-elem', 'https://cdn.exemple.com/x.js', 'https://exemple.fr/')).toBe(false);
  });

  it('caches the fingerprinted assets for a year, and not the pages', () => {
    expect(headersFor(rules, '/_astro/index.Ab12Cd.css')['cache-control']).toMatch(/max-age=31536000.*immutable/);
    expect(page['cache-control']).toBeUndefined();
  });

  it.each(Object.entries(builds))('is copied to the root of the %s', (_, site) => {
    expect(readFileSync(path.join(site.root, '_headers'), 'utf8')).toBe(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'));
  });
});

describe.each(Object.entries(builds))('the CSP against every page of the %s', (_, site) => {
  it('blocks nothing that a page loads or runs', () => {
    const blocked: string[] = [];
    let checked = 0;
    for (const page of site.pages()) {
      const csp = parseCsp(headersFor(rules, page)['content-security-policy']);
      const pageUrl = `https://exemple.github.io${page}`;
      for (const [directive, url, what] of pageLoads(site.html(page))) {
        checked++;
        if (!allows(csp, directive, url, pageUrl)) blocked.push(`${page} : ${what} (${directive})`);
      }
    }
    expect(blocked).toEqual([]);
    expect(checked).toBeGreaterThan(site.pages().length);
  });

  it('has JSON-LD as the only inline scripts, and they parse', () => {
    for (const page of site.pages()) {
      for (const script of site.document(page).querySelectorAll('script:not([src])')) {
        expect(script.getAttribute('type'), page).toBe('application/ld+json');
        expect(() => JSON.parse(script.textContent ?? ''), page).not.toThrow();
      }
    }
  });
});

describe.each(Object.entries(builds))('the <meta> policy on every page of the %s', (_, site) => {
  const header = parseCsp(headersFor(rules, '/')['content-security-policy']);

  it('is the policy of _headers, minus only what a <meta> cannot carry, before anything it governs', () => {
    const expected = new Map([...header].filter(([name]) => name !== 'frame-ancestors'));
    for (const page of site.pages()) {
      const head = site.document(page).head;
      const meta = head.querySelector('meta[http-equiv="Content-Security-Policy"]');
      expect(meta, page).not.toBeNull();
      expect(parseCsp(meta!.getAttribute('content')!), page).toEqual(expected);
      // Only the charset may come first: a policy applies to what follows it.
      expect(head.firstElementChild?.getAttribute('charset'), page).toBe('utf-8');
      expect(head.children[1], page).toBe(meta);
    }
  });
});
