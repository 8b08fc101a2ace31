import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/checks/files/frontmatter.ts';
import { newSector, nextOrder } from '../../src/utils/files/new-sector.ts';
import { sectorSchema } from '../../src/checks/files/schema.ts';

describe('newSector', () => {
  it.each([
    ['La logistique', 'logistique.md'],
    ['Les jeux vidéo', 'jeux-video.md'],
    ['L’industrie', 'industrie.md'],
    ['  Le   BTP  ', 'btp.md'],
  ])('names the file of « %s » %s', (title, fileName) => {
    expect(newSector(title, 1).fileName).toBe(fileName);
  });

  it('writes a frontmatter the schema accepts, whatever the title holds', () => {
    for (const title of ['La logistique', 'Les « données » : "tout" # savoir', 'x'.repeat(150)]) {
      const parsed = parseFile(newSector(title, 9).content);
      expect(parsed.error).toBeUndefined();
      const data = sectorSchema.parse(parsed.data);
      expect(data.title).toBe(title);
      expect(data.order).toBe(9);
    }
  });
});

describe('nextOrder', () => {
  it('is one more than the largest valid order', () => {
    expect(nextOrder([3, 1, 6, 2])).toBe(7);
    expect(nextOrder([2, 'x', undefined, 4.5])).toBe(3);
    expect(nextOrder([])).toBe(1);
  });
});
