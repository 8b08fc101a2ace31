import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import yaml from 'js-yaml';
import { describe, expect, inject, it } from 'vitest';
import { decapDir, decapFiles } from '../../src/cms/decap-files.ts';
import { projectRoot } from './build-site.ts';
import { headersFor, parseCsp, parseHeadersFile } from './csp.ts';

/**
 * /admin/'s policy, looser than the readers' for what Decap CMS does as shipped: it compiles its
 * configuration's schema with `new Function` (ajv), writes its styles into <style> elements (emotion),
 * talks to GitHub's API and shows the writer's GitHub avatar. Written out here: public/_headers is its
 * one source, the page's <meta> is read from it.
 */
const ADMIN_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "connect-src 'self' https://api.github.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
import { BuiltSite, indexedPages } from './site.ts';

const site = new BuiltSite(inject('builds').site);
const deployed = new BuiltSite(inject('builds').linking);
const admin = (built: BuiltSite) => built.document('/admin/');
const rules = parseHeadersFile(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'));
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the editor in the build (/admin/)', () => {
  it('copies Decap CMS’s files as the package ships them, byte for byte, and nothing else of it', () => {
    const copied = readdirSync(path.join(site.root, 'admin')).filter((f) => !['index.html', 'config.yml'].includes(f));
    expect(copied.sort()).toEqual(decapFiles());
    expect(copied).toContain('decap-cms.js');
    for (const file of copied) expect(sha(path.join(site.root, 'admin', file)), file).toBe(sha(path.join(decapDir(), file)));
  });

  it('is a page of its own: French, noindex, its CSP, Decap’s configuration, one script, no reader layout', () => {
    const doc = admin(site);
    expect(doc.documentElement.getAttribute('lang')).toBe('fr');
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(ADMIN_POLICY);
    expect(doc.querySelector('link[rel="cms-config-url"]')?.getAttribute('href')).toBe('/admin/config.yml');
    expect(doc.querySelector('link[rel="preload"][as="script"]')?.getAttribute('href')).toBe('/admin/decap-cms.js');
    expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['module']);
    expect(doc.querySelector('script:not([src])')).toBeNull();
    expect(doc.querySelector('[data-pagefind-body], header, nav')).toBeNull();
  });

  it('follows the base path', () => {
    const doc = admin(deployed);
    expect(doc.querySelector('link[rel="cms-config-url"]')?.getAttribute('href')).toBe('/prompt/admin/config.yml');
    expect(doc.querySelector('link[rel="preload"]')?.getAttribute('href')).toBe('/prompt/admin/decap-cms.js');
  });

  it('is valid HTML (html-validate, the committed rules)', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')));
    const report = await validator.validateFile(site.fileFor('/admin/')!);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });

  it('has a configuration for the GitHub backend, the sectors and the home page of the repository’s content/', () => {
    const config = yaml.load(readFileSync(path.join(site.root, 'admin/config.yml'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ locale: 'fr', backend: { name: 'github', branch: 'main' }, publish_mode: 'editorial_workflow' });
    expect(config).not.toHaveProperty('local_backend');
    expect(config.collections).toMatchObject([
      { name: 'secteurs', folder: 'content/secteurs' },
      { name: 'pages', files: [{ file: 'content/accueil.md' }] },
    ]);
  });

  it('costs readers nothing: no reader page loads the editor’s scripts', () => {
    for (const built of [site, deployed]) {
      for (const page of built.pages()) {
        const html = built.html(page);
        expect(html, page).not.toMatch(/decap-cms|admin\/|cms-config-url/);
      }
    }
  });

  it('is out of the sitemap and out of the search index', () => {
    const sitemap = readdirSync(deployed.root).filter((f) => /^sitemap.*\.xml$/.test(f));
    expect(sitemap.length).toBeGreaterThan(0);
    for (const file of sitemap) expect(readFileSync(path.join(deployed.root, file), 'utf8')).not.toContain('/admin/');
    const urls = indexedPages(site.root).map((page) => page.url);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => u.includes('admin'))).toEqual([]);
  });
});

describe('public/_headers for /admin/', () => {
  const expected = `${ADMIN_POLICY}; frame-ancestors 'none'`;

  it.each(['netlify', 'cloudflare'] as const)('gives /admin/ its own policy, the page’s plus frame-ancestors, and only that one (%s)', (host) => {
    for (const file of ['/admin/', '/admin/config.yml', '/admin/decap-cms.js']) {
      const headers = headersFor(rules, file, host);
      expect(headers['content-security-policy'], file).toBe(expected);
      expect(headers['x-robots-tag'], file).toBe('noindex');
      expect(headers['referrer-policy'], file).toBe('strict-origin-when-cross-origin');
    }
  });

  it('loosens nothing for the readers’ pages: no eval outside /admin/', () => {
    for (const host of ['netlify', 'cloudflare'] as const) {
      for (const page of ['/', '/secteurs/sante/', '/recherche/', '/administration/']) {
        const csp = parseCsp(headersFor(rules, page, host)['content-security-policy']);
        expect(csp.get('script-src'), page).not.toContain("'unsafe-eval'");
      }
    }
  });
});
