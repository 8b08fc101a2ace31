import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium';
import { freshPage, ServedSite } from './site';

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

  // Footnote previews come with their own feature: tested once the built pages carry `.footnote-preview`.
  const previewPage = site.sectorPages().find((p) => site.hasElement(p, '.footnote-preview'));
  it.skipIf(!previewPage)('previews a footnote on hover and on keyboard focus (once pages have .footnote-preview)', async () => {
    await page.goto(site.url(previewPage!));
    const call = page.locator('a[data-footnote-ref]').first();
    const noteId = decodeURIComponent((await call.getAttribute('href'))!.slice(1));
    const noteText = (await page.locator(`[id="${noteId}"]`).innerText()).replace('↩', '').trim().slice(0, 30);
    const preview = page.locator('.footnote-preview', { hasText: noteText });
    const where = `${previewPage} : aperçu de la note ${noteId}`;
    await page.mouse.move(0, 0);
    expect(await preview.isVisible(), `${where} caché au repos`).toBe(false);
    await call.hover();
    await expect.poll(() => preview.isVisible(), { message: `${where} au survol` }).toBe(true);
    await page.mouse.move(0, 0);
    await page.goto(site.url(previewPage!));
    for (let i = 0; i < 60 && !(await call.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await call.evaluate((el) => el === document.activeElement), `${where} : appel atteint au clavier`).toBe(true);
    await expect.poll(() => preview.isVisible(), { message: `${where} au focus clavier` }).toBe(true);
  });

  it('gets the 404 page, with a way back, for an unknown address', async () => {
    const response = await page.goto(site.url('cette-page-n-existe-pas/'));
    expect(response?.status()).toBe(404);
    expect(await heading(page)).toBe('Page introuvable');
    await page.getByRole('main').getByRole('link', { name: 'Retour à l’accueil' }).click();
    expect(pathOf(page)).toBe(new URL(site.url('')).pathname);
  });

  // The search page comes with its own feature (Pagefind): tested once /recherche/ is built.
  it.skipIf(!site.has('recherche/'))('finds a sector from the search page (once /recherche/ is built)', async () => {
    const [sector] = site.sectorPages();
    await page.goto(site.url(sector));
    const title = await heading(page);
    await page.goto(site.url('recherche/'));
    const box = page.getByRole('searchbox').or(page.locator('input[type="search"], input.pagefind-ui__search-input')).first();
    await box.fill(title.split(/\s+/).at(-1)!);
    const result = page.getByRole('main').locator(`a[href$="${sector}"]`).first();
    await expect.poll(() => result.isVisible(), { message: `recherche de « ${title} » : lien vers ${sector}` }).toBe(true);
  });
});
