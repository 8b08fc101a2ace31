/** A heading as Astro's render() reports it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * The entries of « Sur cette page »: the page's h2 and h3, or none when the page has fewer
 * than two sections (h2), where a table of contents would only repeat the page.
 */
export function tocEntries(headings: Heading[]): Heading[] {
  const sections = headings.filter((h) => h.depth === 2);
  if (sections.length < 2) return [];
  return headings.filter((h) => h.depth === 2 || h.depth === 3);
}
