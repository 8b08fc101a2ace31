/**
 * French-friendly slugs: accents removed, lower case ASCII, words joined by "-".
 * « La santé » → "la-sante"; "Œuvres & cœur" → "oeuvres-coeur".
 */
export function slugify(text: string): string {
  return text
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const LEADING_ARTICLE = /^(?:le|la|les|l|un|une|des|du|de la|de l)\s+/i;

/** Slug of a sector from its title, without the leading article: « Les jeux vidéo » → "jeux-video", « L’industrie » → "industrie". */
export function sectorSlugFromTitle(title: string): string {
  const withoutArticle = title
    .trim()
    .replace(/^l['’]\s*/i, '')
    .replace(LEADING_ARTICLE, '');
  return slugify(withoutArticle) || slugify(title);
}

/** Slug of a content file's path: its base name without extension, as a slug. "secteurs/Jeux-Vidéo.md" → "jeux-video". */
export function slugFromFileName(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return slugify(base.replace(/\.(md|mdx)$/i, ''));
}

/**
 * Ids for a page's headings, in order: the slug of each text, duplicates suffixed "-1", "-2"…
 * (github-slugger's scheme, with our accent-free slugs). `taken` holds ids already used on the page.
 * « Exemple », « Exemple », « Exemple 1 » → "exemple", "exemple-1", "exemple-1-1".
 */
export function headingIds(texts: string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  const counts = new Map<string, number>();
  return texts.map((text) => {
    const base = slugify(text) || 'section';
    let count = counts.get(base) ?? 0;
    let id = base;
    while (used.has(id)) id = `${base}-${++count}`;
    counts.set(base, count);
    used.add(id);
    return id;
  });
}
