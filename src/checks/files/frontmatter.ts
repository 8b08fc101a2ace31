import yaml from 'js-yaml';

/**
 * Frontmatter read the way Astro reads it (same delimiters, js-yaml), but with French
 * errors that carry a line number, and a body that keeps the file's line numbers.
 */
export interface ParsedFile {
  /** The YAML data, or undefined when there is no frontmatter or it is not valid YAML. */
  data?: Record<string, unknown>;
  /** The markdown after the frontmatter, frontmatter lines left empty so that line numbers match the file. */
  body: string;
  /** Line (1-based) of the first non-blank line of the body: Astro renders the trimmed body, whose line 1 is this one. */
  bodyStartLine: number;
  error?: { line?: number; message: string };
}

// Same pattern as Astro's parseFrontmatter (@astrojs/internal-helpers).
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)---([\s\S]*?\n)---/;

export function parseFile(source: string): ParsedFile {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return {
      body: source,
      bodyStartLine: firstContentLine(source, 0),
      error: {
        line: 1,
        message: 'le fichier doit commencer par un en-tête entre deux lignes « --- » (title, description, order) : voir l’exemple dans CONTRIBUTING.md',
      },
    };
  }
  const rawFrontmatter = match[1];
  const end = match.index + match[0].length;
  const body = source.slice(0, end).replace(/[^\r\n]/g, '') + source.slice(end);
  const result: ParsedFile = { body, bodyStartLine: firstContentLine(source, end) };
  const frontmatterLine = source.slice(0, match.index).split('\n').length + (match[0].startsWith('\n') ? 1 : 0);
  try {
    const data = yaml.load(rawFrontmatter);
    if (data === null || data === undefined) result.data = {};
    else if (typeof data === 'object' && !Array.isArray(data)) result.data = data as Record<string, unknown>;
    else result.error = { line: frontmatterLine + 1, message: 'l’en-tête doit être une liste de champs « nom: valeur », un par ligne' };
  } catch (error) {
    const e = error as { mark?: { line: number }; reason?: string };
    result.error = {
      line: e.mark ? frontmatterLine + e.mark.line : frontmatterLine,
      message: `l’en-tête n’est pas du YAML valide (${e.reason ?? 'erreur de syntaxe'}). Mettez chaque valeur entre guillemets droits, par exemple title: "La logistique : les entrepôts" (les « : » et « # » non protégés cassent le YAML)`,
    };
  }
  return result;
}

/** Line (1-based) where Astro's render of a `.md` file starts: the first non-blank line after the frontmatter. */
export function bodyStartLine(source: string): number {
  const match = FRONTMATTER.exec(source);
  return firstContentLine(source, match ? match.index + match[0].length : 0);
}

/** 1-based line of the first non-whitespace character at or after `from`. */
function firstContentLine(source: string, from: number): number {
  const rest = source.slice(from);
  const offset = from + (rest.length - rest.trimStart().length);
  return source.slice(0, offset).split('\n').length;
}

/** Line (1-based, in the file) where a top-level key of the frontmatter is written, if it is. */
export function keyLine(source: string, key: string): number | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line.trim() === '---');
  for (let i = start + 1; i > 0 && i < lines.length && lines[i].trim() !== '---'; i++) {
    if (new RegExp(`^${key}\\s*:`).test(lines[i])) return i + 1;
  }
  return undefined;
}

/**
 * Lines (1-based) of the items of a top-level list written one per line ("  - /a/"), in order;
 * empty when the list is written on the key's line (["/a/", "/b/"]) or the key is absent.
 */
export function listItemLines(source: string, key: string): number[] {
  const start = keyLine(source, key);
  if (start === undefined) return [];
  const lines = source.split('\n');
  const items: number[] = [];
  // Up to the next key or the end of the frontmatter; YAML allows items at the key's indent ("- /a/").
  for (let i = start; i < lines.length && !/^[^\s#-]/.test(lines[i]) && lines[i].trim() !== '---'; i++) {
    if (/^\s*-(\s|$)/.test(lines[i])) items.push(i + 1);
  }
  return items;
}
