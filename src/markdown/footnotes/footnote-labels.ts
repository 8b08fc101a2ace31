import type { Options as RemarkRehypeOptions } from 'remark-rehype';

/**
 * French labels for GFM footnotes, passed to remark-rehype.
 * remark-rehype defaults to English ("Footnotes", "Back to reference 1") and
 * hides the heading with an `sr-only` class; readers here see « Références ».
 */
const FOOTNOTE_LABEL = 'Références';

/** Accessible name of a back-link: "Retour à l’appel 1" (then "1-2" for the second call to the same note; remark-rehype counts calls from 1). */
export function footnoteBackLabel(referenceIndex: number, rereferenceIndex: number): string {
  const call = String(referenceIndex + 1) + (rereferenceIndex > 1 ? `-${rereferenceIndex}` : '');
  return `Retour à l’appel ${call}`;
}

export const footnoteOptions = {
  footnoteLabel: FOOTNOTE_LABEL,
  footnoteLabelTagName: 'h2',
  footnoteLabelProperties: { className: ['footnotes-title'] },
  footnoteBackLabel,
} satisfies RemarkRehypeOptions;
