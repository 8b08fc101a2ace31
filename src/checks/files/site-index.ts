import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkSatteriParse } from '../../markdown/parse/remark-satteri-parse.ts';
import { pagesDir } from '../../settings.ts';
import { sectorPath } from '../../utils/navigation/paths.ts';
import { PAGE_IDS } from '../../utils/site.ts';
import { headingIds, slugFromFileName } from '../../utils/text/slug.ts';
import type { ReservedPage } from '../site/aliases.ts';
import { contentFiles } from './content-files.ts';
import { keyLine, listItemLines, parseFile, type ParsedFile } from './frontmatter.ts';
import { treeNodes } from '../../markdown/shared/tree-nodes.ts';

/**
 * The site as the checks see it without rendering it: every content file and the page it becomes
 * (address, ids, order, aliases), and the pages src/pages makes. Only small entries are kept (no text,
 * no syntax tree): memory at 5000 pages.
 */

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
  /** Lines of `slug:` and `order:` in the file. */
  slugLine?: number;
  orderLine?: number;
  /** The frontmatter's `aliases` (strings only: the schema reports the rest), each with its line, or the key's line. */
  aliases?: { path: string; line?: number }[];
}

/** A content file's frontmatter read: the small entry the index keeps, the source and its parse, for the checks. */
export interface ContentHead {
  entry: PageEntry;
  source: string;
  parsed: ParsedFile;
}

export interface SiteIndex {
  dir: string;
  entries: PageEntry[];
  byUrl: Map<string, PageEntry[]>;
  byFile: Map<string, PageEntry>;
  /** Pages made by src/pages rather than content/ (e.g. "/references/"): a link may target them (not the 404 page); their anchors are not checked. */
  staticUrls: Set<string>;
}

/**
 * The pages src/pages makes without a parameter, by site path: "index.astro" → "/", "404.astro" → "/404/",
 * "recherche/index.astro" → "/recherche/". Dynamic routes ([slug]) come from content/; files and folders
 * starting with "_" are not pages, as Astro has it.
 */
export function sitePages(dir = pagesDir()): ReservedPage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(astro|md|mdx|html)$/.test(f) && !f.includes('[') && !/(^|\/)_/.test(f))
    .sort()
    .map((f) => {
      const route = f.replace(/\.(astro|md|mdx|html)$/, '').replace(/(^|\/)index$/, '');
      return { path: route ? `/${route}/` : '/', file: `src/pages/${f}` };
    });
}

/** A sector's aliases as written, each with the line of its item when the list is one item per line. */
function aliasesOf(source: string, value: unknown): PageEntry['aliases'] {
  if (!Array.isArray(value)) return undefined;
  const items = listItemLines(source, 'aliases');
  const keyAt = keyLine(source, 'aliases');
  return value.flatMap((alias, i) => (typeof alias === 'string' ? [{ path: alias, line: items.length === value.length ? items[i] : keyAt }] : []));
}

// Set up once: a parser per file re-ran every plugin's setup. Markdown read as the pipeline reads it (satteri).
const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkSatteriParse).freeze();
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

/** Markdown to mdast as the site's pipeline parses it (GFM; MDX syntax for .mdx). */
export function parseMarkdown(body: string, file: string): Root {
  return (file.endsWith('.mdx') ? mdxParser : markdownParser).parse(body) as Root;
}

/** The ids a page gets from its markdown: headings (same rule as the renderer) and footnotes. */
export function markdownAnchors(tree: Root): string[] {
  const nodes = treeNodes(tree);
  const headings = nodes.of('heading').map((node) => toString(node));
  const footnotes = [
    ...nodes.of('footnoteDefinition').flatMap((node) => ['footnote-label', `user-content-fn-${encodeURIComponent(node.identifier.toLowerCase())}`]),
    ...nodes.of('footnoteReference').map((node) => `user-content-fnref-${encodeURIComponent(node.identifier.toLowerCase())}`),
  ];
  // Footnote ids are on the page before heading ids are given (see heading-anchors.ts): a heading never takes them.
  return [...headingIds(headings, footnotes), ...footnotes];
}

/** A content file's entry from its path and frontmatter alone: its anchors are only the layout's until the markdown is parsed. */
export function readFrontmatter(file: string, dir: string, source = readFileSync(file, 'utf8')): ContentHead {
  const parsed = parseFile(source);
  const data = parsed.data ?? {};
  const kind = path.dirname(file) === dir ? 'home' : 'sector';
  const slug = typeof data.slug === 'string' && data.slug ? data.slug : slugFromFileName(file);
  const url = kind === 'home' ? '/' : sectorPath(slug);
  const anchors = new Set<string>(PAGE_IDS[kind]);
  const entry: PageEntry = {
    file,
    kind,
    url,
    draft: data.draft === true,
    order: data.order,
    anchors,
    slugLine: keyLine(source, 'slug'),
    orderLine: keyLine(source, 'order'),
    aliases: kind === 'sector' ? aliasesOf(source, data.aliases) : undefined,
  };
  return { entry, source, parsed };
}

/** The index of a list of entries. */
export function indexOf(dir: string, entries: PageEntry[]): SiteIndex {
  const byUrl = new Map<string, PageEntry[]>();
  for (const entry of entries) {
    const same = byUrl.get(entry.url);
    if (same) same.push(entry);
    else byUrl.set(entry.url, [entry]);
  }
  return {
    dir,
    entries,
    byUrl,
    byFile: new Map(entries.map((e) => [e.file, e])),
    staticUrls: new Set(
      sitePages()
        .map((p) => p.path)
        .filter((p) => p !== '/404/'),
    ),
  };
}

/** Each file as last read: its stat, and its entry with the anchors computed when first asked for. */
const read = new Map<string, { stamp: string; entry: PageEntry }>();

/**
 * Every content file's entry, for `npm run dev` (each page's box of problems resolves its links here)
 * and `npm run new-sector`. A file is read again only once it has changed, and its markdown is parsed
 * only when a link asks for its anchors: a page's box costs the same with 10 or 1000 sectors.
 */
export function siteIndex(dir: string): SiteIndex {
  const entries = contentFiles(dir).map((file) => {
    const { mtimeMs, size } = statSync(file);
    const stamp = `${dir}:${mtimeMs}:${size}`;
    const known = read.get(file);
    if (known?.stamp === stamp) return known.entry;
    const { entry, parsed } = readFrontmatter(file, dir);
    const layoutIds = entry.anchors;
    let anchors: Set<string> | undefined;
    Object.defineProperty(entry, 'anchors', {
      enumerable: true,
      get: () => (anchors ??= new Set([...layoutIds, ...markdownAnchors(parseMarkdownOrNothing(parsed.body, file))])),
    });
    read.set(file, { stamp, entry });
    return entry;
  });
  return indexOf(dir, entries);
}

/** An MDX file that does not parse has no anchors yet: its own page says why. */
function parseMarkdownOrNothing(body: string, file: string): Root {
  try {
    return parseMarkdown(body, file);
  } catch {
    return { type: 'root', children: [] };
  }
}
