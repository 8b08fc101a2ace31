import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseFile } from '../../src/checks/files/frontmatter.ts';
import { projectRoot } from '../build/build-site.ts';
import { pngSize } from '../png.ts';
import { waitForPage } from '../../scripts/bench-dev.ts';
import { runScript, snapshot } from '../build/editor-commands.ts';
import { describeInBrowser, launchChromium } from '../browser/chromium.ts';
import { changed, changedLines, fillField, formReady, notification, openEditor, openEntry, pasteBody, publish, startDevSite, type DevSite } from './editor.ts';

/** The form's picture in CONTRIBUTING.md (« Modifier dans le navigateur »), taken here. */
// The picture of the form in CONTRIBUTING: taken by every run into a temporary file, written over the
// committed one only on request (UPDATE_SCREENSHOTS=1), so that npm test leaves the checkout as it was.
const DOCS_SCREENSHOT = path.join(projectRoot, 'docs/modifier-dans-le-navigateur.png');
const SHOT_FOLDER = process.env.UPDATE_SCREENSHOTS === '1' ? undefined : mkdtempSync(path.join(tmpdir(), 'pe-cms-shot-'));
const SCREENSHOT = SHOT_FOLDER ? path.join(SHOT_FOLDER, 'formulaire.png') : DOCS_SCREENSHOT;
const LOGISTIQUE = {
  title: 'La logistique',
  description: 'Optimiser les tournées, prévoir les stocks et rédiger des consignes claires pour les entrepôts.',
  body: 'Dans la logistique, on parle de «\u202fjuste-à-temps\u202f»[^1].\n\n> [!TIP]\n> Un prompt court et précis.\n\n[^1]: [Le juste-à-temps](https://example.org/logistique)\n',
};

let site: DevSite;
let browser: Browser;
let page: Page;
let problems: string[];

async function newSector(fields: { title: string; description: string; body: string }) {
  await page.goto('about:blank');
  await page.goto(`${site.url}/admin/#/collections/secteurs/new`);
  await formReady(page);
  await fillField(page, 'Titre', fields.title);
  await fillField(page, 'Description', fields.description);
  await pasteBody(page, fields.body);
}

