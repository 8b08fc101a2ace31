import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { staticPagePaths, type ReservedPage } from './aliases';
import { keyLine, listItemLines, parseFile, type ParsedFile } from './frontmatter';
import { sectorPath } from './paths';
import { headingIds, slugFromFileName } from './slug';
import { isDevServer } from './drafts';

/** One content file and the page it becomes: what cross-file checks (URLs, orders, links, anchors) need. */
export interface PageEntry {
  /** Absolute path of the file. */
  file: string;
  kind: 'home' | 'sector';
  /** URL path without the base: "/" or "/secteurs/finance/". */
  url: string;
  draft: boolean;
  order: unknown;
  /** Every id a link may target on this page with "#…". */
  anchors: Set<string>;
  /** Line of the first non-blank line of the body (Astro renders from there); lines of `slug:` and `order:` in the file. */
  bodyStartLine?: number;
  slugLine?: number;
  orderLine?: number;
  /** The frontmatter's `aliases` (strings only: the schema reports the rest), each with its line, or the key's line. */
  aliases?: { path: string; line?: number }[];
}

/** A content file read and parsed: the small entry the index keeps, and what the per-file checks need once. */
export interface ContentFile {
  entry: PageEntry;
  source: string;
  parsed: ParsedFile;
  tree: Root;
}

export interface SiteIndex {
  dir: string;
  entries: PageEntry[];
  byUrl: Map<string, PageEntry[]>;
  byFile: Map<string, PageEntry>;
  /** Pages made by src/pages rather than content/ (e.g. "/references/"): a link may target them; their anchors are not checked. */
  staticUrls?: Set<string>;
}

/** Ids the layouts put on every page (skip link target) and on the home page. */
const LAYOUT_IDS = { home: ['contenu', 'recherche-q', 'secteurs-titre'], sector: ['contenu', 'recherche-q'] };

/**
 * URLs of the routes written in src/pages without a parameter: "references/index.astro" → "/references/".
 * Dynamic routes ([slug]) come from content/ and are indexed from it; 404 is not a link target.
 */
export function staticRoutes(pagesDir = path.resolve('src/pages')): Set<string> {
  if (!existsSync(pagesDir)) return new Set();
  const urls = readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(astro|md|mdx)$/.test(f) && !f.includes('[') && !/(^|\/)_/.test(f) && !/^404\./.test(f))
    .map((f) => `/${f.replace(/\.(astro|md|mdx)$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/+/g, '/'));
  return new Set(urls);
}

/** The pages of src/pages an alias may not take (lib/aliases decides which files are pages). */
export function reservedPages(pagesDir = path.resolve('src/pages')): ReservedPage[] {
  return existsSync(pagesDir) ? staticPagePaths(readdirSync(pagesDir, { recursive: true, encoding: 'utf8' })) : [];
}

/** A sector's aliases as written, each with the line of its item when the list is one item per line. */
function aliasesOf(source: string, value: unknown): PageEntry['aliases'] {
  if (!Array.isArray(value)) return undefined;
  const items = listItemLines(source, 'aliases');
  const keyAt = keyLine(source, 'aliases');
  return value.flatMap((alias, i) => (typeof alias === 'string' ? [{ path: alias, line: items.length === value.length ? items[i] : keyAt }] : []));
}

/** Markdown to mdast as the site's pipeline parses it (GFM; MDX syntax for .mdx). */
export function parseMarkdown(body: string, file: string): Root {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (file.endsWith('.mdx')) processor.use(remarkMdx);
  return processor.parse(body) as Root;
}

/** The ids a page gets from its markdown: headings (same rule as the renderer) and footnotes. */
export function markdownAnchors(tree: Root): string[] {
  const headings: string[] = [];
  const footnotes: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'heading') headings.push(toString(node));
    if (node.type === 'footnoteDefinition') footnotes.push('footnote-label', `user-content-fn-${encodeURIComponent(node.identifier.toLowerCase())}`);
    if (node.type === 'footnoteReference') footnotes.push(`user-content-fnref-${encodeURIComponent(node.identifier.toLowerCase())}`);
  });
  // Footnote ids are on the page before heading ids are given (see heading-anchors.ts): a heading never takes them.
  return [...headingIds(headings, footnotes), ...footnotes];
}

/** The content files: accueil.md(x) and secteurs/**.md(x), sorted for stable reports. */
export function contentFiles(dir: string): string[] {
  const home = ['accueil.md', 'accueil.mdx'].map((f) => path.join(dir, f)).filter((f) => existsSync(f));
  const sectorsDir = path.join(dir, 'secteurs');
  const sectors = existsSync(sectorsDir)
    ? readdirSync(sectorsDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.mdx?$/.test(f))
        .map((f) => path.join(sectorsDir, f))
        .sort()
    : [];
  return [...home, ...sectors];
}

export function readContentFile(file: string, dir: string, source?: string): ContentFile {
  const head = readFrontmatter(file, dir, source);
  const tree = parseMarkdown(head.parsed.body, file);
  for (const anchor of markdownAnchors(tree)) head.entry.anchors.add(anchor);
  return { ...head, tree };
}

/** A content file's entry from its path and frontmatter alone: its anchors are only the layout's until the markdown is parsed. */
export function readFrontmatter(file: string, dir: string, source = readFileSync(file, 'utf8')): Omit<ContentFile, 'tree'> {
  const parsed = parseFile(source);
  const data = parsed.data ?? {};
  const kind = path.dirname(file) === dir ? 'home' : 'sector';
  const slug = typeof data.slug === 'string' && data.slug ? data.slug : slugFromFileName(file);
  const url = kind === 'home' ? '/' : `/${sectorPath(slug)}`;
  const anchors = new Set(LAYOUT_IDS[kind]);
  const entry: PageEntry = {
    file,
    kind,
    url,
    draft: data.draft === true,
    order: data.order,
    anchors,
    bodyStartLine: parsed.bodyStartLine,
    slugLine: keyLine(source, 'slug'),
    orderLine: keyLine(source, 'order'),
    aliases: kind === 'sector' ? aliasesOf(source, data.aliases) : undefined,
  };
  return { entry, source, parsed };
}

/** The index of a list of entries. Only the small entries are kept: no text, no syntax tree (memory at 5000 pages). */
export function indexOf(dir: string, entries: PageEntry[]): SiteIndex {
  const byUrl = new Map<string, PageEntry[]>();
  for (const entry of entries) {
    const same = byUrl.get(entry.url);
    if (same) same.push(entry);
    else byUrl.set(entry.url, [entry]);
  }
  return { dir, entries, byUrl, byFile: new Map(entries.map((e) => [e.file, e])), staticUrls: staticRoutes() };
}

let cache: { key: string; index: SiteIndex } | undefined;

/**
 * Reads and parses every content file once. Cached while no file is added, removed
 * or modified, so the markdown pipeline can ask for it for each page at no cost
 * (and `npm run dev` sees edits). Outside the dev server the content cannot change
 * during the run, so the cache is not revalidated: listing and stat-ing every file
 * for every page made a build quadratic (1000 sectors: a million stat calls).
 */
export function siteIndex(dir: string): SiteIndex {
  if (cache?.index.dir === dir && !isDevServer()) return cache.index;
  const files = contentFiles(dir);
  const key = [
    dir,
    ...files.map((f) => {
      const { mtimeMs, size } = statSync(f);
      return `${f}:${mtimeMs}:${size}`;
    }),
  ].join('\n');
  if (cache?.key === key) return cache.index;
  const index = indexOf(
    dir,
    files.map((file) => readContentFile(file, dir).entry),
  );
  cache = { key, index };
  return index;
}
