import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { freshPage, ServedSite } from './site.ts';

const site = new ServedSite(inject('served').site);
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;

describeInBrowser('axe-core on every built page', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no violation in ${colorScheme} mode`, async () => {
      // axe is injected as an inline script, which the pages' own security policy rightly blocks: the test bypasses it.
      const page = await freshPage(browser, { colorScheme, bypassCSP: true });
      const problems: string[] = [];
      for (const path of site.pages()) {
        await page.goto(site.url(path));
        await page.addScriptTag({ path: axePath });
        // Every rule axe runs by default (WCAG 2.x A/AA and best practices).
        const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
        for (const v of results.violations) {
          for (const node of v.nodes) {
            problems.push(
              `/${path} (${colorScheme}) — ${v.id} [${v.impact}] — ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(0, 2).join(' ')}`,
            );
          }
        }
        expect(results.passes.length, `/${path} : axe a bien tourné`).toBeGreaterThan(10);
      }
      await page.context().close();
      expect(problems).toEqual([]);
    });
  }
});
