import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { freshPage, ServedSite } from './site.ts';

const site = new ServedSite(inject('served').site);
// The real content plus tests/fixtures/features: a callout of each type, a code block in .md and in .mdx.
const features = new ServedSite(inject('served').features);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CALLOUTS = 'secteurs/logistique/';
let browser: Browser;

/** A page whose origin may read and write the clipboard, as a reader's browser lets a site that asks. */
async function withClipboard(served: ServedSite, path: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await freshPage(browser, options);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.served.url).origin });
  await page.goto(served.url(path), { waitUntil: 'load' });
  return page;
}

/** The copy button, its label, the page's live region, and what the reader sees of them. */
const copyState = (page: Page) =>
  page.evaluate(() => {
    const button = document.querySelector<HTMLButtonElement>('.copy-button')!;
    const rect = button.getBoundingClientRect();
    return {
      visible: button.checkVisibility(),
      label: button.textContent,
      status: document.querySelector('[role="status"]')?.textContent ?? null,
      width: rect.width,
      height: rect.height,
    };
  });

describeInBrowser('« Copier » on the example prompts', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('copies the block’s exact text from the keyboard (Tab after the block, then Enter or Space), and says so for two seconds', async () => {
    const path = site.sectorPages()[0];
    const page = await withClipboard(site, path);
    const code = await page.locator('article pre').first().textContent();
    // Tab from the last link before the block: the next stop is the block's button.
    await page.evaluate(() => {
      const pre = document.querySelector('article pre')!;
      const before = [...document.querySelectorAll<HTMLElement>('a[href], button:not([hidden])')].filter(
        (el) => el.compareDocumentPosition(pre) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      before.at(-1)!.focus();
    });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { copy: el.matches('.copy-button'), ring: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    expect(focused).toEqual({ copy: true, ring: true });

    for (const key of ['Enter', ' ']) {
      await page.evaluate(() => navigator.clipboard.writeText('autre chose'));
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { message: `touche ${key}` }).toBe(code!.replace(/\n$/, ''));
      expect(await copyState(page)).toMatchObject({ visible: true, label: 'Copié', status: 'Copié' });
      // Back to « Copier » after about two seconds; the live region falls silent.
      await expect.poll(() => copyState(page), { timeout: 4000 }).toMatchObject({ label: 'Copier', status: '' });
    }
    await page.context().close();
  });

  it('is big enough to tap, readable in both themes, and not printed', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await withClipboard(site, site.sectorPages()[0], { colorScheme, viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
      const state = await copyState(page);
      expect(state.width).toBeGreaterThanOrEqual(24);
      expect(state.height).toBeGreaterThanOrEqual(24);
      const contrast = await page.evaluate(() => {
        const style = getComputedStyle(document.querySelector('.copy-button')!);
        const [a, b] = [window.luminance(style.color), window.luminance(style.backgroundColor)].sort((x, y) => y - x);
        return (a + 0.05) / (b + 0.05);
      });
      expect(contrast, colorScheme).toBeGreaterThanOrEqual(4.5);
      // The button sits over space the block keeps free: it covers none of the code's text.
      const overlap = await page.evaluate(() => {
        const button = document.querySelector('.copy-button')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('article pre code')!);
        return [...range.getClientRects()].some((r) => r.left < button.right && r.right > button.left && r.top < button.bottom && r.bottom > button.top);
      });
      expect(overlap, colorScheme).toBe(false);
      await page.emulateMedia({ media: 'print' });
      expect((await copyState(page)).visible, `${colorScheme}, impression`).toBe(false);
      await page.context().close();
    }
  });

  it('is never shown where it could not work: without JavaScript, or without the Clipboard API', async () => {
    const noScript = await withClipboard(site, site.sectorPages()[0], { javaScriptEnabled: false });
    expect((await copyState(noScript)).visible).toBe(false);
    await noScript.context().close();
    const page = await freshPage(browser);
    await page.context().addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(site.url(site.sectorPages()[0]), { waitUntil: 'load' });
    expect(await copyState(page)).toMatchObject({ visible: false, label: 'Copier', status: null });
    await page.context().close();
  });

  it('shows on the MDX page too, and loads no script on pages without code', async () => {
    const page = await withClipboard(features, 'secteurs/transports/');
    expect((await copyState(page)).visible).toBe(true);
    await page.context().close();
    for (const path of ['', 'references/', '404.html']) {
      const plain = await freshPage(browser);
      const scripts: string[] = [];
      plain.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
      await plain.goto(site.url(path), { waitUntil: 'load' });
      expect(scripts, `/${path}`).toEqual([]);
      await plain.context().close();
    }
  });
});

describeInBrowser('callouts', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`pass axe and show their bar at 3:1 at least, in ${colorScheme} mode`, async () => {
      // axe is injected as an inline script, which the pages' own policy blocks: the test bypasses it.
      const page = await freshPage(browser, { colorScheme, bypassCSP: true });
      const problems: string[] = [];
      for (const path of [CALLOUTS, 'secteurs/transports/', 'references/']) {
        await page.goto(features.url(path));
        await page.addScriptTag({ path: axePath });
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
        for (const v of results.violations) for (const node of v.nodes) problems.push(`/${path} (${colorScheme}) — ${v.id} — ${node.target.join(' ')}`);
      }
      await page.goto(features.url(CALLOUTS));
      const bars = await page.evaluate(() =>
        [...document.querySelectorAll('[role="note"]')].map((note) => {
          const bar = window.luminance(getComputedStyle(note).borderInlineStartColor);
          const background = window.luminance(getComputedStyle(document.body).backgroundColor);
          const [a, b] = [bar, background].sort((x, y) => y - x);
          return { type: note.className, contrast: (a + 0.05) / (b + 0.05), width: parseFloat(getComputedStyle(note).borderInlineStartWidth) };
        }),
      );
      expect(bars).toHaveLength(5);
      for (const bar of bars) {
        expect(bar.contrast, `${bar.type} (${colorScheme})`).toBeGreaterThanOrEqual(3);
        expect(bar.width, bar.type).toBeGreaterThanOrEqual(4);
      }
      // Five types, five colours.
      expect(
        new Set(await page.evaluate(() => [...document.querySelectorAll('[role="note"]')].map((n) => getComputedStyle(n).borderInlineStartColor))).size,
      ).toBe(5);
      await page.context().close();
      expect(problems).toEqual([]);
    });
  }

  it('print with their bar and title, dark on white, and fit a 320 px screen', async () => {
    const page = await freshPage(browser, { viewport: { width: 320, height: 640 }, isMobile: true });
    await page.goto(features.url(CALLOUTS));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await page.evaluate(() =>
      [...document.querySelectorAll('[role="note"]')].map((note) => {
        const title = note.querySelector('.callout-title')!;
        return {
          visible: note.checkVisibility() && title.checkVisibility(),
          title: 1.05 / (window.luminance(getComputedStyle(title).color) + 0.05),
          bar: 1.05 / (window.luminance(getComputedStyle(note).borderInlineStartColor) + 0.05),
        };
      }),
    );
    expect(printed).toHaveLength(5);
    for (const note of printed) {
      expect(note.visible).toBe(true);
      expect(note.title).toBeGreaterThanOrEqual(4.5);
      expect(note.bar).toBeGreaterThanOrEqual(3);
    }
    await page.context().close();
  });
});
