/**
 * Callouts: GitHub's alert syntax (`> [!TIP]` on its own line, then the text), so the same markdown
 * renders on GitHub and other forges. The five types GitHub knows, with the titles readers see here.
 * The renderer (rehype-callouts.ts) and the content check of unknown types (src/checks/rules/)
 * both read this list.
 */
export const CALLOUT_TITLES = {
  NOTE: 'Remarque',
  TIP: 'Astuce',
  IMPORTANT: 'Important',
  WARNING: 'Attention',
  CAUTION: 'Danger',
} as const;

export type CalloutType = keyof typeof CALLOUT_TITLES;

/** The marker that opens a callout: `[!WORD]` at the very start of a blockquote's first paragraph. */
export const CALLOUT_MARKER = /^\[!([^\]\s]*)\]/;

/** The type a marker's word names, as GitHub reads it (any case), or undefined. */
export function calloutType(word: string): CalloutType | undefined {
  const upper = word.toUpperCase();
  return Object.hasOwn(CALLOUT_TITLES, upper) ? (upper as CalloutType) : undefined;
}
