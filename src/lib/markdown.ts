import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import { externalLinksOptions } from './external-links';
import { footnoteOptions } from './footnote-labels';
import { rehypeFootnotePreviews } from './footnote-previews';
import { rehypeFrenchTypography } from './french-typography';
import { rehypeHeadingAnchors } from './heading-anchors';
import { remarkCollectReferences } from './references';
import { remarkSiteChecks } from './remark-checks';
import { remarkFastSmartypants } from './smartypants';

const smartypantsOptions = {
  openingQuotes: { double: '«', single: '‘' },
  closingQuotes: { double: '»', single: '’' },
} as const;

/**
 * The markdown pipeline, shared by astro.config.mjs and the content checker.
 * `gfm: false` because remark-gfm is registered here explicitly (once):
 * unified() would otherwise add it a second time.
 */
export const markdownOptions = {
  gfm: false,
  // Astro's smartypants is replaced by the same plugin without its needless passes (src/lib/smartypants.ts).
  smartypants: false,
  remarkPlugins: [
    // French quotes for "…" typed by editors, apostrophes as ’: first, where Astro ran its smartypants.
    [remarkFastSmartypants, smartypantsOptions] as [typeof remarkFastSmartypants, typeof smartypantsOptions],
    remarkGfm,
    remarkCollectReferences,
    // Content checks last, on the tree the render already parsed: a mistake names the file, the line and the fix.
    remarkSiteChecks,
  ],
  remarkRehype: { ...footnoteOptions },
  // Typography last, so it also spaces the text the other plugins add (previews, labels).
  rehypePlugins: [
    [rehypeExternalLinks, externalLinksOptions] as [typeof rehypeExternalLinks, typeof externalLinksOptions],
    rehypeHeadingAnchors,
    rehypeFootnotePreviews,
    rehypeFrenchTypography,
  ],
};
