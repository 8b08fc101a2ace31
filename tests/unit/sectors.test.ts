import { describe, expect, it } from 'vitest';
import { neighboursById, sortSectors } from '../../src/utils/navigation/sectors.ts';

const sector = (id: string, order: number, title = id) => ({ id, data: { title, order } });

describe('sortSectors', () => {
  it('orders by `order`, whatever the file order', () => {
    expect(sortSectors([sector('c', 3), sector('a', 1), sector('b', 2)]).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
  it('breaks ties by French title so the result never depends on the file system', () => {
    expect(sortSectors([sector('x', 1, 'Éducation'), sector('y', 1, 'Eau'), sector('z', 1, 'Zoo')]).map((s) => s.id)).toEqual(['y', 'x', 'z']);
  });
  it('does not modify its input', () => {
    const input = [sector('b', 2), sector('a', 1)];
    sortSectors(input);
    expect(input.map((s) => s.id)).toEqual(['b', 'a']);
  });
});

describe('neighboursById', () => {
  it('gives each sector its previous and next', () => {
    const map = neighboursById([sector('a', 1), sector('b', 2), sector('c', 3)]);
    expect(map.get('a')).toEqual({ previous: undefined, next: sector('b', 2) });
    expect(map.get('b')?.previous?.id).toBe('a');
    expect(map.get('b')?.next?.id).toBe('c');
    expect(map.get('c')?.next).toBeUndefined();
  });
  it('handles a single sector and none', () => {
    expect(neighboursById([sector('a', 1)]).get('a')).toEqual({ previous: undefined, next: undefined });
    expect(neighboursById([]).size).toBe(0);
  });
});
