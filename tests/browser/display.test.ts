import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { freshPage, ServedSite } from './site.ts';

const site = new ServedSite(inject('served').site);
let browser: Browser;

/** Elements sticking out to the right of the viewport, which make the page scroll sideways. */
const overflow = (p: Page) =>
  p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${window.describeElement(el)} (bord droit ${Math.round(el.getBoundingClientRect().right)} px)`);
  });

/**
 * Text that would be hard to read on paper: printers drop backgrounds, so every
 * text must contrast (WCAG AA, 4.5:1) with white on its own.
 */
const unreadableOnPaper = (p: Page) =>
  p.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const bad = new Set<string>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement!;
      if (!node.textContent?.trim() || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) || el.closest('.sr-only')) continue;
      const contrast = 1.05 / (window.luminance(getComputedStyle(el).color) + 0.05);
      if (contrast < 4.5) bad.add(`${window.describeElement(el)} : ${getComputedStyle(el).color}, contraste ${contrast.toFixed(2)} sur papier blanc`);
    }
    return [...bad];
  });

describeInBrowser('the pages on small screens, in dark mode and in print', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  for (const width of [320, 390]) {
    it(`never scroll sideways at ${width} px wide`, async () => {
      const page = await freshPage(browser, { viewport: { width, height: 720 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
      const problems: string[] = [];
      for (const path of site.pages()) {
        await page.goto(site.url(path));
        problems.push(...(await overflow(page)).map((e) => `/${path} à ${width} px — ${e}`));
      }
      await page.context().close();
      expect(problems).toEqual([]);
    });
  }

  it('keep light text on a dark background in dark mode', async () => {
    const page = await freshPage(browser, { colorScheme: 'dark' });
    for (const path of site.pages()) {
      await page.goto(site.url(path));
      const { background, text } = await page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { background: window.luminance(style.backgroundColor), text: window.luminance(style.color) };
      });
      // The dark theme really applies; axe checks every contrast in dark mode elsewhere.
      expect(background, `/${path} : fond sombre`).toBeLessThan(0.05);
      expect((text + 0.05) / (background + 0.05), `/${path} : contraste du texte`).toBeGreaterThanOrEqual(7);
    }
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`print dark text, readable without backgrounds, from a ${colorScheme} screen`, async () => {
      const page = await freshPage(browser, { colorScheme });
      await page.emulateMedia({ media: 'print', colorScheme });
      const problems: string[] = [];
      for (const path of site.pages()) {
        await page.goto(site.url(path));
        // The content and its title are printed (menus may go).
        if (!(await page.locator('main h1').first().isVisible())) problems.push(`/${path} — impression : le titre du contenu n’est pas imprimé`);
        problems.push(...(await unreadableOnPaper(page)).map((e) => `/${path} — impression (${colorScheme}) — ${e}`));
      }
      await page.context().close();
      expect(problems).toEqual([]);
    });
  }
});
