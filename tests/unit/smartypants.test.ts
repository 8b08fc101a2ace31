import { readdirSync, readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkFastSmartypants } from '../../src/markdown/typography/remark-smartypants.ts';

const OPTIONS = { openingQuotes: { double: '«', single: '‘' }, closingQuotes: { double: '»', single: '’' } } as const;
const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Root;
const run = (plugin: typeof remarkFastSmartypants, markdown: string) => unified().use(plugin, OPTIONS).runSync(parse(markdown)) as Root;
const text = (tree: Root) => JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value));

const SAMPLES = [
  'Il a dit "bonjour" puis "au revoir".',
  "L'IA d'aujourd'hui et l'éditeur.",
  'Un "mot *en italique* ici" et "[un lien](https://example.org)".',
  'Attendez... la suite -- puis ``ceci\'\' et `du code "brut"`.',
  '## Le "titre"\n\n| a | "b" |\n|---|---|\n| l\'un | ... |\n',
  'Sans rien à changer : « déjà » l’apostrophe typographique.',
];

describe('remarkFastSmartypants', () => {
  it('turns straight quotes into French quotes, apostrophes into ’, and dashes and ellipses', () => {
    const out = (markdown: string) =>
      (run(remarkFastSmartypants, markdown).children[0] as { children: { value: string }[] }).children.map((c) => c.value).join('');
    expect(out('Il a dit "bonjour".')).toBe('Il a dit «bonjour».');
    expect(out("L'IA d'aujourd'hui")).toBe('L’IA d’aujourd’hui');
    expect(out('Attendez... puis -- la suite')).toBe('Attendez… puis — la suite');
  });

  it('gives exactly what Astro’s remark-smartypants gives, on tricky text and on every page of the site', () => {
    const pages = readdirSync('content/secteurs').map((f) => readFileSync(`content/secteurs/${f}`, 'utf8'));
    for (const markdown of [...SAMPLES, ...pages]) {
      expect(text(run(remarkFastSmartypants, markdown))).toBe(text(run(remarkSmartypants as unknown as typeof remarkFastSmartypants, markdown)));
    }
  });
});
