import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TYPES } from '../../scripts/serve.ts';
import { describeInBrowser, launchChromium } from '../browser/chromium.ts';
import { projectRoot } from './build-site.ts';
import { headersFor, parseHeadersFile } from './csp.ts';
import { BuiltSite } from './site.ts';

// The CSP of public/_headers, enforced by a real Chromium on every built page, as Netlify or
// Cloudflare Pages would send it, and as the pages' own <meta> enforces it where no header is sent
// (GitHub Pages, a plain web server): any blocked script, style, image or font shows as a console error.
const rules = parseHeadersFile(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'));
let browser: Browser;

const origin = 'https://exemple.test';
/** Serves a built site to Chromium from `origin`, with the headers of public/_headers or none at all; `extra` adds pages. */
async function serve(root: string, base: string, withHeaders: boolean, problems: string[], extra: Record<string, string> = {}) {
  const site = new BuiltSite(root);
  const context = await browser.newContext();
  let served = 0;
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const sitePath = url.origin === origin && url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : undefined;
    if (sitePath && extra[sitePath]) return route.fulfill({ status: 200, headers: { 'content-type': TYPES['.html'] }, body: extra[sitePath] });
    const file = sitePath && site.fileFor(sitePath);
    if (!file) {
      problems.push(`introuvable : ${url.href}`);
      return route.fulfill({ status: 404, body: '' });
    }
    served++;
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...(withHeaders ? headersFor(rules, sitePath) : {}) };
    return route.fulfill({ status: 200, headers, body: readFileSync(file) });
  });
  return { site, context, served: () => served };
}

describeInBrowser('the security policy, enforced by Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe.each([
    ['local build, with the headers of _headers', inject('builds').site, '/', true],
    ['build under /prompt/, with the headers of _headers', inject('builds').linking, '/prompt/', true],
    ['local build served with no header at all (the pages’ <meta>)', inject('builds').site, '/', false],
  ])('the CSP in Chromium, %s', (_, root, base, withHeaders) => {
    it('blocks nothing on any page', async () => {
      const problems: string[] = [];
      const { site, context, served } = await serve(root, base, withHeaders, problems);
      const page = await context.newPage();
      let current = '';
      page.on('console', (m) => m.type() === 'error' && problems.push(`${current} : ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`${current} : ${e.message}`));
      for (const pagePath of site.pages()) {
        current = pagePath;
        await page.goto(`${origin}${base}${pagePath.slice(1)}`, { waitUntil: 'load' });
      }
      // A real search: Pagefind's script, WebAssembly and index files all run under the policy.
      current = '/recherche/?q=médicales';
      await page.goto(`${origin}${base}recherche/?q=${encodeURIComponent('médicales')}`, { waitUntil: 'load' });
      // On failure, the violations collected above say why, rather than a bare timeout.
      await page
        .locator('.pagefind-ui__result-link')
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => problems.push(`${current} : aucun résultat de recherche affiché`));
      await context.close();
      expect(problems).toEqual([]);
      expect(served()).toBeGreaterThanOrEqual(site.pages().length);
    });
  });

  describe('the pages’ own <meta> policy, with no header at all', () => {
    it('blocks a script injected into a page, inline or as an event handler', async () => {
      const problems: string[] = [];
      const sector = readFileSync(new BuiltSite(inject('builds').site).fileFor('/secteurs/sante/')!, 'utf8');
      const injected = sector.replace(
        '</main>',
        '<script>window.injected = "script"</script><img src="/nulle-part.png" onerror="window.injected = \'attribut\'"></main>',
      );
      const { context } = await serve(inject('builds').site, '/', false, problems, { '/injecte/': injected });
      const page = await context.newPage();
      const violations: string[] = [];
      await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportViolation: (d: string) => void }).reportViolation(e.effectiveDirective),
        ),
      );
      await page.goto(`${origin}/injecte/`, { waitUntil: 'load' });
      await expect.poll(() => violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
      expect(await page.evaluate(() => (window as unknown as { injected?: string }).injected)).toBeUndefined();
      await context.close();
    });
  });
});
