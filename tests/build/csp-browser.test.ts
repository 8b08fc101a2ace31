import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from './build-site.ts';
import { headersFor, parseHeadersFile } from './csp.ts';
import { BuiltSite } from './site.ts';

// The CSP of public/_headers, enforced by a real Chromium on every built page, as Netlify or
// Cloudflare Pages would send it: any blocked script, style, image or font shows as a console error.
const rules = parseHeadersFile(readFileSync(path.join(projectRoot, 'public/_headers'), 'utf8'));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
});
afterAll(() => browser?.close());

describe.each([
  ['local build', inject('builds').site, '/'],
  ['build under /prompt/', inject('builds').linking, '/prompt/'],
])('the CSP in Chromium, %s', (_, root, base) => {
  const site = new BuiltSite(root);
  const origin = 'https://exemple.test';

  it('blocks nothing on any page', async () => {
    const context = await browser.newContext();
    const problems: string[] = [];
    let served = 0;
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const sitePath = url.origin === origin && url.pathname.startsWith(base) ? `/${url.pathname.slice(base.length)}` : undefined;
      const file = sitePath && site.fileFor(sitePath);
      if (!file) {
        problems.push(`introuvable : ${url.href}`);
        return route.fulfill({ status: 404, body: '' });
      }
      served++;
      const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headersFor(rules, sitePath) };
      return route.fulfill({ status: 200, headers, body: readFileSync(file) });
    });
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
    expect(served).toBeGreaterThanOrEqual(site.pages().length);
  });
});
