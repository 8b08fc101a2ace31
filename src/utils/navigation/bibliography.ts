import type { Reference } from '../../markdown/footnotes/remark-references.ts';
import type { SectorLink } from './sectors.ts';

/** A sector and the sources its footnotes cite (what render() exposes as remarkPluginFrontmatter.references). */
export interface CitingSector {
  id: string;
  title: string;
  references: readonly Reference[];
}

/** One source of the site, once, with every sector that cites it; no `url` for a work cited in words (a book). */
export interface Source {
  title: string;
  url?: string;
  sectors: SectorLink[];
}

/**
 * The key two links share when they name the same source: the URL without its fragment
 * and without a trailing slash (hosts serve /article and /article/ alike; editors type both).
 * Scheme and host case are normalised by URL itself; the query is kept (it can pick a page).
 */
export function sourceKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  parsed.hash = '';
  if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  return parsed.href.replace(/\/$/, '');
}

/**
 * The key two citations in words share when they name the same work: the same text, whatever its
 * spacing, letter case or final full stop (« Dupont, La sécurité, 2023. » and « dupont, la sécurité, 2023 »).
 */
export function textSourceKey(text: string): string {
  return `texte:${text.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLocaleLowerCase('fr')}`;
}

/**
 * Every source cited by the given sectors (already in reading order), deduplicated by URL, or by
 * text for works cited without one. The first citation gives the title and URL shown; each source
 * lists its sectors in reading order, once; sources are sorted by title (French collation), then by URL.
 */
export function buildBibliography(sectors: readonly CitingSector[]): Source[] {
  const byKey = new Map<string, Source>();
  for (const sector of sectors) {
    for (const reference of sector.references) {
      const { url } = reference;
      const key = url === undefined ? textSourceKey(reference.title) : sourceKey(url);
      let source = byKey.get(key);
      if (!source) {
        source = url === undefined ? { title: reference.title, sectors: [] } : { title: reference.title || url, url, sectors: [] };
        byKey.set(key, source);
      }
      if (!source.sectors.some((s) => s.id === sector.id)) source.sectors.push({ id: sector.id, title: sector.title });
    }
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  return [...byKey.values()].sort((a, b) => collator.compare(a.title, b.title) || (a.url ?? '').localeCompare(b.url ?? ''));
}
