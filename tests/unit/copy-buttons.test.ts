import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/markdown/pipeline.ts';

/** The site's whole markdown pipeline, as Astro runs it: the HTML and the frontmatter render() returns. */
async function render(markdown: string) {
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  const { code, metadata } = await processor.render(markdown);
  return { doc: parseHTML(`<body>${code}</body>`).document, frontmatter: metadata.frontmatter };
}

// Typography, quotes and dashes that the pipeline changes in prose, and must not change in code.
const PROMPT = 'Tu es "analyste" : réponds en 3 points ; cite -- si possible... « tout » ?\n  - indenté\n\nN’invente rien !';

describe('rehypeCopyButtons', () => {
  it('puts a hidden « Copier » button after each code block, in a wrapper, and tells the page it needs the script', async () => {
    const { doc, frontmatter } = await render(`Texte.\n\n\`\`\`text\n${PROMPT}\n\`\`\`\n\n\`\`\`\nDeux\n\`\`\`\n`);
    const blocks = [...doc.querySelectorAll('div.code-block')];
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      expect([...block.children].map((c) => c.tagName)).toEqual(['PRE', 'BUTTON']);
      const button = block.querySelector('button')!;
      expect(button.getAttribute('type')).toBe('button');
      expect(button.className).toBe('copy-button');
      expect(button.hasAttribute('hidden')).toBe(true);
      expect(button.textContent).toBe('Copier');
    }
    expect(frontmatter.copyButtons).toBe(2);
  });

  it('leaves the code exactly as written: what the button copies is the editor’s text', async () => {
    const { doc } = await render(`Un "exemple" : voici.\n\n\`\`\`text\n${PROMPT}\n\`\`\`\n`);
    // The text the script copies: the block's text without the final line break remark-rehype adds.
    expect(doc.querySelector('.code-block pre')!.textContent!.replace(/\n$/, '')).toBe(PROMPT);
    expect(doc.querySelector('p')!.textContent).toBe('Un «\u00a0exemple\u00a0»\u00a0: voici.');
  });

  it('adds nothing, and asks for no script, on a page without code', async () => {
    const { doc, frontmatter } = await render('Du texte avec `du code en ligne`.\n');
    expect(doc.querySelector('button, .code-block')).toBeNull();
    expect(frontmatter.copyButtons).toBeUndefined();
  });
});
