import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { contentWith, removeAll } from '../build/build-site.ts';
import { startDevServer, waitForPage } from '../../scripts/bench-dev.ts';
import { editorEnv } from '../build/editor-commands.ts';

/** `npm run dev` on a copy of the content (plus a fixture), with its own cache: what a writer starts. */
export interface DevSite {
  url: string;
  content: string;
  read(file: string): string | undefined;
  stop(): Promise<void>;
}

export async function startDevSite(fixture: string): Promise<DevSite> {
  const content = contentWith(fixture);
  const server = await startDevServer(content, editorEnv());
  await waitForPage(`${server.url}/admin/`, (html) => html.includes('cms-config-url'), 60_000);
  return {
    url: server.url,
    content,
    read: (file) => (existsSync(path.join(content, file)) ? readFileSync(path.join(content, file), 'utf8') : undefined),
    stop: async () => {
      await server.stop();
      removeAll(content);
    },
  };
}

/**
 * A new tab that records what it does that it should not: requests to other hosts, and what its
 * Content-Security-Policy blocked (reported as "CSP: directive address").
 */
export async function watchedPage(browser: Browser, origin: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)));
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !/^(data|blob|about):/.test(r.url())) problems.push(`requête vers ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.text().startsWith('CSP:')) problems.push(m.text());
  });
  return { context, page, problems };
}

/** A writer's browser tab on the editor, signed in to the local backend. */
export async function openEditor(browser: Browser, site: DevSite): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await watchedPage(browser, site.url, { locale: 'fr-FR' });
  // Leaving a form is allowed; Decap's offer to restore an unsaved copy of an entry is declined.
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
  await page.goto(`${site.url}/admin/`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('link', { name: 'Secteurs' }).waitFor();
  return { page, problems };
}

/** Opens an entry as a writer does, from a fresh page (a route change alone keeps the previous entry's form). */
export async function openEntry(page: Page, site: DevSite, route: string) {
  await page.goto('about:blank');
  await page.goto(`${site.url}/admin/#/collections/${route}`);
  await formReady(page);
}

/** The form fills in once the entry is read (or, for a new one, once its empty draft is made): typing earlier is lost. */
export async function formReady(page: Page) {
  await page.getByLabel('Titre').waitFor();
  await page.locator('[contenteditable="true"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[class*="Loader"]'));
}

/** Fills a field as a writer types it, and makes sure the form kept it. */
export async function fillField(page: Page, label: string, value: string) {
  const field = page.getByLabel(label);
  await field.fill(value);
  await expect.poll(() => field.inputValue()).toBe(value);
}

/** « Publier » then « Publier maintenant », as in the editor's toolbar. */
export async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByText('Publier maintenant', { exact: true }).click();
}

/**
 * Types into the raw markdown editor: pasted, as a writer pastes a text prepared elsewhere. The editor
 * takes a paste only once it has the focus and has started: until the text shows, it is pasted again.
 */
export async function pasteBody(page: Page, text: string) {
  const editor = page.locator('[contenteditable="true"]').first();
  const firstWords = text.split('\n')[0].slice(0, 20);
  for (let attempt = 0; attempt < 10; attempt++) {
    await editor.click();
    await editor.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    try {
      await expect.poll(() => editor.innerText(), { timeout: 1000 }).toContain(firstWords);
      return;
    } catch {
      // Not taken yet.
    }
  }
  expect(await editor.innerText(), 'le texte collé n’apparaît pas dans l’éditeur').toContain(firstWords);
}

/** The editor's notifications (a refused save says why). */
export async function notification(page: Page): Promise<string> {
  const toast = page.locator('[class*="toast"]').first();
  await toast.waitFor();
  return toast.innerText();
}

/** Waits until a file of the content folder reads differently from `before` (a save is written asynchronously). */
export async function changed(site: DevSite, file: string, before: string | undefined, timeoutMs = 15_000): Promise<string> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const now = site.read(file);
    if (now !== undefined && now !== before) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${file} n’a pas changé en ${timeoutMs} ms`);
}

/** The lines that differ between two versions of a file, when no line was added or removed. */
export function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return [`${a.length} lignes avant, ${b.length} après`];
  return a.flatMap((line, i) => (line === b[i] ? [] : [`ligne ${i + 1} : ${b[i]}`]));
}
