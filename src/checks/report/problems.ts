import path from 'node:path';

/** A content mistake, as an editor must read it: the file, the line if known, what is wrong and how to fix it (French). */
export interface Problem {
  file: string;
  line?: number;
  message: string;
}

/** A file as editors see it: relative to the project when inside it, absolute otherwise. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** Every problem, grouped per file (files sorted, lines in order), file paths relative to `cwd`. */
export function formatReport(problems: readonly Problem[], cwd = process.cwd()): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const files = [...byFile.keys()].sort();
  const lines = [`${plural(problems.length, 'problème')} dans ${plural(files.length, 'fichier')} :`];
  for (const file of files) {
    lines.push('', displayPath(file, cwd));
    const sorted = byFile.get(file)!.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    for (const p of sorted) lines.push(`  ${p.line ? `ligne ${p.line}` : 'fichier'} : ${p.message}`);
  }
  return lines.join('\n');
}
