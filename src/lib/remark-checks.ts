import path from 'node:path';
import type { Definition, FootnoteDefinition, Nodes, Root } from 'mdast';
import remarkLintNoDuplicateDefinitions from 'remark-lint-no-duplicate-definitions';
import remarkLintNoUndefinedReferences from 'remark-lint-no-undefined-references';
import remarkLintNoUnusedDefinitions from 'remark-lint-no-unused-definitions';
import { unified, type Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { awaitedRender, wasChecked, type RenderedChecks } from './checked-files';
import { contentDir } from './content-dir';
import { isDevServer } from './drafts';
import { displayPath, formatReport, type Problem } from './problems';
import { closest } from './schema';
import { markdownAnchors, siteIndex, type SiteIndex } from './site-index';

/**
 * Content checks as remark plugins, run by the site's markdown pipeline and by
 * `npm run check`. Each adds a French message (source "contenu") to the file;
 * remarkFailOnProblems then stops the render with all of them.
 */
export const SOURCE = 'contenu';

export interface CheckOptions {
  /** All pages of the site; default: the content folder (CONTENT_DIR), read once while unchanged. */
  index?: () => SiteIndex | undefined;
  /** Whether drafts are pages a link may target: yes in `npm run dev`, no in the build. */
  includeDrafts?: boolean;
  /**
   * Receives every link to a page of the site instead of checking it against the index: `checkContent`
   * caches each file's checks, and those links depend on the other files, so it resolves them afterwards
   * with `internalLinkProblem`.
   */
  deferLink?: (url: string, node: Nodes) => void;
}

const defaultIndex = () => siteIndex(contentDir());
const draftsVisible = (options: CheckOptions) => options.includeDrafts ?? isDevServer();

function report(file: VFile, message: string, node?: Nodes) {
  const m = file.message(message, node ? { place: node.position } : undefined);
  m.source = SOURCE;
}

const label = (reason: string) => /`([^`]*)`/.exec(reason)?.[1] ?? '?';

/**
 * Footnotes: a call with no definition (which GFM would print as the literal "[^3]"),
 * a definition never called, a label defined twice. remark-lint finds them; this
 * plugin, placed after the three rules, rewrites their messages in French.
 */
export function remarkFrenchLintMessages() {
  return (tree: Root, file: VFile) => {
    // "[la société]" or "[…]" in a quotation is plain text to the reader, not a broken link: only
    // footnote calls and full references "[texte][x]" without a definition are mistakes.
    const source = String(file.value);
    file.messages = file.messages.filter((m) => {
      if (m.source !== 'remark-lint' || m.ruleId !== 'no-undefined-references' || !/for a link/.test(m.reason)) return true;
      const place = m.place && 'start' in m.place ? m.place : undefined;
      const text = place?.start.offset !== undefined && place.end.offset !== undefined ? source.slice(place.start.offset, place.end.offset) : '';
      return !/^\[[^\]]*\]$/.test(text);
    });
    for (const m of file.messages) {
      if (m.source !== 'remark-lint') continue;
      const id = label(m.reason);
      let reason: string | undefined;
      if (m.ruleId === 'no-undefined-references') {
        reason = /for a footnote/.test(m.reason)
          ? `l’appel de note [^${id}] n’a pas de définition (le lecteur verrait « [^${id}] » tel quel) : ajoutez en fin de fichier une ligne « [^${id}]: [Titre de la source](https://…) », ou corrigez le numéro de l’appel`
          : `le lien [${id}] renvoie à une définition « [${id}]: adresse » qui n’existe pas : écrivez le lien en entier, [texte](https://…), ou, si ce sont de simples crochets, écrivez \\[`;
      } else if (m.ruleId === 'no-unused-definitions') {
        reason = /footnote/.test(m.reason)
          ? `la note [^${id}] est définie mais jamais appelée (elle n’apparaîtrait pas) : ajoutez l’appel [^${id}] dans le texte, ou supprimez la définition`
          : `la définition de lien [${id}] n’est utilisée par aucun lien : supprimez-la ou utilisez-la`;
      } else if (m.ruleId === 'no-duplicate-definitions') {
        const footnote = /footnote/.test(m.reason);
        let first: number | undefined;
        visit(tree, footnote ? 'footnoteDefinition' : 'definition', (node: FootnoteDefinition | Definition) => {
          if (first === undefined && node.identifier === id.toLowerCase()) first = node.position?.start.line;
        });
        // Lines of the file: Astro's tree starts at the body (checkOneFile says how many lines come before).
        const where = first ? ` (déjà ligne ${first + ((file.data as { lineOffset?: number }).lineOffset ?? 0)})` : '';
        reason = footnote
          ? `la note [^${id}] est définie deux fois${where} : supprimez le doublon, ou donnez à l’une des deux un autre numéro et appelez-la avec ce numéro`
          : `la définition de lien [${id}] est écrite deux fois${where} : supprimez le doublon`;
      }
      if (!reason) continue;
      m.reason = reason;
      m.message = reason;
      m.source = SOURCE;
    }
  };
}