describeInBrowser('the editor at /admin/ with npm run dev', () => {
  beforeAll(async () => {
    // The real content plus a sector with every construct that must survive an edit (order 8).
    site = await startDevSite('cms-round-trip');
    browser = await launchChromium();
    ({ page, problems } = await openEditor(browser, site));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    if (SHOT_FOLDER) rmSync(SHOT_FOLDER, { recursive: true, force: true });
  });

  it('is in French, and lists the sectors in their order', async () => {
    await page.getByRole('link', { name: 'Secteurs' }).click();
    await expect.poll(() => page.locator('body').innerText()).toContain('1. La cybersécurité');
    expect(await page.locator('body').innerText()).toMatch(
      /Contenus[\s\S]*Secteurs[\s\S]*6\. La formation professionnelle[\s\S]*8\. L’industrie : usines & chaînes/,
    );
  });

  it('creates « La logistique » from the form: logistique.md, next free order, valid, shown in the preview without a restart', async () => {
    await newSector(LOGISTIQUE);
    // The whole form at once: Decap scrolls inside its own panel, so the window is made as tall as the form.
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1460 });
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      document.querySelectorAll('*').forEach((el) => el.scrollTo(0, 0));
    });
    // The dev server's port changes with every run: hidden, the picture stays the same.
    await page.screenshot({ path: SCREENSHOT, style: 'a[href^="http://127.0.0.1"] { visibility: hidden }', animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await publish(page);
    const file = await changed(site, 'secteurs/logistique.md', undefined);
    expect(file).toBe(`---\ntitle: "La logistique"\ndescription: ${JSON.stringify(LOGISTIQUE.description)}\norder: 9\n---\n\n${LOGISTIQUE.body}`);
    const check = runScript('check-content', site.content);
    expect(check.status, check.output).toBe(0);
    const html = await waitForPage(`${site.url}/secteurs/logistique/`, (h) => h.includes('juste-à-temps'));
    expect(html).toMatch(/<h1[^>]*>La logistique/);
    await waitForPage(`${site.url}/`, (h) => h.includes('href="/secteurs/logistique/"'));
    expect(pngSize(readFileSync(SCREENSHOT))).toEqual({ width: 1280, height: 1460 });
  });

  it('never overwrites a file: « Les jeux vidéo » is refused with the message of npm run new-sector', async () => {
    const before = snapshot(site.content);
    await newSector({ title: 'Les jeux vidéo', description: 'Un doublon.', body: 'Texte.' });
    await publish(page);
    expect(await notification(page)).toContain('Rien n’a été créé : ');
    expect(await notification(page)).toContain('jeux-video.md existe déjà et donne l’adresse /secteurs/jeux-video/');
    expect(snapshot(site.content)).toEqual(before);
  });

  it('refuses a save npm run check would refuse, with the same French report, and writes nothing', async () => {
    const before = snapshot(site.content);
    await newSector({ title: 'Le transport', description: 'Un secteur avec une note sans définition.', body: 'Une note[^7].\n' });
    await publish(page);
    const text = await notification(page);
    expect(text).toContain('Rien n’a été enregistré, le contenu est à corriger.');
    expect(text).toMatch(/l’appel de note \[\^7\] n’a pas de définition/);
    expect(snapshot(site.content)).toEqual(before);
  });

  it('shows the schema’s message under a field it refuses, and saves nothing', async () => {
    const before = site.read('secteurs/marketing.md');
    await openEntry(page, site, 'secteurs/entries/marketing');
    await fillField(page, 'Description', 'x'.repeat(161));
    await publish(page);
    // The schema's own words, alone: none of Decap's preamble (« Ne correspond pas au format »).
    const message = 'la description doit tenir en 160 caractères au plus (elle sert d’aperçu dans les moteurs de recherche) : raccourcissez-la';
    await page.getByText(message, { exact: true }).waitFor();
    expect(site.read('secteurs/marketing.md')).toBe(before);
  });

  it('edits a title: only that line changes, the file keeps its name, the preview follows', async () => {
    const before = site.read('secteurs/sante.md')!;
    await openEntry(page, site, 'secteurs/entries/sante');
    await fillField(page, 'Titre', 'La santé publique');
    await publish(page);
    const after = await changed(site, 'secteurs/sante.md', before);
    expect(changedLines(before, after)).toEqual(['ligne 2 : title: "La santé publique"']);
    expect(readdirSync(path.join(site.content, 'secteurs'))).not.toContain('sante-publique.md');
    await waitForPage(`${site.url}/secteurs/sante/`, (h) => /<h1[^>]*>La santé publique/.test(h));
  });

  it('ticks draft: one line, where the schema puts it', async () => {
    const before = site.read('secteurs/finance.md')!;
    await openEntry(page, site, 'secteurs/entries/finance');
    await page.getByRole('switch', { name: /^Brouillon/ }).click();
    await publish(page);
    const after = await changed(site, 'secteurs/finance.md', before);
    const lines = before.split('\n');
    expect(after).toBe([...lines.slice(0, 4), 'draft: true', ...lines.slice(4)].join('\n'));
    expect(parseFile(after).data?.draft).toBe(true);
  });

  it('keeps what a writer is typing when a content file changes: npm run dev does not reload the editor', async () => {
    await openEntry(page, site, 'secteurs/entries/marketing');
    const loadedAt = await page.evaluate(() => performance.timeOrigin);
    const description = page.getByLabel('Description');
    await fillField(page, 'Description', 'Une phrase en cours de rédaction');
    // A page of the site open beside it: the dev server tells every page to reload once the content is synced.
    const reader = await browser.newPage();
    await reader.goto(`${site.url}/secteurs/finance/`);
    const readerLoadedAt = await reader.evaluate(() => performance.timeOrigin);
    // Another file changes, as a save from the form or a text editor changes it; the preview follows.
    const other = path.join(site.content, 'secteurs/jeux-video.md');
    writeFileSync(other, readFileSync(other, 'utf8').replace('title: "Les jeux vidéo"', 'title: "Les jeux vidéo en ligne"'));
    await waitForPage(`${site.url}/secteurs/jeux-video/`, (h) => /<h1[^>]*>Les jeux vidéo en ligne/.test(h));
    // The reload message has been sent once the reader's page has reloaded.
    await expect.poll(() => reader.evaluate(() => performance.timeOrigin), { timeout: 30_000 }).not.toBe(readerLoadedAt);
    await reader.close();
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loadedAt);
    expect(await description.inputValue()).toBe('Une phrase en cours de rédaction');
  });

  it('round-trips every sector and the home page: opened and left, untouched; one field changed, one line changed', async () => {
    const entries = [
      ...readdirSync(path.join(site.content, 'secteurs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => ({ file: `secteurs/${f}`, route: `secteurs/entries/${f.slice(0, -3)}` })),
      { file: 'accueil.md', route: 'pages/entries/accueil' },
    ];
    for (const { file, route } of entries) {
      const before = site.read(file)!;
      const beforeStat = statSync(path.join(site.content, file)).mtimeMs;
      await openEntry(page, site, route);
      // Unchanged, Decap offers no save at all: the entry reads « Publiée », and the file is not written.
      await page.getByText('Publiée', { exact: true }).waitFor();
      expect(statSync(path.join(site.content, file)).mtimeMs, file).toBe(beforeStat);
      // Still 160 characters at most.
      const edited = `${(await page.getByLabel('Description').inputValue()).slice(0, 150)} Relu.`;
      await fillField(page, 'Description', edited);
      await publish(page);
      const after = await changed(site, file, before);
      expect(changedLines(before, after), file).toEqual([
        `ligne ${before.split('\n').findIndex((l) => l.startsWith('description:')) + 1} : description: ${JSON.stringify(edited)}`,
      ]);
    }
    const check = runScript('check-content', site.content);
    expect(check.status, check.output).toBe(0);
    expect(readFileSync(path.join(site.content, 'secteurs/industrie.md'), 'utf8')).toContain('# Une note de rédaction');
  });

  it('saves only for this computer’s pages, only inside content/, and does nothing but read and save', async () => {
    const api = `${site.url}/admin/api/v1/`;
    const post = (body: object, origin = site.url) =>
      fetch(api, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) });
    const save = (file: string) => ({
      action: 'persistEntry',
      params: { entry: { path: file, raw: '---\ntitle: "Ailleurs"\n---\n' }, assets: [], options: { collectionName: 'pages' } },
    });
    const before = snapshot(site.content);
    const outside = path.join(path.dirname(site.content), `${path.basename(site.content)}-ailleurs.md`);
    const answers = [
      await post(save(`../${path.basename(outside)}`)),
      await post(save('secteurs/finance.md'), 'http://example.org'),
      await post({ action: 'deleteFile', params: { path: 'secteurs/finance.md' } }),
    ];
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403]);
    expect(await answers[0].json()).toEqual({ error: 'Rien n’a été enregistré : l’éditeur local n’écrit que dans le dossier du contenu.' });
    expect(existsSync(outside)).toBe(false);
    expect(snapshot(site.content)).toEqual(before);
  });

  it('loaded nothing from another host and broke no rule of its Content-Security-Policy', () => {
    expect(problems).toEqual([]);
  });
});
