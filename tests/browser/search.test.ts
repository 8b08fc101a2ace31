import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';

// Built under a base path, as on a project subfolder of a static host: the search must follow it.
// The browser suite's setup builds and serves it once for every browser test.
const served = inject('served').subPath;
const BASE = served.base;
const server = { url: served.url };
const escaped = BASE.replace(/[/.]/g, '\\$&');

let browser: Browser;

describeInBrowser('search', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('typing « médicales » in the header form finds La santé', async () => {
    const page = await browser.newPage();
    const offsite: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) offsite.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}secteurs/finance/`);
    await page.getByRole('searchbox', { name: 'Rechercher dans le site' }).fill('médicales');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL(new RegExp(`${escaped}recherche\\/\\?q=m%C3%A9dicales$`));

    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor();
    expect(await first.textContent()).toBe('La santé');
    expect(await first.getAttribute('href')).toBe(`${BASE}secteurs/sante/`);
    // Pagefind's UI speaks French (from the index language) and shows the query in its own box.
    await expect.poll(() => page.locator('.pagefind-ui__message').textContent()).toMatch(/résultat/);
    expect(await page.locator('.pagefind-ui__search-input').inputValue()).toBe('médicales');
    expect(await page.getByText('La recherche a besoin de JavaScript').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);

    await first.click();
    await page.waitForURL(`${server.url}secteurs/sante/`);
    await page.close();
  });

  it('without JavaScript, the form still leads to a French page that links to every sector', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('searchbox', { name: 'Rechercher dans le site' }).fill('médicales');
    await page.getByRole('searchbox', { name: 'Rechercher dans le site' }).press('Enter');
    await page.waitForURL(new RegExp(`${escaped}recherche\\/\\?q=`));
    expect(await page.getByText('La recherche a besoin de JavaScript').isVisible()).toBe(true);
    const link = page.locator('main').getByRole('link', { name: 'La santé' });
    expect(await link.getAttribute('href')).toBe(`${BASE}secteurs/sante/`);
    await context.close();
  });
});
