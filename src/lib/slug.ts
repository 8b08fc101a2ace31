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
  const withoutArticle = title.trim().replace(/^l['’]\s*/i, '').replace(LEADING_ARTICLE, '');
  return slugify(withoutArticle) || slugify(title);
}

/** Slug of a content file's path: its base name without extension, as a slug. "secteurs/Jeux-Vidéo.md" → "jeux-video". */
export function slugFromFileName(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return slugify(base.replace(/\.(md|mdx)$/i, ''));
}
