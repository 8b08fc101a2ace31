import { describe, expect, it } from 'vitest';
import { FULL_NAV_LIMIT, sectorNav } from '../../src/utils/navigation/nav.ts';

const sectors = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}` }));

describe('sectorNav', () => {
  it('lists every sector, in order, up to the limit', () => {
    expect(sectorNav(sectors(7))).toEqual({ kind: 'all', sectors: sectors(7) });
    expect(sectorNav(sectors(FULL_NAV_LIMIT))).toEqual({ kind: 'all', sectors: sectors(FULL_NAV_LIMIT) });
  });
  it('points to the full list, with its size, above the limit', () => {
    expect(sectorNav(sectors(FULL_NAV_LIMIT + 1))).toEqual({ kind: 'index', total: FULL_NAV_LIMIT + 1 });
    expect(sectorNav(sectors(5000))).toEqual({ kind: 'index', total: 5000 });
  });
  it('takes another limit', () => {
    expect(sectorNav(sectors(3), 2).kind).toBe('index');
    expect(sectorNav(sectors(2), 2).kind).toBe('all');
  });
  it('handles no sector', () => {
    expect(sectorNav([])).toEqual({ kind: 'all', sectors: [] });
  });
});
