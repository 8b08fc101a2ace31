import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import type { Processor } from 'unified';

/**
 * Texts satteri reads otherwise than micromark (satteri 0.10), left to micromark: a NUL character (micromark
 * makes it U+FFFD), a bare address directly followed by `|` (satteri carries on into the table's next cell),
 * an e-mail inside `scheme://user@host` (micromark links it), a task list item (micromark starts its paragraph
 * before the box), a character reference in a link's label (micromark decodes it). tests/unit/satteri-parse.test.ts
 * holds one example of each.
 */
const READ_BY_MICROMARK = /\0|(?:\/\/|www\.)[^\s|<]*\||:\/\/[^\s/@]*@|^[ \t>]*(?:[*+-]|\d+[.)])[ \t]+\[[ xX]\]|\[[^\]\n]*&[#\w]+;/m;

/** satteri's syntax: GFM, as remark-gfm reads it; Astro gives the body without its frontmatter. */
export const SATTERI_OPTIONS = { features: { gfm: true, frontmatter: false } };

/**
 * Reads GFM markdown with satteri, the Rust parser behind Astro's default processor, in place of micromark: the
 * same tree, positions included (the test compares the two on every content file and fixture), much sooner
 * (README, « Passage à l’échelle »). A processor with any other syntax extension (MDX) keeps micromark, as do
 * the texts above and any text satteri fails on.
 */
export function remarkSatteriParse(this: Processor) {
  const micromark = this.parser;
  if (!micromark) return;
  this.parser = (document, file) => {
    // Looked at when parsing, once every plugin is attached, wherever this one stands in the list: remark-gfm's
    // extension alone, since satteri's GFM is that syntax and no other.
    const gfmOnly = (this.data('micromarkExtensions') ?? []).length === 1;
    if (!gfmOnly || READ_BY_MICROMARK.test(document)) return micromark(document, file);
    try {
      return markdownToMdast(document, SATTERI_OPTIONS) as Root;
    } catch {
      return micromark(document, file);
    }
  };
}
