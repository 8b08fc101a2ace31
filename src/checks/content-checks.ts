/**
 * The content checks: one report of every mistake in the content folder, file by file and line by
 * line, in French. Three callers, one hand-off, all in this module:
 *
 * - `npm run check` calls `checkContent`, which reads and parses every file.
 * - The markdown pipeline runs `remarkContentChecks` on the tree Astro parses to render each file:
 *   the file's own problems, its links to other pages and its ids go into the rendered entry
 *   (`remarkPluginFrontmatter.contentChecks`), which Astro's content store keeps. In `npm run dev`
 *   the page also shows its problems above its text.
 * - The sectors' loader is wrapped by `checkedLoader`. In a build it first reads every frontmatter: a
 *   wrong one would stop Astro with its own English message, so the full report comes before the
 *   render. After the render it takes each file's checks from the store (a file Astro did not render
 *   again, because it is unchanged, keeps the checks of the build that rendered it), parses only the
 *   files the loader does not render (the home page, MDX), and adds what involves several files. Any
 *   problem stops the build with the report. In `npm run dev`, where pages render on request, the
 *   report is made in a worker thread and again after each change (dev/dev-checks.ts), as a warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { Nodes, Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { contentDir, isDevServer } from '../settings.ts';
import { withParallelMarkdown } from '../build/parallel-markdown.ts';
import { crossFileProblems } from './site/cross-file.ts';
import { watchContentChecks } from './dev/dev-checks.ts';
import { bodyStartLine, keyLine } from './files/frontmatter.ts';
import { displayPath, formatReport, type Problem } from './report/problems.ts';
import { remarkCalloutChecks } from './rules/remark-callout-checks.ts';
import { remarkFootnoteChecks } from './rules/remark-footnote-checks.ts';
import { remarkHeadingChecks } from './rules/remark-heading-checks.ts';
import { remarkHtmlAllowlist } from './rules/remark-html-allowlist.ts';
import { remarkImageChecks } from './rules/remark-image-checks.ts';
import { remarkMdxImports } from './rules/remark-mdx-imports.ts';
import { remarkNonEmptyBody } from './rules/remark-non-empty-body.ts';
import { remarkPageLinks } from './rules/remark-page-links.ts';
import { remarkSourceChecks } from './rules/remark-source-checks.ts';
import { remarkUrlSchemes } from './rules/remark-url-schemes.ts';
import { SOURCE } from './rules/report.ts';
import { homeSchema, sectorSchema } from './files/schema.ts';
import { contentFiles } from './files/content-files.ts';
import { indexOf, markdownAnchors, parseMarkdown, readFrontmatter, siteIndex, type ContentHead, type SiteIndex } from './files/site-index.ts';
import { internalLinkProblem } from './site/site-links.ts';
import { unusedFiles } from './site/unused-files.ts';
import { setRenderedFrontmatter } from '../markdown/shared/rendered-frontmatter.ts';

/** What the checks find in one file's markdown. Lines are the file's. */
export interface FileChecks {
  problems: { line?: number; message: string }[];
  /** Links to pages of the site: whether they work depends on the other files. */
  links: { url: string; line?: number }[];
  /** The ids the markdown gives the page (headings, footnotes). */
  anchors: string[];
  /** The files of the site the page shows (images), absolute. */
  assets: string[];
}

/** Where the pipeline leaves each file's checks in the rendered entry. */
const RENDERED_KEY = 'contentChecks';

/** A file's markdown checks kept by its text, for a long-running check that sees the folder change. */
export type ChecksMemo = Map<string, { source: string; checks: FileChecks }>;

/** A file as it would be saved, checked before it is written (the CMS's local backend). */
export interface PendingFile {
  /** Absolute path, inside the content folder. */
  file: string;
  source: string;
}

/**
 * Every problem of a content folder, all files at once, as the production build sees it (drafts are
 * not pages a published page may link to); with `pending`, as if that file held that text. With a
 * `memo`, an unchanged file is not parsed again.
 */
export function checkContent(dir: string = contentDir(), options: { includeDrafts?: boolean; pending?: PendingFile; memo?: ChecksMemo } = {}): Problem[] {
  const { memo } = options;
  const checksOf = (head: ContentHead) => {
    const known = memo?.get(head.entry.file);
    if (known?.source === head.source) return known.checks;
    const checks = parseAndCheck(head);
    memo?.set(head.entry.file, { source: head.source, checks });
    return checks;
  };
  return siteReport(dir, readHeads(dir, options.pending), checksOf, options.includeDrafts ?? false);
}

