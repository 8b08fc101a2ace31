import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { hashJson, middlewareDigest, outsideThePage, sectorPageKey, stableJson } from '../../src/build/cache-key.ts';
import { metaContentSecurityPolicy } from '../../src/utils/publishing/security-policy.ts';
import { FULL_NAV_LIMIT, sectorNav } from '../../src/utils/navigation/nav.ts';
import { neighboursById, type SectorLink } from '../../src/utils/navigation/sectors.ts';

describe('stableJson', () => {
  it('sorts object keys at every level and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 2 } })).toBe('{"a":{"c":2,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(stableJson({ b: 1, a: 2 })).toBe(stableJson({ a: 2, b: 1 }));
    expect(stableJson([2, 1])).not.toBe(stableJson([1, 2]));
  });
  it('writes dates as ISO text and leaves out absent fields', () => {
    expect(stableJson({ updated: new Date('2026-03-01T00:00:00Z') })).toBe('{"updated":"2026-03-01T00:00:00.000Z"}');
    expect(stableJson({ a: 1, b: undefined })).toBe(stableJson({ a: 1 }));
  });
  it('refuses what JSON would lose silently', () => {
    expect(() => stableJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => stableJson({ s: Symbol('x') })).toThrow(TypeError);
    expect(() => stableJson({ m: new Map([[1, 2]]) })).toThrow(TypeError);
    expect(() => stableJson({ s: new Set([1]) })).toThrow(TypeError);
    expect(() => stableJson(undefined)).toThrow(TypeError);
  });
});

describe('hashJson', () => {
  it('is equal for equal values, whatever the key order, and differs otherwise', () => {
    expect(hashJson({ a: 1, b: [1, 2] })).toBe(hashJson({ b: [1, 2], a: 1 }));
    expect(hashJson({ a: 1 })).not.toBe(hashJson({ a: 2 }));
    expect(hashJson({ a: 1 })).toMatch(/^[\w-]{43}$/);
  });
});

interface Sector {
  id: string;
  digest?: string;
  data: { title: string; description: string; order: number; updated?: Date };
}

const sectors = (n: number): Sector[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    digest: `d${i + 1}`,
    data: { title: `Secteur ${i + 1}`, description: `Description ${i + 1}`, order: i + 1 },
  }));

/** The keys of every sector page, computed as src/pages/secteurs/[slug].astro does. */
function pageKeys(sorted: Sector[]): Map<string, string | undefined> {
  const links: SectorLink[] = sorted.map((s) => ({ id: s.id, title: s.data.title }));
  const nav = sectorNav(links);
  const neighbours = neighboursById(sorted);
  const link = (s?: Sector) => s && { id: s.id, title: s.data.title };
  return new Map(
    sorted.map((sector) => {
      const { previous, next } = neighbours.get(sector.id) ?? {};
      return [sector.id, sectorPageKey({ sector, nav, previous: link(previous), next: link(next) })];
    }),
  );
}

/** Ids of the pages whose key differs between two versions of the site. */
function changed(before: Sector[], after: Sector[]): string[] {
  const a = pageKeys(before);
  const b = pageKeys(after);
  return [...b.keys()].filter((id) => a.get(id) !== b.get(id));
}

const edit = (list: Sector[], id: string, change: (s: Sector) => Sector) => list.map((s) => (s.id === id ? change(s) : s));

