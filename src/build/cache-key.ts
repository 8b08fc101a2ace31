/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page returned by
 * getStaticPaths() with a `cacheKey` is reused from the previous build (left in place, or copied
 * from the cache), not rendered, when its key, its route's code (Astro hashes the module graph),
 * the config, the lockfile and the content modules it rendered (MDX) are all unchanged. The key must therefore cover every piece of data the
 * page shows that Astro does not track: a forgotten one leaves a stale page on the site.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { metaContentSecurityPolicy } from '../utils/publishing/security-policy.ts';
import { sourceDigest } from './source-digest.ts';
import type { SectorNav } from '../utils/navigation/nav.ts';
import type { PageSource } from '../utils/files/page-source.ts';
import type { SectorLink } from '../utils/navigation/sectors.ts';

/**
 * JSON with every object's keys sorted: equal values give equal text, whatever the order their keys
 * were written in. Dates become their ISO text (toJSON), and absent fields (`undefined`) are left out.
 * Values JSON would silently lose or mangle (functions, symbols, Map, Set) are refused: a key that
 * ignored them would not change when they do.
 */
export function stableJson(value: unknown): string {
  const text = JSON.stringify(value, (key, v: unknown) => {
    if (typeof v === 'function' || typeof v === 'symbol') throw new TypeError(`cacheKey : valeur non sérialisable (${typeof v}) pour « ${key} »`);
    if (v instanceof Map || v instanceof Set) throw new TypeError(`cacheKey : Map ou Set non sérialisable pour « ${key} »`);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((k) => [k, record[k]]),
    );
  });
  if (text === undefined) throw new TypeError('cacheKey : la valeur n’a pas de forme JSON');
  return text;
}

/** A short digest of a JSON value (SHA-256 of its stable JSON, base64url). */
export function hashJson(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

const middlewareByRoot = new Map<string, string>();

/**
 * The digest of the code that reworks every built page after Astro renders it: the middleware
 * (src/middleware.ts, each page's CSS cut to what it uses) and the modules it imports. Astro's code hash
 * follows each page's own module graph, which the middleware is not part of: without this digest in the
 * key, an edited middleware would leave the cached pages as the old code made them. Read once per build,
 * from the project's root (every command runs there: src/settings.ts).
 */
export function middlewareDigest(root = process.cwd()): string {
  let digest = middlewareByRoot.get(root);
  if (digest === undefined) middlewareByRoot.set(root, (digest = sourceDigest(root, [path.join(root, 'src/middleware.ts')])));
  return digest;
}

/**
 * What every built page depends on beyond its code and its content: the security policy the layout
 * reads from public/_headers, and the middleware that reworks the page (middlewareDigest()).
 */
export function outsideThePage() {
  return { contentSecurityPolicy: metaContentSecurityPolicy(), middleware: middlewareDigest() };
}

export interface SectorPageData {
  /** The content entry: `digest` is Astro's hash of the whole file (frontmatter and body). */
  sector: { id: string; digest?: string | number; data: object };
  /** The header's navigation, the very object the header is given (src/data/sectors.ts): every title, or only the count. */
  nav: SectorNav<SectorLink>;
  previous?: SectorLink;
  next?: SectorLink;
  /** The day shown (from git when the frontmatter gives none) and the edit link (EDIT_URL): neither is in the file's digest. */
  source?: PageSource;
}

/**
 * The cacheKey of a sector page: the data it shows. The rendered HTML of a markdown entry comes
 * from its file (the digest) and the markdown pipeline (in Astro's config digest: see
 * astro.config.ts); everything else on the page is the entry's data, the header's navigation,
 * the previous/next links, the page's source (last change, edit link) and what lies outside the page
(outsideThePage()). Above FULL_NAV_LIMIT the header shows only the count of sectors, so a
 * title edited elsewhere changes the key of its two neighbours only.
 * No digest (a loader that gives none): no key, the page is always rendered.
 */
export function sectorPageKey({ sector, nav, previous, next, source = {} }: SectorPageData, outside: object = outsideThePage()): string | undefined {
  if (sector.digest === undefined || sector.digest === '') return undefined;
  const shownNav = nav.kind === 'all' ? { kind: nav.kind, sectors: nav.sectors.map(({ id, title }) => ({ id, title })) } : nav;
  const link = (s?: SectorLink) => (s ? { id: s.id, title: s.title } : null);
  return hashJson({
    id: sector.id,
    digest: sector.digest,
    data: sector.data,
    nav: shownNav,
    previous: link(previous),
    next: link(next),
    source,
    outside,
  });
}
