import yaml from 'js-yaml';
import { frontmatterLine } from '../utils/text/frontmatter-text.ts';

/**
 * How the CMS reads and writes a content file, registered in the browser as a Decap format
 * (src/cms/admin.ts) and used by the local backend to complete a new sector. Decap's own format
 * rewrites the whole frontmatter (quotes removed, long lines folded); this one rewrites only the lines
 * of the fields that changed, in the project's way (src/utils/text/frontmatter-text.ts), keeps every other
 * line as written (comments, quotes, order) and leaves an unchanged body byte for byte. A new field goes
 * where the schema's order puts it. An edited body keeps the blank line after the frontmatter and
 * ends with a newline.
 */

/** The name Decap knows this format by (the collections' `format` in /admin/config.yml). */
export const FORMAT = 'frontmatter-du-site';
/** Keys starting with this are the CMS's own: kept in the entry while it is edited, never written. */
const OWN_PREFIX = '__';
/** The file as it was read: what a save compares with. */
const SOURCE_KEY = '__source';
/** Set in the browser before a new sector is saved: its file name, by the rule of `npm run new-sector`. */
export const FILE_NAME_KEY = '__fichier';

type EntryData = Record<string, unknown>;

interface Parts {
  opening: string;
  frontmatter: string;
  closing: string;
  body: string;
}

/** A file cut at its frontmatter's two `---` lines (blank lines before the first are kept with it). */
function split(source: string): Parts | undefined {
  const opening = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n/.exec(source);
  if (!opening) return undefined;
  const rest = source.slice(opening[0].length);
  const closing = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!closing) return undefined;
  return { opening: opening[0], frontmatter: rest.slice(0, closing.index), closing: closing[0], body: rest.slice(closing.index + closing[0].length) };
}

// The core schema: `updated: 2026-01-31` stays the text the date field shows and gives back.
const load = (text: string): unknown => yaml.load(text, { schema: yaml.CORE_SCHEMA });

/** A top-level key's lines (its value may continue on indented lines or list items), or lines of no key (comments, blanks). */
interface Block {
  key?: string;
  lines: string[];
}

function blocks(frontmatter: string): Block[] {
  const lines = frontmatter.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const result: Block[] = [];
  lines.forEach((line, i) => {
    const key = /^([^\s#:'"-][^:]*?)\s*:(?:\s|$)/.exec(line)?.[1];
    const continues = /^[ \t]|^-(?:\s|$)/.test(line);
    // A blank line belongs to the value above when the value goes on after it (a block of text).
    const blankInValue = line.trim() === '' && /^[ \t]+\S/.test(lines.slice(i + 1).find((l) => l.trim() !== '') ?? '');
    const current = result.at(-1);
    if (key !== undefined) result.push({ key, lines: [line] });
    else if (current?.key !== undefined && (continues || blankInValue)) current.lines.push(line);
    else if (current && current.key === undefined) current.lines.push(line);
    else result.push({ lines: [line] });
  });
  return result;
}

/**
 * The value a block gives its key, as the whole frontmatter would; none for a block YAML cannot read
 * alone, which is then kept as written while the entry gives its key no value, rewritten otherwise.
 */
function valueOf(block: Block): unknown {
  try {
    return (load(block.lines.join('\n')) as EntryData | null)?.[block.key!];
  } catch {
    return undefined;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Nothing to write: an empty text or list, an unticked box (`draft: false` is never written, CONTRIBUTING says so). */
const absent = (value: unknown) => value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && value.length === 0);

export interface FrontmatterFormat {
  fromFile(content: string): EntryData;
  toFile(data: EntryData, sortedKeys?: readonly string[]): string;
}

/** The format for a collection; `dateKeys`: fields written as bare dates (the schema's dates). */
export function frontmatterFormat(dateKeys: ReadonlySet<string>): FrontmatterFormat {
  const line = (key: string, value: unknown) => frontmatterLine(key, value, dateKeys.has(key) ? 'date' : undefined);

  function writeFrontmatter(original: string, data: EntryData, order: readonly string[]): string {
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    const out: Block[] = [];
    const written = new Set<string>();
    for (const block of blocks(original)) {
      if (block.key === undefined) {
        out.push(block);
        continue;
      }
      written.add(block.key);
      const value = data[block.key];
      if (same(value, valueOf(block))) out.push(block);
      else if (!absent(value)) out.push({ key: block.key, lines: [line(block.key, value)] });
    }
    const added = Object.keys(data)
      .filter((key) => !written.has(key) && !absent(data[key]))
      .sort((a, b) => rank(a) - rank(b));
    for (const key of added) {
      const before = out.findLastIndex((b) => b.key !== undefined && rank(b.key) <= rank(key));
      const at =
        before === -1
          ? Math.max(
              0,
              out.findIndex((b) => b.key !== undefined),
            )
          : before + 1;
      out.splice(at, 0, { key, lines: [line(key, data[key])] });
    }
    const lines = out.flatMap((b) => b.lines);
    return lines.length ? `${lines.join('\n')}\n` : '';
  }

  function writeBody(body: string, original: string | undefined): string {
    const ends = (text: string) => text.replace(/^(?:\r?\n)+/, '').replace(/(?:\r?\n)+$/, '');
    if (original !== undefined && ends(body) === ends(original)) return original;
    if (!body.trim()) return '';
    const leading = original === undefined ? '\n' : (/^(?:\r?\n)*/.exec(original)?.[0] ?? '');
    const text = leading + body.replace(/^(?:\r?\n)+/, '');
    return text.endsWith('\n') ? text : `${text}\n`;
  }

  return {
    fromFile(content) {
      const parts = split(content);
      const data = parts ? load(parts.frontmatter) : {};
      const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as EntryData) : {};
      return { ...fields, body: parts ? parts.body : content, [SOURCE_KEY]: content };
    },
    toFile(data, sortedKeys = []) {
      const { body = '', ...rest } = data;
      const fields = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith(OWN_PREFIX)));
      const source = typeof rest[SOURCE_KEY] === 'string' ? rest[SOURCE_KEY] : undefined;
      const parts = source === undefined ? undefined : split(source);
      const order = sortedKeys.filter((key) => key !== 'body');
      const frontmatter = writeFrontmatter(parts?.frontmatter ?? '', fields, order);
      const text = writeBody(String(body), source === undefined ? undefined : (parts?.body ?? source));
      const closing = parts?.closing ?? '---\n';
      return `${parts?.opening ?? '---\n'}${frontmatter}${closing}${text && !closing.endsWith('\n') ? '\n' : ''}${text}`;
    },
  };
}
