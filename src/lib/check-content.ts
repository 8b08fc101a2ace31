import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { keyLine } from './frontmatter';
import { displayPath, type Problem } from './problems';
import { contentChecks, fileProblems, internalLinkProblem } from './remark-checks';
import { homeSchema, sectorSchema } from './schema';
import { contentFiles, indexOf, readContentFile, type ContentFile, type PageEntry, type SiteIndex } from './site-index';

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
  const dir = path.resolve(contentDir);
  const cacheFile = options.cacheDir && checkerVersion ? path.join(options.cacheDir, 'content-checks.json') : undefined;
  const cached = cacheFile ? readCache(cacheFile) : {};
  const fresh: Record<string, FileSummary> = {};
  const summaries = contentFiles(dir).map((file) => {
    const source = readFileSync(file, 'utf8');
    const key = createHash('sha256').update(`${checkerVersion}\0${dir}\0${file}\0${source}`).digest('base64url');
    return (fresh[key] = cached[key] ?? summarize(readContentFile(file, dir, source)));
  });
  if (cacheFile) writeCache(cacheFile, fresh);
  const index = indexOf(
    dir,
    summaries.map((s) => ({ ...s.entry, anchors: new Set(s.entry.anchors) })),
  );
  const problems: Problem[] = [];
  if (!index.entries.some((e) => e.kind === 'home'))
    problems.push({ file: path.join(index.dir, 'accueil.md'), message: 'la page d’accueil manque : créez ce fichier (title, description, conclusion dans l’en-tête, puis le texte d’introduction)' });
  if (!index.entries.some((e) => e.kind === 'sector'))
    problems.push({ file: path.join(index.dir, 'secteurs'), message: 'aucun secteur : ajoutez un fichier avec « npm run new-sector -- "Nom du secteur" »' });
  summaries.forEach((summary, i) => {
    const entry = index.entries[i];
    problems.push(...summary.problems);
    const includeDrafts = (options.includeDrafts ?? false) || entry.draft;
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
  const links: FileSummary['links'] = [];
  const problems = [...frontmatterProblems(content), ...markdownProblems(content, links)];
  return { entry: { ...content.entry, anchors: [...content.entry.anchors] }, problems, links };
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

function frontmatterProblems({ entry, parsed, source }: ContentFile): Problem[] {
  const { file } = entry;
  if (parsed.error) return [{ file, line: parsed.error.line, message: parsed.error.message }];
  const result = (entry.kind === 'home' ? homeSchema : sectorSchema).safeParse(parsed.data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    return { file, line: (key && keyLine(source, key)) || 1, message: issue.message };
  });
}

function markdownProblems({ entry, parsed, tree }: ContentFile, links: FileSummary['links']): Problem[] {
  const processor = unified();
  const deferLink = (url: string, node: { position?: { start: { line: number } } }) => links.push({ url, line: node.position?.start.line });
  for (const [plugin, settings] of contentChecks({ deferLink })) processor.use(plugin, settings);
  // The body keeps the file's line numbers (frontmatter lines left empty): no offset.
  const file = new VFile({ path: entry.file, value: parsed.body });
  processor.runSync(tree, file);
  return fileProblems(file, {}, 0);
}

function crossFileProblems(index: SiteIndex): Problem[] {
  const problems: Problem[] = [];
  const name = (e: PageEntry) => displayPath(e.file);
  for (const [url, entries] of index.byUrl) {
    if (entries.length < 2) continue;
    for (const entry of entries) {
      const others = entries.filter((e) => e !== entry).map(name).join(', ');
      problems.push({
        file: entry.file,
        line: entry.slugLine,
        message: `ce fichier et ${others} donneraient la même adresse ${url} : renommez l’un des deux fichiers (ou changez son champ slug)`,
      });
    }
  }
  const byOrder = new Map<number, PageEntry[]>();
  for (const entry of index.entries) {
    if (entry.kind !== 'sector' || !Number.isInteger(entry.order)) continue;
    byOrder.set(entry.order as number, [...(byOrder.get(entry.order as number) ?? []), entry]);
  }
  const used = [...byOrder.keys()];
  const free = used.length ? Math.max(...used) + 1 : 1;
  for (const [order, entries] of byOrder) {
    if (entries.length < 2) continue;
    for (const entry of entries) {
      const others = entries.filter((e) => e !== entry).map(name).join(', ');
      problems.push({
        file: entry.file,
        line: entry.orderLine,
        message: `order: ${order} est aussi celui de ${others} : chaque secteur a son propre numéro ; le prochain numéro libre est ${free}`,
      });
    }
  }
  return problems;
}
