import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { checkAliases } from './aliases';
import { keyLine } from './frontmatter';
import { displayPath, type Problem } from './problems';
import { awaitRender, markChecked, takeRendered, type RenderedChecks } from './checked-files';
import { checkOneFile, internalLinkProblem } from './remark-checks';
import { homeSchema, sectorSchema } from './schema';
import { contentFiles, indexOf, readContentFile, readFrontmatter, reservedPages, type ContentFile, type PageEntry, type SiteIndex } from './site-index';

/** What the checks keep of one file: its index entry, its own problems, and its links to other pages (they depend on other files). */
interface FileSummary {
  entry: Omit<PageEntry, 'anchors'> & { anchors: string[] };
  problems: Problem[];
  links: { url: string; line?: number }[];
}

export interface CheckContentOptions {
  includeDrafts?: boolean;
  /**
   * Folder where each file's summary is kept between runs, keyed by a digest of the file and of the
   * checker's code: a rebuild re-reads only the edited files. No cache when unset (`npm run check`).
   */
  cacheDir?: string;
}

/**
 * Every problem of a content folder, all files at once: frontmatter (YAML, schema),
 * the markdown checks of the site's pipeline, and what involves several files
 * (two files for one URL, one `order` used twice). Same view as the production
 * build: drafts are not pages a published page may link to.
 */
export function checkContent(contentDir: string, options: CheckContentOptions = {}): Problem[] {
  const run = startCheck(contentDir, options);
  for (const file of run.pending) run.summarize(file);
  return run.finish();
}

/**
 * The build's way: the same problems as `checkContent`, but the markdown of the files Astro renders during
 * `render` (`rendersFile`) is checked on the tree Astro parses anyway (remarkSiteChecks hands the result
 * over), instead of being parsed a second time. A frontmatter problem stops everything before the render,
 * with the markdown problems of every file. Files Astro did not render (its cache had them) are parsed here.
 */
export async function checkContentAround(
  contentDir: string,
  options: CheckContentOptions & { rendersFile: (file: string) => boolean },
  render: () => Promise<void>,
): Promise<Problem[]> {
  const run = startCheck(contentDir, options);
  const heads = new Map(run.pending.map((file) => [file, readFrontmatter(file, run.dir, run.sources.get(file))]));
  // Any problem found without the markdown (frontmatter, two files for one address or one order): no render, the full report now.
  const entries = run.files.map((file) => heads.get(file)?.entry ?? run.cachedEntry(file)!);
  if ([...heads.values()].some((head) => frontmatterProblems(head).length) || crossFileProblems(indexOf(run.dir, entries)).length)
    return checkContent(contentDir, options);
  const awaited = run.pending.filter((file) => options.rendersFile(file));
  for (const file of awaited) awaitRender(file, (heads.get(file)!.entry.bodyStartLine ?? 1) - 1);
  // The other files (the home page, MDX, cached ones) are checked here: rendered meanwhile, they need no check of their own.
  markChecked(run.files.filter((file) => !awaited.includes(file)));
  try {
    await render();
  } finally {
    for (const file of awaited) {
      const rendered = takeRendered(file);
      if (rendered) run.summarizeFrom(file, heads.get(file)!, rendered);
    }
  }
  for (const file of run.pending) run.summarize(file);
  return run.finish();
}

/** One check of a folder: cached summaries first, then each pending file summarized, then the problems. */
function startCheck(contentDir: string, options: CheckContentOptions) {
  const dir = path.resolve(contentDir);
  const cacheFile = options.cacheDir && checkerVersion ? path.join(options.cacheDir, 'content-checks.json') : undefined;
  const cached = cacheFile ? readCache(cacheFile) : {};
  const files = contentFiles(dir);
  const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const keys = new Map(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(`${checkerVersion}\0${dir}\0${file}\0${sources.get(file)}`)
        .digest('base64url'),
    ]),
  );
  const summaries = new Map<string, FileSummary>();
  for (const file of files) if (cached[keys.get(file)!]) summaries.set(file, cached[keys.get(file)!]);
  const run = {
    dir,
    files,
    sources,
    cachedEntry(file: string): PageEntry | undefined {
      const entry = summaries.get(file)?.entry;
      return entry && { ...entry, anchors: new Set(entry.anchors) };
    },
    /** Files without a summary yet. */
    get pending() {
      return files.filter((file) => !summaries.has(file));
    },
    summarize(file: string) {
      if (!summaries.has(file)) summaries.set(file, summarize(readContentFile(file, dir, sources.get(file))));
    },
    summarizeFrom(file: string, head: Omit<ContentFile, 'tree'>, rendered: RenderedChecks) {
      summaries.set(file, {
        entry: { ...head.entry, anchors: [...head.entry.anchors, ...rendered.anchors] },
        problems: [...frontmatterProblems(head), ...rendered.problems],
        links: rendered.links,
      });
    },
    finish(): Problem[] {
      const all = files.map((file) => summaries.get(file)!);
      if (cacheFile) writeCache(cacheFile, Object.fromEntries(files.map((file, i) => [keys.get(file)!, all[i]])));
      return siteProblems(dir, all, options.includeDrafts ?? false);
    },
  };
  return run;
}

