import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Browser, Request } from 'playwright-core';
import { BUDGETS, CODE_PAGE_JS, EXEMPT } from '../../scripts/page-budgets.ts';
import { describeInBrowser, launchChromium } from './chromium.ts';
import { freshPage, ServedSite } from './site.ts';

const site = new ServedSite(inject('served').site);
let browser: Browser;

/**
 * The reading budgets: every page but search renders from ≤ 2 requests, ≤ 6 KB
 * gzip, no web font, no layout shift, and no JavaScript but, on a page with a code
 * block, the « Copier » buttons' one file (≤ 1 KB gzip). Bytes are the compressed
 * bodies as received (what the site controls); headers vary with the host and
 * are printed beside them.
 */
const BUDGET = { requests: BUDGETS.requests, bytes: BUDGETS.gzipBytes, copyScript: CODE_PAGE_JS.gzipBytes };
const isCopyScript = (url: string) => site.built.isCopyScript(new URL(url).pathname.replace(new URL(site.url('')).pathname, '/'));
// Search needs its script and index: the budgets of reading pages don't apply to it (site paths here have no leading "/").
const exempt = (page: string) => EXEMPT.some((pattern) => pattern.test(`/${page}`));

describeInBrowser('page budgets, from the browser’s own network log', () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('hold on every reading page', async () => {
    const problems: string[] = [];
    const figures: string[] = [];
    for (const path of site.pages().filter((p) => !exempt(p))) {
      // A new context per page: an empty cache, as for a first visit.
      const page = await freshPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true });
      const requests: Request[] = [];
      page.on('requestfinished', (r) => requests.push(r));
      page.on('requestfailed', (r) => problems.push(`/${path} — requête échouée ${r.url()} (${r.failure()?.errorText})`));
      await page.goto(site.url(path), { waitUntil: 'load' });
      const inPage = await page.evaluate(async () => {
        // Layout shifts are reported asynchronously: read the buffered entries after two frames.
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const shifts = performance.getEntriesByType('layout-shift') as unknown as { value: number }[];
        const scripts = [...document.scripts].filter((s) => !s.type || /javascript|module/.test(s.type));
        const hasCode = document.querySelector('pre') !== null;
        const handlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')));
        return {
          shift: shifts.reduce((sum, e) => sum + e.value, 0),
          hasCode,
          scripts: scripts.map((s) => ({ src: s.src, text: s.textContent ?? '', described: window.describeElement(s) })),
          handlers: handlers.map((el) => window.describeElement(el)),
          fonts: [...document.fonts].map((f) => f.family),
          // Headless Chromium may not fetch favicons: a favicon that is not a data: URI counts as a request anyway.
          icons: [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href).filter((href) => !href.startsWith('data:')),
        };
      });
      let bytes = 0;
      let headers = 0;
      for (const r of requests) {
        const sizes = await r.sizes();
        bytes += sizes.responseBodySize;
        headers += sizes.responseHeadersSize;
        if (!/gzip/.test((await r.response())?.headers()['content-encoding'] ?? '')) problems.push(`/${path} — reçu sans gzip : ${r.url()}`);
        if (r.resourceType() === 'script' && !(inPage.hasCode && isCopyScript(r.url()) && sizes.responseBodySize <= BUDGET.copyScript))
          problems.push(`/${path} — JavaScript chargé : ${r.url()} (${sizes.responseBodySize} o gzip)`);
        if (r.resourceType() === 'font') problems.push(`/${path} — police web chargée : ${r.url()}`);
      }
      await page.context().close();
      const urls = [...new Set([...requests.map((r) => r.url()), ...inPage.icons])];
      const where = `/${path} — ${urls.map((u) => u.replace(site.served.url, '/')).join(', ')}`;
      figures.push(`/${path} : ${urls.length} requête(s), ${bytes} o gzip (+ ${headers} o d’en-têtes), décalage ${inPage.shift}`);
      if (urls.length > BUDGET.requests) problems.push(`${where} — ${urls.length} requêtes (budget ${BUDGET.requests})`);
      if (bytes > BUDGET.bytes) problems.push(`${where} — ${bytes} o gzip (budget ${BUDGET.bytes})`);
      if (inPage.shift > 0) problems.push(`/${path} — décalage de mise en page ${inPage.shift}`);
      const allowed = (s: { src: string; text: string }) => inPage.hasCode && isCopyScript(s.src) && !s.text;
      problems.push(...inPage.scripts.filter((s) => !allowed(s)).map((s) => `/${path} — script dans la page : ${s.described}`));
      if (inPage.hasCode && inPage.scripts.length !== 1) problems.push(`/${path} — ${inPage.scripts.length} scripts, un seul attendu (les boutons « Copier »)`);
      problems.push(...inPage.handlers.map((s) => `/${path} — gestionnaire d’événement en ligne : ${s}`));
      problems.push(...inPage.fonts.map((f) => `/${path} — police web déclarée : ${f}`));
    }
    console.log(`Budgets de lecture :\n  ${figures.join('\n  ')}`);
    expect(problems).toEqual([]);
    expect(figures.length, 'pages mesurées').toBe([...site.pages()].filter((p) => !exempt(p)).length);
  });
});
