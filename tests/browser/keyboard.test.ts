import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { freshPage, ServedSite } from './site.ts';

const site = new ServedSite(inject('served').site);
let browser: Browser;
let page: Page;

/** Every element a keyboard user should reach, described, in document order. */
const markFocusable = (p: Page) =>
  p.evaluate(() => {
    const selector = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll(selector)].filter((el) => el.checkVisibility({ visibilityProperty: true })).map((el) => window.describeElement(el));
  });

/** What has the focus, and whether a sighted keyboard user can see it. */
const focusState = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', problem: '' };
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) || style.boxShadow !== 'none';
    const onScreen = rect.width >= 1 && rect.height >= 1 && rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
    const problem = [!el.matches(':focus-visible') && 'pas :focus-visible', !ring && 'aucun contour de focus', !onScreen && 'hors de l’écran']
      .filter(Boolean)
      .join(', ');
    return { element: window.describeElement(el), problem };
  });

describeInBrowser('a reader with only a keyboard', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    page = await freshPage(browser);
  });
  afterAll(() => browser?.close());

  it('uses the skip link to jump to the content', async () => {
    for (const path of ['', site.sectorPages()[0]]) {
      await page.goto(site.url(path));
      await page.keyboard.press('Tab');
      const skip = await focusState(page);
      expect(skip.element, `/${path} : premier arrêt`).toMatch(/^a.*"Aller au contenu"$/);
      expect(skip.problem, `/${path} : ${skip.element}`).toBe('');
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).hash, { message: `/${path} : le lien d’évitement mène au contenu` }).toBe('#contenu');
      expect(await page.evaluate(() => document.activeElement?.id), `/${path} : focus après le lien d’évitement`).toBe('contenu');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main')), `/${path} : le Tab suivant reste dans le contenu`).toBe(true);
    }
  });

  it('reaches every link of every page, in document order, with the focus always visible', async () => {
    const problems: string[] = [];
    for (const path of site.pages()) {
      await page.goto(site.url(path));
      const expected = await markFocusable(page);
      const reached: string[] = [];
      for (let i = 0; i < expected.length; i++) {
        await page.keyboard.press('Tab');
        const state = await focusState(page);
        reached.push(state.element);
        if (state.problem) problems.push(`/${path} — focus ${i + 1} — ${state.element} : ${state.problem}`);
      }
      expect(reached, `/${path} : ordre de tabulation`).toEqual(expected);
    }
    expect(problems).toEqual([]);
  });
});