/** The problems of the whole site, from each file's summary: its own problems, its links to other pages, and what involves several files. */
function siteProblems(dir: string, summaries: FileSummary[], includeDraftsOption: boolean): Problem[] {
  const index = indexOf(
    dir,
    summaries.map((s) => ({ ...s.entry, anchors: new Set(s.entry.anchors) })),
  );
  const problems: Problem[] = [];
  if (!index.entries.some((e) => e.kind === 'home'))
    problems.push({
      file: path.join(index.dir, 'accueil.md'),
      message: 'la page d’accueil manque : créez ce fichier (title, description, conclusion dans l’en-tête, puis le texte d’introduction)',
    });
  if (!index.entries.some((e) => e.kind === 'sector'))
    problems.push({ file: path.join(index.dir, 'secteurs'), message: 'aucun secteur : ajoutez un fichier avec « npm run new-sector -- "Nom du secteur" »' });
  summaries.forEach((summary, i) => {
    const entry = index.entries[i];
    problems.push(...summary.problems);
    const includeDrafts = includeDraftsOption || entry.draft;
    for (const link of summary.links) {
      const message = internalLinkProblem(link.url, entry.url, entry.anchors, index, includeDrafts);
      if (message) problems.push({ file: entry.file, line: link.line, message });
    }
  });
  problems.push(...crossFileProblems(index));
  return problems;
}

/** The checks that need only the file itself. */
function summarize(content: ContentFile): FileSummary {
  // The body keeps the file's line numbers (frontmatter lines left empty): no offset.
  const file = new VFile({ path: content.entry.file, value: content.parsed.body });
  const own = checkOneFile(content.tree, file, 0);
  return { entry: { ...content.entry, anchors: [...content.entry.anchors] }, problems: [...frontmatterProblems(content), ...own.problems], links: own.links };
}

/** A digest of the checks' code (src/lib) and of the installed packages: a cached summary made by other checks is not reused. */
const checkerVersion = (() => {
  try {
    const lib = path.dirname(fileURLToPath(import.meta.url));
    const hash = createHash('sha256');
    for (const name of readdirSync(lib).sort()) hash.update(name).update(readFileSync(path.join(lib, name)));
    hash.update(readFileSync(path.join(lib, '../../package-lock.json')));
    return hash.digest('base64url');
  } catch {
    // Sources not where expected (bundled): no cache rather than a stale one.
    return undefined;
  }
})();

function readCache(file: string): Record<string, FileSummary> {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // No cache yet, or a damaged one: everything is checked again.
    return {};
  }
}

function writeCache(file: string, summaries: Record<string, FileSummary>) {
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside then renamed: a build stopped midway never leaves half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(summaries));
  renameSync(tmp, file);
}

function frontmatterProblems({ entry, parsed, source }: Omit<ContentFile, 'tree'>): Problem[] {
  const { file } = entry;
  if (parsed.error) return [{ file, line: parsed.error.line, message: parsed.error.message }];
  const result = (entry.kind === 'home' ? homeSchema : sectorSchema).safeParse(parsed.data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    return { file, line: (key && keyLine(source, key)) || 1, message: issue.message };
  });
}

/** One problem per file of each group of two or more files that claim the same thing, naming the others. */
function clashProblems(
  groups: Iterable<[string | number, PageEntry[]]>,
  line: (entry: PageEntry) => number | undefined,
  message: (key: string | number, others: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [key, entries] of groups) {
    if (entries.length < 2) continue;
    for (const entry of entries) {
      const others = entries
        .filter((e) => e !== entry)
        .map((e) => displayPath(e.file))
        .join(', ');
      problems.push({ file: entry.file, line: line(entry), message: message(key, others) });
    }
  }
  return problems;
}

function crossFileProblems(index: SiteIndex): Problem[] {
  const byOrder = new Map<number, PageEntry[]>();
  for (const entry of index.entries) {
    if (entry.kind !== 'sector' || !Number.isInteger(entry.order)) continue;
    const order = entry.order as number;
    byOrder.set(order, [...(byOrder.get(order) ?? []), entry]);
  }
  const used = [...byOrder.keys()];
  const free = used.length ? Math.max(...used) + 1 : 1;
  return [
    ...clashProblems(
      index.byUrl,
      (entry) => entry.slugLine,
      (url, others) => `ce fichier et ${others} donneraient la même adresse ${url} : renommez l’un des deux fichiers (ou changez son champ slug)`,
    ),
    ...clashProblems(
      byOrder,
      (entry) => entry.orderLine,
      (order, others) => `order: ${order} est aussi celui de ${others} : chaque secteur a son propre numéro ; le prochain numéro libre est ${free}`,
    ),
    ...aliasProblems(index),
  ];
}

/** The build's alias rules (lib/aliases), every mistake at once. Drafts count, like for addresses and orders: publishing one must not break the build. */
function aliasProblems(index: SiteIndex): Problem[] {
  const sectors = index.entries.filter((e) => e.kind === 'sector');
  const { problems } = checkAliases(
    sectors.map((e) => ({ id: e.url.slice('/secteurs/'.length, -1), file: displayPath(e.file), aliases: e.aliases?.map((a) => a.path) })),
    reservedPages(),
  );
  return problems.map((p) => ({ file: sectors[p.sector].file, line: sectors[p.sector].aliases?.[p.alias].line, message: p.message }));
}