/** The checks of one file's markdown tree; `lineOffset`: lines of the file before the tree's first line. */
function checkTree(tree: Root, file: { path?: string; value: string }, lineOffset = 0): FileChecks {
  const links: FileChecks['links'] = [];
  const assets: string[] = [];
  const onLink = (url: string, node: Nodes) => links.push({ url, line: node.position && node.position.start.line + lineOffset });
  // A file of its own: the checks' messages are not the render's.
  const checked = new VFile({ path: file.path, value: file.value, data: { lineOffset } });
  unified()
    .use(remarkFootnoteChecks)
    .use(remarkSourceChecks)
    .use(remarkUrlSchemes)
    .use(remarkHtmlAllowlist)
    .use(remarkPageLinks, { onLink })
    .use(remarkImageChecks, { onAsset: (asset: string) => assets.push(asset) })
    .use(remarkHeadingChecks)
    .use(remarkMdxImports)
    .use(remarkNonEmptyBody)
    .use(remarkCalloutChecks)
    .runSync(tree, checked);
  const problems = checked.messages.filter((m) => m.source === SOURCE).map((m) => ({ line: m.line ? m.line + lineOffset : undefined, message: m.reason }));
  return { problems, links, anchors: markdownAnchors(tree), assets };
}

/** The pipeline's side: checks the tree Astro renders and leaves the result in the rendered entry. */
export function remarkContentChecks() {
  const sectorsDir = path.join(path.resolve(contentDir()), 'secteurs') + path.sep;
  return (tree: Root, file: VFile) => {
    if (!file.path) return;
    // A build reads back only the checks of the sectors' .md files (checkedLoader), and parses the home page
    // and MDX files itself: checking them here too would do the work twice. The dev server shows them all.
    if (!isDevServer() && (!path.resolve(file.path).startsWith(sectorsDir) || !file.path.endsWith('.md'))) return;
    // A build renders a .md file's body from its first non-blank line; MDX, and Markdown imported as a
    // module (the dev server), keep the frontmatter's lines as blanks.
    const source = readFileSync(file.path, 'utf8');
    const lineOffset = String(file.value).length === source.length ? 0 : bodyStartLine(source) - 1;
    const checks = checkTree(tree, { path: file.path, value: String(file.value) }, lineOffset);
    setRenderedFrontmatter(file, RENDERED_KEY, checks);
    if (isDevServer()) showOnPage(tree, path.resolve(file.path), checks);
  };
}

/** The loader's side: the whole report once the loader has rendered the files, or before if a frontmatter is wrong. */
export function checkedLoader(loader: Loader, dir: string): Loader {
  return {
    ...loader,
    load: async (context) => {
      if (isDevServer()) {
        // Pages render on request (deferRender): the whole report is made beside the server, not before it.
        await loader.load(context);
        watchContentChecks(path.resolve(dir), context);
        return;
      }
      const heads = readHeads(dir);
      const entries = heads.map((h) => h.entry);
      if (heads.some((head) => frontmatterProblems(head).length) || crossFileProblems(indexOf(dir, entries)).length > 0)
        throw buildStopped(siteReport(dir, heads, parseAndCheck, false));
      // Counted as the workers' early start counts them (src/build/parallel-markdown.ts): sectors.
      const parallel = withParallelMarkdown(context, heads.filter((head) => head.entry.kind === 'sector').length);
      try {
        await loader.load(parallel.context);
      } finally {
        await parallel.close();
      }
      const root = fileURLToPath(context.config.root);
      const rendered = new Map<string, FileChecks>();
      for (const entry of context.store.values()) {
        const checks = entry.rendered?.metadata?.frontmatter?.[RENDERED_KEY] as FileChecks | undefined;
        if (checks && entry.filePath) rendered.set(path.resolve(root, entry.filePath), checks);
      }
      const problems = siteReport(dir, heads, (head) => rendered.get(head.entry.file) ?? parseAndCheck(head), false);
      if (problems.length) throw buildStopped(problems);
    },
  };
}

function buildStopped(problems: Problem[]): Error {
  const error = new Error(
    `Le contenu est à corriger : le site n’a pas été construit.\n\n${formatReport(problems)}\n\nLa même liste s’obtient en quelques secondes avec « npm run check » ; CONTRIBUTING.md explique chaque erreur.`,
  );
  // No stack: it would point at this file, and editors need only the report. A plain Error keeps
  // the text as written (Astro's own errors render [text](url) as markdown, which would garble the hints).
  error.stack = '';
  return error;
}

/** Every content file's frontmatter, read once; a pending file is read from its text, and counted if it is new. */
function readHeads(dir: string, pending?: PendingFile): ContentHead[] {
  const root = path.resolve(dir);
  const files = contentFiles(root);
  if (pending && !files.includes(pending.file)) files.push(pending.file);
  return files.map((file) => readFrontmatter(file, root, file === pending?.file ? pending.source : undefined));
}

