import path from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { keyLine } from './frontmatter';
import { displayPath, type Problem } from './problems';
import { contentChecks, fileProblems, type CheckOptions } from './remark-checks';
import { homeSchema, sectorSchema } from './schema';
import { siteIndex, type PageEntry, type SiteIndex } from './site-index';

/**
 * Every problem of a content folder, all files at once: frontmatter (YAML, schema),
 * the markdown checks of the site's pipeline, and what involves several files
 * (two files for one URL, one `order` used twice). Same view as the production
 * build: drafts are not pages a published page may link to.
 */
export function checkContent(dir: string, options: { includeDrafts?: boolean } = {}): Problem[] {
  const index = siteIndex(path.resolve(dir));
  const checkOptions: CheckOptions = { index: () => index, includeDrafts: options.includeDrafts ?? false };
  const problems: Problem[] = [];
  if (!index.entries.some((e) => e.kind === 'home'))
    problems.push({ file: path.join(index.dir, 'accueil.md'), message: 'la page d’accueil manque : créez ce fichier (title, description, conclusion dans l’en-tête, puis le texte d’introduction)' });
  if (!index.entries.some((e) => e.kind === 'sector'))
    problems.push({ file: path.join(index.dir, 'secteurs'), message: 'aucun secteur : ajoutez un fichier avec « npm run new-sector -- "Nom du secteur" »' });
  for (const entry of index.entries) problems.push(...frontmatterProblems(entry), ...markdownProblems(entry, checkOptions));
  problems.push(...crossFileProblems(index));
  return problems;
}

function frontmatterProblems(entry: PageEntry): Problem[] {
  const { parsed, source, file } = entry;
  if (parsed.error) return [{ file, line: parsed.error.line, message: parsed.error.message }];
  const result = (entry.kind === 'home' ? homeSchema : sectorSchema).safeParse(parsed.data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    return { file, line: (key && keyLine(source, key)) || 1, message: issue.message };
  });
}

function markdownProblems(entry: PageEntry, options: CheckOptions): Problem[] {
  const processor = unified();
  for (const [plugin, settings] of contentChecks(options)) processor.use(plugin, settings);
  const file = new VFile({ path: entry.file, value: entry.parsed.body });
  processor.runSync(structuredClone(entry.tree), file);
  return fileProblems(file, options);
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
        line: keyLine(entry.source, 'slug'),
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
        line: keyLine(entry.source, 'order'),
        message: `order: ${order} est aussi celui de ${others} : chaque secteur a son propre numéro ; le prochain numéro libre est ${free}`,
      });
    }
  }
  return problems;
}
