import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { freshPage, ServedSite } from './site.ts';

const served = inject('served');
let browser: Browser;

/** Every address a page points to on its own site: links, form targets, stylesheets, scripts, images, icons. */
const internalRefs = (p: Page) =>
  p.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], form[action], link[href]:not([rel="canonical"]), [src]')]
      .map((el) => ({
        from: window.describeElement(el),
        url: (el as HTMLAnchorElement).href || (el as HTMLFormElement).action || (el as HTMLImageElement).src,
      }))
      .filter(({ url }) => new URL(url).origin === location.origin),
  );

/**
 * Crawls the site from its home page as a reader would, loading every internal
 * address in the browser: each must answer 200 inside the base path, each
 * #anchor must exist on its page, and every built page must be reachable.
 */
async function crawl(site: ServedSite) {
  const page = await freshPage(browser);
  const problems: string[] = [];
  const visited = new Set<string>();
  // The 404 page is linked from nowhere, but its links must work too.
  const queue = [
    site.url(''),
    ...site
      .pages()
      .filter((p) => p === '404.html')
      .map((p) => site.url(p)),
  ];
  const anchors = new Map<string, string>(); // #anchor address → first place that links to it
  while (queue.length) {
    const url = queue.shift()!;
    if (visited.has(url)) continue;
    visited.add(url);
    const response = await page.goto(url);
    if (response?.status() !== 200) problems.push(`${url} — statut ${response?.status()}`);
    if (!response?.headers()['content-type']?.startsWith('text/html')) continue;
    for (const { from, url: target } of await internalRefs(page)) {
      const parsed = new URL(target);
      if (!parsed.pathname.startsWith(site.served.base)) problems.push(`${url} — ${from} — hors de la base ${site.served.base}`);
      if (parsed.hash && !anchors.has(parsed.href)) anchors.set(parsed.href, `${url} — ${from}`);
      parsed.hash = '';
      if (!visited.has(parsed.href)) queue.push(parsed.href);
    }
  }
  for (const [href, from] of anchors) {
    const url = new URL(href);
    await page.goto(href);
    const id = decodeURIComponent(url.hash.slice(1));
    if (!(await page.evaluate((id) => !!document.getElementById(id), id))) problems.push(`${from} — ancre ${url.hash} absente de ${url.pathname}`);
  }
  const reached = [...visited].map((u) => new URL(u).pathname);
  for (const path of site.pages()) {
    if (!reached.includes(new URL(site.url(path)).pathname)) problems.push(`/${path} — aucune page n’y mène`);
  }
  await page.context().close();
  return { problems, visited: visited.size };
}

describeInBrowser('links, followed in the browser', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  for (const [name, build] of Object.entries(served)) {
    it(`resolve every internal address and #anchor, and reach every page (${name}, base ${build.base})`, async () => {
      const site = new ServedSite(build);
      const { problems, visited } = await crawl(site);
      expect(problems).toEqual([]);
      expect(visited, 'pages visitées').toBeGreaterThanOrEqual(site.pages().length);
    });
  }
});
