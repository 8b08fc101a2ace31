import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CALLOUT_TITLES, calloutType } from '../../src/markdown/blocks/callouts.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';

/** The site's whole markdown pipeline, as Astro runs it. */
async function render(markdown: string) {
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  const { code } = await processor.render(markdown);
  return parseHTML(`<body>${code}</body>`).document;
}

describe('callouts (GitHub alerts)', () => {
  it.each(Object.entries(CALLOUT_TITLES))('render > [!%s] as a note named by its French title « %s »', async (type, title) => {
    const doc = await render(`> [!${type}]\n> Relisez toujours la réponse du modèle avant de l’utiliser.\n`);
    const note = doc.querySelector('[role="note"]')!;
    expect(note.tagName).toBe('DIV');
    expect(note.className).toBe(`callout callout-${type.toLowerCase()}`);
    const label = doc.getElementById(note.getAttribute('aria-labelledby')!)!;
    expect(label.className).toBe('callout-title');
    expect(label.parentElement).toBe(note);
    expect(label.textContent).toBe(title);
    expect(note.querySelector('p:not(.callout-title)')?.textContent).toBe('Relisez toujours la réponse du modèle avant de l’utiliser.');
    expect(doc.querySelector('blockquote')).toBeNull();
    expect(note.textContent).not.toContain('[!');
  });

  it('keeps every paragraph, link and list of the callout, and applies French typography inside', async () => {
    const doc = await render('> [!WARNING]\n> Attention: *jamais* de "données personnelles" !\n>\n> - un\n> - [deux](/secteurs/finance/)\n');
    const note = doc.querySelector('[role="note"]')!;
    const text = note.querySelector('p:not(.callout-title)')!;
    expect(text.textContent).toBe('Attention\u00a0: jamais de «\u00a0données personnelles\u00a0»\u202f!');
    expect(text.querySelector('em')?.textContent).toBe('jamais');
    expect([...note.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['un', 'deux']);
    expect(note.querySelector('a')?.getAttribute('href')).toBe('/secteurs/finance/');
  });

  it('gives each callout of a page its own title id, never one a heading already has', async () => {
    const doc = await render('## Encadré 1\n\n> [!NOTE]\n> Un.\n\n> [!TIP]\n> Deux.\n');
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...doc.querySelectorAll('[role="note"]')].map((n) => n.getAttribute('aria-labelledby'))).toEqual(['encadre-2', 'encadre-3']);
  });

  it('finds callouts below the top level, in a list item or a quotation; one in a callout stays a quotation, as on GitHub', async () => {
    const doc = await render(
      '- Un point :\n\n  > [!TIP]\n  > Dans la liste.\n\n> Une citation :\n>\n> > [!NOTE]\n> > Dans la citation.\n\n> [!WARNING]\n> Dehors.\n>\n> > [!CAUTION]\n> > Dedans.\n',
    );
    const notes = [...doc.querySelectorAll('[role="note"]')];
    expect(notes.map((note) => note.className)).toEqual(['callout callout-tip', 'callout callout-note', 'callout callout-warning']);
    expect(notes[0].parentElement?.tagName).toBe('LI');
    expect(notes[1].parentElement?.tagName).toBe('BLOCKQUOTE');
    expect(notes[2].querySelector('blockquote')?.textContent).toContain('Dedans.');
    expect(notes.map((note) => doc.getElementById(note.getAttribute('aria-labelledby')!)?.parentElement)).toEqual(notes);
  });

  it('names the callouts of a processor set up before another one (Astro makes one for .md, one for .mdx)', async () => {
    const first = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
    const second = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
    // Each sets its plugins up at its first render.
    await first.render('Texte.');
    await second.render('Texte.');
    const doc = parseHTML(`<body>${(await first.render('> [!TIP]\n> Un conseil.\n')).code}</body>`).document;
    expect(doc.querySelector('[role="note"]')?.getAttribute('aria-labelledby')).toBe('encadre-1');
    expect(doc.getElementById('encadre-1')?.textContent).toBe(CALLOUT_TITLES.TIP);
  });

  it('leaves quotations alone, and what is not a callout GitHub would render (the checks report those)', async () => {
    for (const markdown of ['> Une citation.\n', '> [!ASTUCE]\n> Un conseil.\n', '> [!TIP] sur la même ligne\n', '> Il a dit [!TIP] ici.\n']) {
      const doc = await render(markdown);
      expect(doc.querySelector('[role="note"]'), markdown).toBeNull();
      expect(doc.querySelector('blockquote'), markdown).not.toBeNull();
    }
  });

  it('reads the type in any case, as GitHub does', () => {
    expect(calloutType('tip')).toBe('TIP');
    expect(calloutType('Caution')).toBe('CAUTION');
    expect(calloutType('ASTUCE')).toBeUndefined();
    expect(calloutType('constructor')).toBeUndefined();
  });
});
