import path from 'node:path';
import type { Root } from 'mdast';
import { contentDir } from '../../settings.ts';
import { contentFiles } from '../files/content-files.ts';
import { inDocumentOrder, treeNodes } from '../../markdown/shared/tree-nodes.ts';
import { parseMarkdown, readFrontmatter } from '../files/site-index.ts';

/** Where the content writes an address: the file and the line to edit. */
export interface Citation {
  file: string;
  line?: number;
}

/** One external address, once, with every place that cites it; `source`: a footnote cites it. */
export interface CitedAddress {
  url: string;
  source: boolean;
  citations: Citation[];
}

/**
 * The address a request goes to: the fragment never reaches the server, and URL normalises scheme and
 * host case. Unlike the bibliography's sourceKey, a trailing slash is kept: "/a" and "/a/" are two
 * requests, and a server that moves one to the other says so. Anything but http(s) is not checked.
 */
function addressKey(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.hash = '';
  return parsed.href;
}

/** The addresses one file writes, with their line and whether a footnote cites them; code is not markdown, so no link comes from it. */
function addressesInTree(tree: Root): { url: string; line?: number; source: boolean }[] {
  const nodes = treeNodes(tree);
  // A reference link's address is written on its definition's line: that line is the one to edit.
  return inDocumentOrder([...nodes.of('link'), ...nodes.of('definition')]).map((node) => ({
    url: node.url,
    line: node.position?.start.line,
    // In a note, or the definition a note's reference link uses.
    source: nodes.inNote(node),
  }));
}

/**
 * Every external address the content folder cites, each once: the sources (cited by a footnote
 * anywhere) first, then the other links, each group in the order of its first citation; each
 * address lists its citations file by file, line by line. Lines are the file's: the parsed body
 * keeps the frontmatter's lines empty.
 */
export function citedAddresses(dir: string = contentDir()): CitedAddress[] {
  const root = path.resolve(dir);
  const byUrl = new Map<string, CitedAddress>();
  for (const file of contentFiles(root)) {
    const { parsed } = readFrontmatter(file, root);
    let tree;
    try {
      tree = parseMarkdown(parsed.body, file);
    } catch {
      // An MDX file that does not parse is npm run check's to report; its addresses wait for the fix.
      continue;
    }
    for (const { url, line, source } of addressesInTree(tree)) {
      const key = addressKey(url);
      if (!key) continue;
      let address = byUrl.get(key);
      if (!address) byUrl.set(key, (address = { url: key, source, citations: [] }));
      address.source ||= source;
      address.citations.push({ file, line });
    }
  }
  const addresses = [...byUrl.values()];
  return [...addresses.filter((a) => a.source), ...addresses.filter((a) => !a.source)];
}
