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
  // Content checks last: a page with a mistake is not rendered, the error names the file, the lines and the fix.
  // French quotes for "…" typed by editors; apostrophes become ’. First, where Astro ran its smartypants.
  remarkPlugins: [
    [remarkFastSmartypants, smartypantsOptions] as [typeof remarkFastSmartypants, typeof smartypantsOptions],
    remarkGfm,
    remarkCollectReferences,
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
