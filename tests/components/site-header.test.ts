import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import SiteHeader from '../../src/components/SiteHeader.astro';
import { sectorPageKey } from '../../src/build/cache-key.ts';
import { FULL_NAV_LIMIT, sectorNav } from '../../src/utils/navigation/nav.ts';
import type { SectorLink } from '../../src/utils/navigation/sectors.ts';

// A sector page copied from the previous build (incremental build) is right only if everything its header
// shows is in its cacheKey. The header is given the navigation the key covers: whenever two navigations
// render different headers, their keys must differ too.
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const links = (n: number): SectorLink[] => Array.from({ length: n }, (_, i) => ({ id: `secteur-${i + 1}`, title: `Secteur ${i + 1}` }));
/** Every edit an editor can make to the list of sectors, as the header's data sees it. */
const edits: [string, (list: SectorLink[]) => SectorLink[]][] = [
  ['a title edited', (list) => list.map((s, i) => (i === 2 ? { ...s, title: 'Un titre modifié' } : s))],
  ['two sectors swapped', (list) => [list[1], list[0], ...list.slice(2)]],
  ['a sector added', (list) => [...list, { id: 'nouveau', title: 'Nouveau' }]],
  ['a sector removed', (list) => list.slice(0, -1)],
  ['a sector renamed (new address)', (list) => list.map((s, i) => (i === 3 ? { ...s, id: 'autre-adresse' } : s))],
];
const current = { id: 'secteur-1', digest: 'd', data: { title: 'Secteur 1' } };
const header = (list: SectorLink[]) => container.renderToString(SiteHeader, { props: { nav: sectorNav(list), currentId: current.id } });
const key = (list: SectorLink[]) => sectorPageKey({ sector: current, nav: sectorNav(list) });

describe.each([FULL_NAV_LIMIT - 6, FULL_NAV_LIMIT, FULL_NAV_LIMIT + 1, FULL_NAV_LIMIT + 30])('the header of a site of %i sectors', (count) => {
  it.each(edits)('changes the page’s cacheKey whenever it shows %s', async (_, edit) => {
    const before = links(count);
    const after = edit(before);
    if ((await header(before)) !== (await header(after))) expect(key(after)).not.toBe(key(before));
    else expect(sectorNav(after).kind).toBe('index');
  });

  it('shows every sector’s title, or only their number above the limit', async () => {
    const html = await header(links(count));
    if (count <= FULL_NAV_LIMIT) expect(html).toMatch(new RegExp(`>\\s*Secteur ${count}\\s*</a>`));
    else expect(html).toContain(`Tous les secteurs (${count})`);
  });
});
