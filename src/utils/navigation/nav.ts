/**
 * How the header lists sectors. Every sector fits in the header of a small site; with hundreds,
 * listing them on every page would make every page grow with the site (and the whole site with
 * its square). Above the limit, pages link to the home page's list instead, which is the one
 * page allowed to grow with the number of sectors.
 */
export const FULL_NAV_LIMIT = 12;

export type SectorNav<T> = { kind: 'all'; sectors: readonly T[] } | { kind: 'index'; total: number };

export function sectorNav<T>(sorted: readonly T[], limit: number = FULL_NAV_LIMIT): SectorNav<T> {
  return sorted.length <= limit ? { kind: 'all', sectors: sorted } : { kind: 'index', total: sorted.length };
}