describe('sectorPageKey', () => {
  it('changes with the page’s own file and data only, when the header shows only a count', () => {
    const site = sectors(FULL_NAV_LIMIT + 3);
    expect(
      changed(
        site,
        edit(site, 's5', (s) => ({ ...s, digest: 'other' })),
      ),
    ).toEqual(['s5']);
    expect(
      changed(
        site,
        edit(site, 's5', (s) => ({ ...s, data: { ...s.data, description: 'Autre' } })),
      ),
    ).toEqual(['s5']);
    expect(
      changed(
        site,
        edit(site, 's5', (s) => ({ ...s, data: { ...s.data, updated: new Date('2026-01-01') } })),
      ),
    ).toEqual(['s5']);
  });

  it('changes the edited page and its two neighbours on a title edit, with more than FULL_NAV_LIMIT sectors', () => {
    const site = sectors(FULL_NAV_LIMIT + 3);
    expect(
      changed(
        site,
        edit(site, 's5', (s) => ({ ...s, data: { ...s.data, title: 'Autre titre' } })),
      ),
    ).toEqual(['s4', 's5', 's6']);
    expect(
      changed(
        site,
        edit(site, 's1', (s) => ({ ...s, data: { ...s.data, title: 'Autre titre' } })),
      ),
    ).toEqual(['s1', 's2']);
  });

  it('changes every page on a title edit when the header lists every title', () => {
    const site = sectors(FULL_NAV_LIMIT);
    expect(
      changed(
        site,
        edit(site, 's5', (s) => ({ ...s, data: { ...s.data, title: 'Autre titre' } })),
      ),
    ).toEqual(site.map((s) => s.id));
  });

  it('changes every page when the number of sectors changes (the header shows it)', () => {
    const site = sectors(FULL_NAV_LIMIT + 3);
    expect(changed(site, site.slice(0, -1))).toEqual(site.slice(0, -1).map((s) => s.id));
  });

  it('changes the neighbours of a sector that moves, even when the count does not', () => {
    const site = sectors(FULL_NAV_LIMIT + 3);
    const moved = [...site.slice(0, 4), ...site.slice(5, 9), site[4], ...site.slice(9)];
    expect(changed(site, moved).sort()).toEqual(['s10', 's4', 's5', 's6', 's9']);
  });

  it('ignores what the page does not show of its neighbours', () => {
    const base = { sector: sectors(1)[0], nav: { kind: 'index' as const, total: 20 } };
    const plain = sectorPageKey({ ...base, next: { id: 's2', title: 'Secteur 2' } });
    const extra = sectorPageKey({ ...base, next: { id: 's2', title: 'Secteur 2', order: 2 } as SectorLink });
    expect(extra).toBe(plain);
  });

  it('changes with the day the page shows and its edit link, which its file’s digest does not cover (git, EDIT_URL)', () => {
    const base = { sector: sectors(1)[0], nav: { kind: 'index' as const, total: 20 } };
    const keys = [
      sectorPageKey(base),
      sectorPageKey({ ...base, source: { lastChange: '2026-03-15' } }),
      sectorPageKey({ ...base, source: { lastChange: '2026-03-16' } }),
      sectorPageKey({ ...base, source: { lastChange: '2026-03-16', editUrl: 'https://github.com/c/d/edit/main/content/secteurs/s1.md' } }),
      sectorPageKey({ ...base, source: { lastChange: '2026-03-16', editUrl: 'https://github.com/c/d/edit/dev/content/secteurs/s1.md' } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(sectorPageKey({ ...base, source: {} })).toBe(keys[0]);
  });

  it('gives no key without a digest of the file: such a page is always rendered', () => {
    const { digest: _digest, ...sector } = sectors(1)[0];
    expect(sectorPageKey({ sector, nav: { kind: 'index', total: 20 } })).toBeUndefined();
  });
});

describe('middlewareDigest', () => {
  it('covers the middleware and the modules it imports: editing the page-CSS code changes every sector page’s key', () => {
    const project = (pruneCode: string) => {
      const root = mkdtempSync(path.join(tmpdir(), 'pe-middleware-'));
      onTestFinished(() => rmSync(root, { recursive: true, force: true }));
      mkdirSync(path.join(root, 'src/styles'), { recursive: true });
      writeFileSync(path.join(root, 'src/middleware.ts'), "import { withPageCss } from './styles/page-css.ts';\nexport const onRequest = withPageCss;\n");
      writeFileSync(path.join(root, 'src/styles/page-css.ts'), "import { inlineTheme } from './prune-css.ts';\nexport const withPageCss = inlineTheme;\n");
      writeFileSync(path.join(root, 'src/styles/prune-css.ts'), pruneCode);
      return root;
    };
    const before = middlewareDigest(project('export const inlineTheme = (css) => css;\n'));
    const after = middlewareDigest(project('export const inlineTheme = (css) => css.trim();\n'));
    expect(after).not.toBe(before);
    expect(middlewareDigest()).toBe(middlewareDigest(path.resolve(import.meta.dirname, '../..')));
    const page = { sector: { id: 's', digest: 'd', data: {} }, nav: { kind: 'index', total: 13 } } as const;
    const key = (middleware: string) => sectorPageKey(page, { ...outsideThePage(), middleware });
    expect(key(after)).not.toBe(key(before));
    // What [slug].astro gives: the project's own middleware digest and security policy are in every key.
    expect(outsideThePage()).toEqual({ contentSecurityPolicy: metaContentSecurityPolicy(), middleware: middlewareDigest() });
    expect(sectorPageKey(page)).toBe(sectorPageKey(page, outsideThePage()));
    expect(sectorPageKey(page)).not.toBe(sectorPageKey(page, { ...outsideThePage(), middleware: before }));
  });
});