/** The footnote checks, ready to spread into a plugin list. */
export const footnoteChecks = [
  remarkLintNoUndefinedReferences,
  remarkLintNoUnusedDefinitions,
  remarkLintNoDuplicateDefinitions,
  remarkFrenchLintMessages,
] as Plugin<[], Root>[];

const isHttpUrl = (url: string) => {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
  } catch {
    return false;
  }
};
// Browsers ignore spaces, tabs and control characters inside a URL's scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be stripped
const isJavascriptUrl = (url: string) => /^javascript:/i.test(url.replace(/[\u0000-\u0020]/g, ''));
const JAVASCRIPT_MESSAGE =
  'une adresse « javascript: » est interdite (elle exécuterait du code chez le lecteur) : mettez une adresse https:// ou retirez le lien';
const URL_ATTRIBUTE = /\b(?:href|src|action|formaction|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const NAMED = { colon: ':', tab: '\t', newline: '\n' } as Record<string, string>;
/** Character references a browser decodes in an attribute: "&#106;avascript&colon;" is "javascript:". */
const decodeReferences = (value: string) =>
  value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex, dec, name) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[name.toLowerCase()] ?? whole),
  );
const htmlHasJavascriptUrl = (html: string) => [...html.matchAll(URL_ATTRIBUTE)].some((m) => isJavascriptUrl(decodeReferences(m[1] ?? m[2] ?? m[3])));
/** "mailto:", "https:"… or "//host": not a page of this site. */
const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

/**
 * Links: sources (footnotes) must be absolute http(s) URLs; `javascript:` is refused
 * everywhere; a link to a page of the site must reach an existing page, and its
 * "#section" an existing id of that page.
 */
export function remarkLinkChecks(options: CheckOptions = {}) {
  return (tree: Root, file: VFile) => {
    const index = options.deferLink ? undefined : (options.index ?? defaultIndex)();
    const here = file.path ? index?.byFile.get(path.resolve(file.path)) : undefined;
    const currentUrl = here?.url ?? '/';
    const ownAnchors = new Set([...(here?.anchors ?? []), ...markdownAnchors(tree)]);
    const definitions = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier, node.url);
    });

    const inNotes = new Set<unknown>();
    visit(tree, 'footnoteDefinition', (note) => {
      let sources = 0;
      visit(note, (node) => {
        inNotes.add(node);
        const url = node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
        if (url === undefined) return;
        sources++;
        if (!isHttpUrl(url))
          report(
            file,
            `la source de la note [^${note.label ?? note.identifier}] n’est pas une adresse web complète (« ${url} ») : une source se cite avec son adresse entière, qui commence par https:// (ou http://), par exemple [Titre](https://exemple.fr/article)`,
            node as Nodes,
          );
      });
      if (sources === 0)
        report(
          file,
          `la note [^${note.label ?? note.identifier}] ne contient pas de lien vers sa source : écrivez-la sous la forme « [^${note.label ?? note.identifier}]: [Titre de la source](https://…) »`,
          note,
        );
    });

    visit(tree, (node) => {
      if (node.type === 'html' && htmlHasJavascriptUrl(node.value)) {
        report(file, JAVASCRIPT_MESSAGE, node);
        return;
      }
      // MDX elements: <a href="javascript:…"> written as JSX.
      const attributes = (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes;
      if (
        attributes?.some(
          (a) =>
            a.type === 'mdxJsxAttribute' && typeof a.value === 'string' && /^(href|src|action|formaction)$/i.test(a.name ?? '') && isJavascriptUrl(a.value),
        )
      ) {
        report(file, JAVASCRIPT_MESSAGE, node as Nodes);
        return;
      }
      if (node.type !== 'link' && node.type !== 'definition' && node.type !== 'image') return;
      const url = node.url;
      if (isJavascriptUrl(url)) {
        report(file, JAVASCRIPT_MESSAGE, node);
        return;
      }
      // Sources were checked above; images and other sites are not pages of this site.
      if (node.type === 'image' || inNotes.has(node) || hasScheme(url)) return;
      if (options.deferLink) {
        options.deferLink(url, node);
        return;
      }
      if (!index) return;
      const problem = internalLinkProblem(url, currentUrl, ownAnchors, index, draftsVisible(options) || here?.draft === true);
      if (problem) report(file, problem, node);
    });
  };
}

