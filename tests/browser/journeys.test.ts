import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { freshPage, ServedSite } from './site.ts';

const site = new ServedSite(inject('served').site);
let browser: Browser;
let page: Page;

const heading = (p: Page) => p.locator('h1').first().innerText();
const pathOf = (p: Page) => new URL(p.url()).pathname;

describeInBrowser('a reader with a mouse', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    page = await freshPage(browser);
  });
  afterAll(() => browser?.close());

  it('reaches every sector by clicking its card on the home page', async () => {
    await page.goto(site.url(''));
    const cards = page.locator('main ul a[href*="/secteurs/"]');
    const titles = await cards.locator('h2, h3').allInnerTexts();
    expect(titles.length, 'une carte par page de secteur construite').toBe(site.sectorPages().length);
    for (const title of titles) {
      await page.goto(site.url(''));
      await page.locator('main ul a[href*="/secteurs/"]', { hasText: title }).click();
      expect(await heading(page), `carte « ${title} » → ${page.url()}`).toBe(title);
      expect(site.sectorPages().map((p) => new URL(site.url(p)).pathname)).toContain(pathOf(page));
    }
  });

  it('reaches every sector from the navigation, from any page, and the navigation marks where the reader is', async () => {
    for (const start of ['', site.sectorPages()[0]]) {
      await page.goto(site.url(start));
      const names = await page.getByRole('navigation', { name: 'Secteurs', exact: true }).getByRole('link').allInnerTexts();
      expect(names.length, `navigation de /${start}`).toBe(site.sectorPages().length);
      for (const name of names) {
        await page.goto(site.url(start));
        await page.getByRole('navigation', { name: 'Secteurs', exact: true }).getByRole('link', { name, exact: true }).click();
        expect(await heading(page), `navigation « ${name} » depuis /${start}`).toBe(name.trim());
        const current = page.getByRole('navigation', { name: 'Secteurs', exact: true }).locator('[aria-current="page"]');
        expect(await current.innerText(), `lien courant sur ${page.url()}`).toBe(name.trim());
      }
    }
  });

  it('follows a footnote call to its reference and the back-link to the call', async () => {
    const withNotes = site.sectorPages().find((p) => site.hasElement(p, 'a[data-footnote-ref]'));
    expect(withNotes, 'au moins un secteur a des notes').toBeDefined();
    await page.goto(site.url(withNotes!));
    const calls = page.locator('a[data-footnote-ref]');
    expect(await calls.count(), withNotes).toBeGreaterThan(0);
    for (let i = 0; i < (await calls.count()); i++) {
      const call = calls.nth(i);
      const callId = (await call.getAttribute('id'))!;
      const target = (await call.getAttribute('href'))!;
      await call.click();
      const where = `${withNotes} appel ${i + 1}`;
      await expect.poll(() => new URL(page.url()).hash, { message: where }).toBe(target);
      const note = page.locator(`[id="${decodeURIComponent(target.slice(1))}"]`);
      await expect.poll(() => note.evaluate((el) => el.matches(':target')), { message: where }).toBe(true);
      expect(await note.isVisible(), where).toBe(true);
      expect(
        await note.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight),
        `${where} : la note est à l’écran`,
      ).toBe(true);
      await note.locator(`a[data-footnote-backref][href="#${callId}"]`).click();
      await expect.poll(() => new URL(page.url()).hash, { message: `${where} : retour` }).toBe(`#${callId}`);
      expect(
        await call.evaluate((el) => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().bottom <= innerHeight),
        `${where} : l’appel est à l’écran`,
      ).toBe(true);
    }
  });

  it('previews a footnote on hover and on keyboard focus on a narrow screen, and in the margin on a wide one', async () => {
    const withNotes = site.sectorPages().find((p) => site.hasElement(p, 'a[data-footnote-ref] + .fn-preview'))!;
    expect(withNotes, 'un secteur avec des aperçus de notes').toBeDefined();
    const narrow = await freshPage(browser, { viewport: { width: 390, height: 844 } });
    await narrow.goto(site.url(withNotes));
    const call = narrow.locator('a[data-footnote-ref]').first();
    // The preview follows its call and shows the cited title.
    const preview = narrow.locator('a[data-footnote-ref] + .fn-preview').first();
    const noteId = decodeURIComponent((await call.getAttribute('href'))!.slice(1));
    const title = (await narrow.locator(`[id="${noteId}"] a[href^="http"]`).first().innerText()).trim();
    const where = `${withNotes} : aperçu de la note ${noteId}`;
    expect(await preview.innerText(), where).toContain(title.slice(0, 20));
    await narrow.mouse.move(0, 0);
    expect(await preview.isVisible(), `${where} caché au repos`).toBe(false);
    await call.hover();
    await expect.poll(() => preview.isVisible(), { message: `${where} au survol` }).toBe(true);
    await narrow.mouse.move(0, 0);
    await expect.poll(() => preview.isVisible(), { message: `${where} caché après le survol` }).toBe(false);
    await narrow.goto(site.url(withNotes));
    for (let i = 0; i < 80 && !(await call.evaluate((el) => el === document.activeElement)); i++) await narrow.keyboard.press('Tab');
    expect(await call.evaluate((el) => el === document.activeElement), `${where} : appel atteint au clavier`).toBe(true);
    await expect.poll(() => preview.isVisible(), { message: `${where} au focus clavier` }).toBe(true);
    await narrow.context().close();
    await page.goto(site.url(withNotes));
    expect(await page.locator('a[data-footnote-ref] + .fn-preview').first().isVisible(), `${where} : dans la marge à 1280 px`).toBe(true);
  });

  it('gets the 404 page, with a way back, for an unknown address', async () => {
    const response = await page.goto(site.url('cette-page-n-existe-pas/'));
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe('Page introuvable');
    await page.getByRole('main').getByRole('link', { name: 'Retour à l’accueil' }).click();
    expect(pathOf(page)).toBe(new URL(site.url('')).pathname);
  });
});
