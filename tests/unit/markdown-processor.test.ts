import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import { describe, expect, it, vi } from 'vitest';
import { contentFiles } from '../../src/checks/files/content-files.ts';
import { parseFile } from '../../src/checks/files/frontmatter.ts';
import { markdownProcessor } from '../../src/markdown/processor.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { RENDERER_OPTIONS } from '../renderer-options.ts';

const shared = RENDERER_OPTIONS;
type Shared = Parameters<ReturnType<typeof unified>['createRenderer']>[0];

const astroRenderer = (options: Shared = shared) => unified(markdownOptions).createRenderer(options);
const siteRenderer = (options: Shared = shared) => markdownProcessor().createRenderer(options);

// The content folder and each fixture, as the site lists them.
const folders = (dir: string) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [path.join(dir, e.name)] : []));
const files = ['content', ...folders('tests/fixtures'), ...folders('tests/fixtures/errors')].flatMap(contentFiles).filter((file) => file.endsWith('.md'));

async function renderFile(renderer: Awaited<ReturnType<typeof astroRenderer>>, file: string) {
  const { body, data } = parseFile(readFileSync(file, 'utf8'));
  return renderer.render(body, { frontmatter: data ?? {}, fileURL: pathToFileURL(path.resolve(file)) });
}

// The one trace rehype-raw's round trip through parse5 leaves on a page without HTML: a value on valueless attributes.
const withoutEmptyValues = (html: string) => html.replaceAll(/ (data-[\w-]+)=""/g, ' $1');

const NOTE = 'Un usage cité[^1].\n\n[^1]: [Rapport](https://exemple.fr/rapport)';

describe('markdownProcessor', () => {
  it('renders every content file and fixture as Astro’s renderer does, problems found included', async () => {
    const [astro, site] = await Promise.all([astroRenderer(), siteRenderer()]);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const [expected, rendered] = await Promise.all([renderFile(astro, file), renderFile(site, file)]);
      expect(rendered.metadata, file).toEqual(expected.metadata);
      expect(withoutEmptyValues(rendered.code), file).toBe(withoutEmptyValues(expected.code));
    }
  });

  it('hands the images of a page to Astro as Astro’s renderer does, written inline or by reference', async () => {
    const [astro, site] = await Promise.all([astroRenderer(), siteRenderer()]);
    const fileURL = pathToFileURL(path.resolve('content/secteurs/sante.md'));
    const markdown = '![Étapes](./etapes.png) et ![Schéma][schema]\n\n[schema]: ./schema.png';
    const [expected, rendered] = await Promise.all([astro.render(markdown, { fileURL }), site.render(markdown, { fileURL })]);
    expect(rendered.metadata.localImagePaths).toEqual(['./etapes.png', './schema.png']);
    expect(rendered).toEqual(expected);
  });

  it('skips rehype-raw on a page without HTML written in it', async () => {
    const [astro, site] = await Promise.all([astroRenderer(), siteRenderer()]);
    expect((await astro.render(NOTE)).code).toContain('<section data-footnotes="" class="footnotes">');
    expect((await site.render(NOTE)).code).toContain('<section data-footnotes class="footnotes">');
  });

  it('reads the HTML an editor wrote as Astro does, byte for byte', async () => {
    const [astro, site] = await Promise.all([astroRenderer(), siteRenderer()]);
    const samples = [
      [`Raccourci <kbd>Ctrl</kbd> + <kbd>C</kbd>. ${NOTE}`, '<kbd>Ctrl</kbd>'],
      ['<details>\n<summary>Un exemple</summary>\n\nTexte.\n\n</details>', '<summary>Un exemple</summary>'],
    ];
    for (const [markdown, written] of samples) {
      const rendered = (await site.render(markdown)).code;
      expect(rendered).toBe((await astro.render(markdown)).code);
      expect(rendered).toContain(written);
    }
    const allowed = 'tests/fixtures/allowed-content/secteurs/regles.md';
    expect((await renderFile(site, allowed)).code).toBe((await renderFile(astro, allowed)).code);
  });

  it('leaves to Astro’s renderer a configuration asking it for more (here, syntax highlighting)', async () => {
    const highlighted = { ...shared, syntaxHighlight: 'prism' as const };
    const markdown = `\`\`\`js\nconst a = 1;\n\`\`\`\n\n${NOTE}`;
    const rendered = (await siteRenderer(highlighted).then((r) => r.render(markdown))).code;
    expect(rendered).toBe((await astroRenderer(highlighted).then((r) => r.render(markdown))).code);
    expect(rendered).toContain('data-footnotes=""');
  });

  it('reports a plugin’s failure as Astro’s renderer does, naming the file', async () => {
    const failing = () => () => {
      throw new Error('panne du plugin');
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const renderer = await markdownProcessor({ ...markdownOptions, rehypePlugins: [failing] }).createRenderer(shared);
      const file = path.resolve('content/secteurs/sante.md');
      await expect(renderer.render('Texte.', { fileURL: pathToFileURL(file) })).rejects.toThrow(`Failed to parse Markdown file "${file}":\npanne du plugin`);
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });
});
