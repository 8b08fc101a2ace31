import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/checks/files/frontmatter.ts';
import { buildSite, contentWith, removeAll, type BuildResult } from './build-site.ts';
import { startDevServer, waitForPage, type DevServer } from '../../scripts/bench-dev.ts';
import { editorEnv, runScript, snapshot, type CommandResult } from './editor-commands.ts';
import { BuiltSite, text } from './site.ts';
import { pngSize } from '../png.ts';

// content/ plus a draft (tests/fixtures/draft-sector), then `npm run new-sector -- "La logistique"`.
let dir: string;
let created: CommandResult;
let createdText: string;
let again: CommandResult;
let existing: CommandResult;
let beforeRefusals: Record<string, string>;
let afterRefusals: Record<string, string>;
let check: CommandResult;
let build: BuildResult;
let site: BuiltSite;

beforeAll(() => {
  dir = contentWith('draft-sector');
  created = runScript('new-sector', dir, ['La logistique']);
  createdText = readFileSync(path.join(dir, 'secteurs/logistique.md'), 'utf8');
  beforeRefusals = snapshot(dir);
  again = runScript('new-sector', dir, ['La logistique']);
  existing = runScript('new-sector', dir, ['Les jeux vidéo']);
  afterRefusals = snapshot(dir);
  check = runScript('check-content', dir);
  build = buildSite({ CONTENT_DIR: dir });
  site = new BuiltSite(build.outDir);
});
afterAll(() => removeAll(dir, path.dirname(build.outDir)));

describe('npm run new-sector', () => {
  it('creates secteurs/logistique.md with the title and the next free order', () => {
    expect(created.status).toBe(0);
    expect(created.output).toContain('secteurs/logistique.md');
    const data = parseFile(createdText).data;
    // The draft holds order 8: the next free one is 9.
    expect(data).toMatchObject({ title: 'La logistique', order: 9 });
  });

  it('refuses to overwrite an existing file, says so and changes nothing', () => {
    for (const refusal of [again, existing]) {
      expect(refusal.status).toBe(1);
      expect(refusal.output).toMatch(/Rien n’a été créé : .*existe déjà/);
    }
    expect(existing.output).toContain('secteurs/jeux-video.md');
    expect(afterRefusals).toEqual(beforeRefusals);
  });

  it('writes a file that passes npm run check and builds into a page', () => {
    expect(check.status, check.output).toBe(0);
    expect(check.output).toContain('aucun problème');
    expect(build.status, build.output).toBe(0);
    const doc = site.document('/secteurs/logistique/');
    expect(text(doc.querySelector('h1'))).toBe('La logistique');
    expect(text(doc.querySelector('article'))).toContain('À compléter');
  });
});

describe('a draft (draft: true)', () => {
  it('is left out of the build: no page, no card, no link, no mention', () => {
    expect(site.fileFor('/secteurs/brouillon/')).toBeUndefined();
    expect(site.pages()).not.toContain('/secteurs/brouillon/');
    for (const page of site.pages()) {
      const html = site.html(page);
      expect(html, page).not.toContain('/secteurs/brouillon/');
      expect(html, page).not.toContain('Le secteur en brouillon');
      // Nor its sources (the references page lists every published source).
      expect(html, page).not.toContain('example.org/source-du-brouillon');
    }
  });
});

describe('npm run dev', () => {
  let devDir: string;
  let server: DevServer;
  let base: string;

  beforeAll(async () => {
    devDir = contentWith('draft-sector');
    server = await startDevServer(devDir, editorEnv());
    base = server.url;
  });
  afterAll(async () => {
    await server?.stop();
    removeAll(devDir);
  });

  it('shows the draft, with its card on the home page', async () => {
    await waitForPage(`${base}/secteurs/brouillon/`, (html) => html.includes('Texte provisoire du brouillon'));
    await waitForPage(`${base}/`, (html) => html.includes('href="/secteurs/brouillon/"'));
  });

  it('serves the preview images, the draft’s included', async () => {
    for (const image of ['/og/accueil.png', '/og/secteurs/brouillon.png']) {
      const response = await fetch(`${base}${image}`);
      expect(response.status, image).toBe(200);
      expect(response.headers.get('content-type'), image).toBe('image/png');
      expect(pngSize(new Uint8Array(await response.arrayBuffer())), image).toEqual({ width: 1200, height: 630 });
    }
  });

  it('shows an edited file without a restart', async () => {
    const file = path.join(devDir, 'secteurs/brouillon.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Texte provisoire du brouillon', 'Texte réécrit pendant le dev'));
    await waitForPage(`${base}/secteurs/brouillon/`, (html) => html.includes('Texte réécrit pendant le dev'));
  });

  it('shows an added file without a restart, and its mistakes on the page', async () => {
    const file = path.join(devDir, 'secteurs/transport.md');
    writeFileSync(file, '---\ntitle: "Le transport"\ndescription: "Un secteur ajouté pendant que le serveur tourne."\norder: 9\n---\n\nTexte du transport.\n');
    await waitForPage(`${base}/secteurs/transport/`, (html) => html.includes('Texte du transport.'));
    appendFileSync(file, '\nUn appel sans définition[^7].\n');
    const html = await waitForPage(`${base}/secteurs/transport/`, (page) => page.includes('data-content-problems'));
    expect(html).toMatch(/ligne 9 : l’appel de note \[\^7\] n’a pas de définition/);
  });

  it('prints the whole report in the terminal, and again after each change, mistakes between files included', async () => {
    const file = path.join(devDir, 'secteurs/doublon.md');
    writeFileSync(file, '---\ntitle: "Le doublon"\ndescription: "Le même numéro qu’un autre secteur."\norder: 9\n---\n\nTexte.\n');
    await expect.poll(() => server.output(), { timeout: 20_000 }).toMatch(/Contenu à corriger[^]*doublon\.md\n\s+ligne 4 : order: 9 est aussi celui de/);
    const seen = server.output().length;
    writeFileSync(file, readFileSync(file, 'utf8').replace('order: 9', 'order: 10'));
    // A new report, without the fixed mistake (transport.md above still has its own).
    await expect.poll(() => server.output().slice(seen), { timeout: 20_000 }).toMatch(/Contenu à corriger[^]*transport\.md/);
    expect(server.output().slice(seen)).toMatch(/1 problème dans 1 fichier/);
    expect(server.output().slice(seen)).not.toMatch(/secteurs\/doublon\.md\n/);
  });
});
