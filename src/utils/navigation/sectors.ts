/** Ordering and neighbours of sectors: pure functions over the collection's entries. */

/** A link to a sector page, as the header, the cards' neighbours and the bibliography show it. */
export interface SectorLink {
  id: string;
  title: string;
}

export interface SectorLike {
  id: string;
  data: { title: string; order: number };
}

/** By `order`, then title (French collation) so that ties stay stable and readable. */
export function sortSectors<T extends SectorLike>(sectors: readonly T[]): T[] {
  return [...sectors].sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title, 'fr') || a.id.localeCompare(b.id));
}

export interface Neighbours<T> {
  previous?: T;
  next?: T;
}

/** Previous and next sector of each sector, in one pass (linear in the number of sectors). */
export function neighboursById<T extends { id: string }>(sorted: readonly T[]): Map<string, Neighbours<T>> {
  const result = new Map<string, Neighbours<T>>();
  sorted.forEach((sector, index) => {
    result.set(sector.id, { previous: sorted[index - 1], next: sorted[index + 1] });
  });
  return result;
}