/** A file's markdown checks when nobody rendered it: parsed here (the body keeps the file's line numbers). */
function parseAndCheck(head: ContentHead): FileChecks {
  const { file } = head.entry;
  let tree: Root;
  try {
    tree = parseMarkdown(head.parsed.body, file);
  } catch (error) {
    // Only MDX can fail to parse: its { } and < > are code.
    return { problems: [mdxSyntaxProblem(error)], links: [], anchors: [], assets: [] };
  }
  return checkTree(tree, { path: file, value: head.parsed.body });
}

function mdxSyntaxProblem(error: unknown): FileChecks['problems'][number] {
  const { line, reason, message } = error as { line?: number; reason?: string; message?: string };
  const said = reason ?? message ?? String(error);
  // Some parse errors give the place only in their text: "(3:1-3:4)".
  const place = /\((\d+):\d+-/.exec(said)?.[1];
  return {
    line: line ?? (place ? Number(place) : undefined),
    message: `le fichier MDX ne peut pas être lu (l’analyseur dit : « ${said} »). En MDX, { } et < > sont du code : fermez chaque balise (<details> … </details>) et chaque accolade, ou écrivez \\{ et \\< pour les afficher tels quels`,
  };
}

/** The problems of the whole site, from each file's frontmatter and markdown checks. */
function siteReport(dir: string, heads: ContentHead[], checksOf: (head: ContentHead) => FileChecks, includeDrafts: boolean): Problem[] {
  const files = heads.map((head) => {
    const checks = checksOf(head);
    for (const anchor of checks.anchors) head.entry.anchors.add(anchor);
    const problems = [...frontmatterProblems(head), ...checks.problems.map((p) => ({ file: head.entry.file, ...p }))];
    return { entry: head.entry, problems, links: checks.links, assets: checks.assets };
  });
  const index = indexOf(
    path.resolve(dir),
    files.map((f) => f.entry),
  );
  const problems: Problem[] = [];
  if (!index.entries.some((e) => e.kind === 'home'))
    problems.push({
      file: path.join(index.dir, 'accueil.md'),
      message: 'la page d’accueil manque : créez ce fichier (title, description, conclusion dans l’en-tête, puis le texte d’introduction)',
    });
  if (!index.entries.some((e) => e.kind === 'sector'))
    problems.push({ file: path.join(index.dir, 'secteurs'), message: 'aucun secteur : ajoutez un fichier avec « npm run new-sector -- "Nom du secteur" »' });
  for (const { entry, problems: own, links } of files) {
    problems.push(...own, ...linkProblems(entry.file, links, index, includeDrafts));
  }
  problems.push(
    ...crossFileProblems(index),
    ...unusedFiles(
      dir,
      heads.map((h) => h.entry.file),
      new Set(files.flatMap((f) => f.assets)),
    ),
  );
  return problems;
}

/** The problems of a file's links to other pages of the site. A draft may link to other drafts. */
function linkProblems(file: string, links: FileChecks['links'], index: SiteIndex, includeDrafts: boolean): Problem[] {
  const entry = index.byFile.get(file);
  if (!entry) return [];
  return links.flatMap((link) => {
    const message = internalLinkProblem(link.url, entry.url, entry.anchors, index, includeDrafts || entry.draft);
    return message ? [{ file, line: link.line, message }] : [];
  });
}

function frontmatterProblems({ entry, parsed, source }: ContentHead): Problem[] {
  const { file } = entry;
  if (parsed.error) return [{ file, line: parsed.error.line, message: parsed.error.message }];
  const result = (entry.kind === 'home' ? homeSchema : sectorSchema).safeParse(parsed.data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    return { file, line: (key && keyLine(source, key)) || 1, message: issue.message };
  });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `npm run dev` only: the page shows its problems in a box above its text, so the editor sees them on
 * save (links are resolved against the folder as it is now). The build never shows this: it stops.
 */
function showOnPage(tree: Root, file: string, checks: FileChecks) {
  const index = siteIndex(contentDir());
  const problems = [...checks.problems, ...linkProblems(file, checks.links, index, true)];
  if (!problems.length) return;
  const items = problems.map((p) => `<li>${p.line ? `ligne ${p.line} : ` : ''}${escapeHtml(p.message)}</li>`).join('');
  tree.children.unshift({
    type: 'html',
    value: `<div role="alert" data-content-problems style="border:3px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:1rem;margin-bottom:1.5rem"><p><strong>Contenu à corriger (visible seulement avec npm run dev, la construction échouerait) :</strong> ${escapeHtml(displayPath(file))}</p><ul>${items}</ul></div>`,
  });
}
