import { sectorSlugOf } from '../../utils/navigation/paths.ts';
import { nextOrder } from '../../utils/files/new-sector.ts';
import { checkAliases } from './aliases.ts';
import { displayPath, type Problem } from '../report/problems.ts';
import { sitePages, type PageEntry, type SiteIndex } from '../files/site-index.ts';

/**
 * What no single file shows: two files for one address, one `order` used twice, an alias that is
 * another page's address. Drafts count: publishing one must not break the build.
 */
export function crossFileProblems(index: SiteIndex): Problem[] {
  const sectors = index.entries.filter((e) => e.kind === 'sector');
  const byOrder = new Map<number, PageEntry[]>();
  for (const entry of sectors) {
    if (!Number.isInteger(entry.order)) continue;
    const order = entry.order as number;
    byOrder.set(order, [...(byOrder.get(order) ?? []), entry]);
  }
  const free = nextOrder(sectors.map((e) => e.order));
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
    ...aliasProblems(sectors),
  ];
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

/** The build's alias rules (src/checks/site/aliases.ts), each mistake at the line of its alias. */
function aliasProblems(sectors: PageEntry[]): Problem[] {
  const { problems } = checkAliases(
    sectors.map((e) => ({ id: sectorSlugOf(e.url)!, file: displayPath(e.file), aliases: e.aliases?.map((a) => a.path) })),
    sitePages(),
  );
  return problems.map((p) => ({ file: sectors[p.sector].file, line: sectors[p.sector].aliases?.[p.alias].line, message: p.message }));
}
