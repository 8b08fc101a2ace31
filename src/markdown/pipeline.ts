/**
 * How markdown becomes HTML: the plugin list of the site's markdown processor (processor.ts, Astro's
 * unified()), for `.md` and `.mdx` alike. One file per plugin in the folders beside this one (by what the
 * reader gets: parse/, typography/, footnotes/, blocks/, links/), plus the options of the plugins we take
 * from npm. The content checks run here too (src/checks), on the tree the render parses anyway.
 * Nothing in this folder reads the disk or knows about pages.
 */
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import { remarkContentChecks } from '../checks/content-checks.ts';
import { externalLinksOptions } from './links/external-links.ts';
import { rehypeCallouts } from './blocks/rehype-callouts.ts';
import { rehypeCopyButtons } from './blocks/rehype-copy-buttons.ts';
import { footnoteOptions } from './footnotes/footnote-labels.ts';
import { rehypeFootnotePreviews } from './footnotes/rehype-footnote-previews.ts';
import { rehypeFrenchTypography } from './typography/rehype-french-typography.ts';
import { rehypeHeadingAnchors } from './links/rehype-heading-anchors.ts';
import { remarkCollectReferences } from './footnotes/remark-references.ts';
import { remarkFastSmartypants } from './typography/remark-smartypants.ts';
import { remarkSatteriParse } from './parse/remark-satteri-parse.ts';

const smartypantsOptions = {
  openingQuotes: { double: '«', single: '‘' },
  closingQuotes: { double: '»', single: '’' },
} as const;

/**
 * `gfm: false` because remark-gfm is registered here explicitly (once): unified() would otherwise add
 * it a second time. Astro's smartypants is replaced by the same plugin without its needless passes.
 */
export const markdownOptions = {
  gfm: false,
  smartypants: false,
  remarkPlugins: [
    // French quotes for "…" typed by editors, apostrophes as ’: first, where Astro ran its smartypants.
    [remarkFastSmartypants, smartypantsOptions] as [typeof remarkFastSmartypants, typeof smartypantsOptions],
    remarkGfm,
    // GFM read by satteri rather than micromark: same tree, sooner.
    remarkSatteriParse,
    remarkCollectReferences,
    // Content checks last, on the tree the render already parsed: a mistake names the file, the line and the fix.
    remarkContentChecks,
  ],
  remarkRehype: { ...footnoteOptions },
  // Typography last, so it also spaces the text the other plugins add (previews, labels).
  rehypePlugins: [
    [rehypeExternalLinks, externalLinksOptions] as [typeof rehypeExternalLinks, typeof externalLinksOptions],
    rehypeHeadingAnchors,
    rehypeFootnotePreviews,
    // GitHub's `> [!TIP]` as callouts with French titles; a « Copier » button after each code block.
    rehypeCallouts,
    rehypeCopyButtons,
    rehypeFrenchTypography,
  ],
};