/** Why a link to a page of the site would break, in French, or undefined if it works. */
export function internalLinkProblem(url: string, currentUrl: string, ownAnchors: Set<string>, index: SiteIndex, includeDrafts: boolean): string | undefined {
  let target: URL;
  let hash: string;
  let pathname: string;
  try {
    target = new URL(url, `http://site${currentUrl}`);
    hash = decodeURIComponent(target.hash.slice(1));
    pathname = decodeURI(target.pathname);
  } catch {
    return `l’adresse du lien « ${url} » est mal formée (un « % » doit être suivi de deux chiffres ou lettres) : corrigez-la`;
  }
  if (!pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(pathname)) pathname += '/';
  const samePage = url.startsWith('#') || pathname === currentUrl;
  const pages = samePage ? undefined : index.byUrl.get(pathname);
  if (!samePage && !pages && index.staticUrls?.has(pathname)) return undefined;
  if (!samePage) {
    if (!pages || (!includeDrafts && pages.every((e) => e.draft))) {
      // Every page's address, only for a broken link's suggestion: computing it for each working link made the build quadratic.
      const known = [...index.byUrl.entries()]
        .filter(([, es]) => includeDrafts || es.some((e) => !e.draft))
        .map(([u]) => u)
        .concat([...(index.staticUrls ?? [])]);
      if (pages)
        return `le lien « ${url} » mène à ${pathname}, un brouillon (draft: true) qui ne sera pas publié : retirez le lien, ou publiez d’abord cette page`;
      const mdFile = /([^/]+)\.mdx?\/?$/.exec(pathname)?.[1];
      const fromFile = mdFile && index.entries.find((e) => path.basename(e.file).replace(/\.mdx?$/, '') === mdFile);
      // Compare the last path segment: a typo in "finanse", not the shared "/secteurs/" prefix.
      const segment = (u: string) => u.split('/').filter(Boolean).pop() ?? '';
      const near = closest(segment(pathname), known.map(segment).filter(Boolean));
      const guess = fromFile ? fromFile.url : near !== undefined ? known.find((u) => segment(u) === near) : undefined;
      return (
        `le lien « ${url} » mène à ${pathname}, une page qui n’existe pas sur le site` +
        (guess ? ` : vouliez-vous écrire « ${guess} » ?` : '.') +
        ' L’adresse d’un secteur est /secteurs/ suivi du nom de son fichier sans « .md », puis « / » (par exemple /secteurs/finance/)'
      );
    }
  }
  if (!hash) return undefined;
  const anchors = samePage ? ownAnchors : pages![0].anchors;
  if (anchors.has(hash)) return undefined;
  const headings = [...anchors].filter((a) => !a.startsWith('user-content-') && !['footnote-label', 'contenu', 'recherche-q', 'secteurs-titre'].includes(a));
  const guess = closest(hash, headings);
  return (
    `le lien « ${url} » vise la section #${hash}, qui n’existe pas sur la page ${samePage ? 'courante' : pathname}` +
    (guess ? ` : vouliez-vous écrire #${guess} ?` : '.') +
    (headings.length ? ` Sections de cette page : ${headings.map((h) => `#${h}`).join(', ')}.` : ' Cette page n’a pas d’intertitres.') +
    ' L’ancre d’un intertitre est son texte en minuscules, sans accents, les mots reliés par des tirets'
  );
}

/** A page with only a frontmatter would be an empty page. */
export function remarkNonEmptyBody() {
  return (tree: Root, file: VFile) => {
    // HTML comments (editors' notes) and MDX imports/exports show nothing to the reader.
    const shown = tree.children.filter((node) => !(node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) && (node.type as string) !== 'mdxjsEsm');
    if (shown.length === 0) report(file, 'la page n’a pas de texte : écrivez le contenu sous l’en-tête, après la seconde ligne « --- »');
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- plugins with different options in one list: unified's own types use any here
type PluginEntry = [Plugin<any[], Root>, any];
/** All checks that look at one file, in order, for `unified().use(...)`. */
export function contentChecks(options: CheckOptions = {}): PluginEntry[] {
  return [...footnoteChecks.map((p): PluginEntry => [p, undefined]), [remarkLinkChecks, options], [remarkNonEmptyBody, undefined]];
}

/** The check messages of a file as problems, with line numbers of the file itself (Astro renders the body without frontmatter). */
export function fileProblems(file: VFile, options: CheckOptions = {}, lineOffset?: number): Problem[] {
  const filePath = file.path ? path.resolve(file.path) : '(fichier inconnu)';
  const entry = lineOffset === undefined && file.path ? (options.index ?? defaultIndex)()?.byFile.get(filePath) : undefined;
  const offset = lineOffset ?? (entry?.bodyStartLine ?? 1) - 1;
  return file.messages.filter((m) => m.source === SOURCE).map((m) => ({ file: filePath, line: m.line ? m.line + offset : undefined, message: m.reason }));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Last plugin of the site's pipeline. In the build, a page with any content problem stops
 * the render (the content check before the build has already stopped it). In `npm run dev`
 * the page shows the problems in a box above its text, so the editor sees them on save.
 */
export function remarkFailOnProblems(options: CheckOptions & { dev?: boolean } = {}) {
  return (tree: Root, file: VFile) => {
    const problems = fileProblems(file, options);
    if (!problems.length) return;
    const report = formatReport(problems);
    if (!(options.dev ?? isDevServer())) throw new Error(`Contenu à corriger — ${report}`);
    const items = problems.map((p) => `<li>${p.line ? `ligne ${p.line} : ` : ''}${escapeHtml(p.message)}</li>`).join('');
    tree.children.unshift({
      type: 'html',
      value: `<div role="alert" data-content-problems style="border:3px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:1rem;margin-bottom:1.5rem"><p><strong>Contenu à corriger (visible seulement avec npm run dev, la construction échouerait) :</strong> ${escapeHtml(displayPath(problems[0].file))}</p><ul>${items}</ul></div>`,
    });
  };
}

/**
 * The checks of one file that need only the file, links to other pages set aside (they depend on other
 * files): what `checkContent` caches per file. `lineOffset`: lines of the file before `file.value`.
 */
export function checkOneFile(tree: Root, file: VFile, lineOffset: number): RenderedChecks {
  const links: RenderedChecks['links'] = [];
  const deferLink = (url: string, node: Nodes) => {
    links.push({ url, line: node.position ? node.position.start.line + lineOffset : undefined });
  };
  const processor = unified();
  for (const [plugin, settings] of contentChecks({ deferLink })) processor.use(plugin, settings);
  // A file of its own: the messages of the checks are not the render's.
  const checked = new VFile({ path: file.path, value: file.value, data: { lineOffset } });
  processor.runSync(tree, checked);
  return { anchors: markdownAnchors(tree), problems: fileProblems(checked, {}, lineOffset), links };
}

/**
 * The site pipeline's checks: `contentChecks` then `remarkFailOnProblems`. In a build the loader gate
 * (src/content.config.ts) is authoritative: for the files it waits for, the checks are made here on the
 * tree Astro parsed anyway and handed to the gate, which reports every problem of the site at once;
 * a file it has already checked is not checked again. In `npm run dev` every page is checked.
 */
export function remarkSiteChecks(options: CheckOptions & { dev?: boolean } = {}) {
  const checker = unified();
  for (const [plugin, settings] of contentChecks(options)) checker.use(plugin, settings);
  checker.use(remarkFailOnProblems, options);
  return (tree: Root, file: VFile) => {
    if (!(options.dev ?? isDevServer()) && file.path) {
      const awaited = awaitedRender(file.path);
      if (awaited) {
        awaited.result = checkOneFile(tree, file, awaited.lineOffset);
        return;
      }
      if (wasChecked(file.path)) return;
    }
    checker.runSync(tree, file);
  };
}
