/** Site-wide facts the templates and the checks share: the name and locale readers see, and the ids the layouts give. */
export const SITE_NAME = 'Prompt engineering par secteur';
export const SITE_LOCALE = 'fr_FR';

/**
 * Ids the layouts put on pages (src/layouts, src/components, the home page). A link to "#…" in the
 * content may target them, and the checks know they exist without rendering the page.
 */
export const LAYOUT_IDS = {
  /** The skip link's target: the page's main content. */
  content: 'contenu',
  /** The header's search field. */
  searchInput: 'recherche-q',
  /** The home page's list of sectors, the target of the compact navigation. */
  sectorList: 'secteurs-titre',
  /** « Sur cette page ». */
  tableOfContents: 'toc-label',
} as const;

/** The layout's ids on each kind of page generated from content. */
export const PAGE_IDS = {
  home: [LAYOUT_IDS.content, LAYOUT_IDS.searchInput, LAYOUT_IDS.sectorList],
  sector: [LAYOUT_IDS.content, LAYOUT_IDS.searchInput],
} as const;
