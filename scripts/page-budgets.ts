// Page budgets of the built site, as a reader's first visit costs them: requests needed to render,
// bytes transferred (gzip, as scripts/serve.ts and any static host send them), JavaScript, web fonts.
// Usage: node scripts/page-budgets.ts [dir]   (default: OUT_DIR or dist/; honours BASE_PATH)
// Exits 1 when a page is over budget. The search page is exempt: it needs its script. Pages with a code
// block may load one small script, the « Copier » buttons' (src/components/CopyButtons.astro); every other
// page loads none. The writers' editor (/admin/) is not measured: no reader loads it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { adminPaths } from '../src/utils/navigation/paths.ts';

export const BUDGETS = { requests: 2, gzipBytes: 6 * 1024, jsBytes: 0, fonts: 0 };
/** What a page with a code block may load besides: the copy buttons' one script. */
export const CODE_PAGE_JS = { scripts: 1, gzipBytes: 1024 };
/** Pages allowed to exceed the budgets: the search page needs its script. */
export const EXEMPT = [/^\/recherche\//];

const gzipSize = (buf: Buffer) => gzipSync(buf).length;
const isLocal = (url: string) => !/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !url.startsWith('data:');
const FONT_EXT = /\.(woff2?|ttf|otf|eot)(?:[?#]|$)/i;

/** The pages readers load: the writers' editor (/admin/) is no reader's page. */
function htmlFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return `/${path.relative(root, file).split(path.sep).join('/')}/` === adminPaths.page ? [] : htmlFiles(file, root);
    return e.name.endsWith('.html') ? [file] : [];
  });
}

/** url() references of a stylesheet that are not data: URIs. */
function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)].map((m) => m[2]).filter((u) => !u.startsWith('data:'));
}

/** What a reader's first visit of one page costs, and which budgets it passes. */
export interface PageCost {
  page: string;
  requests: number;
  resources: string[];
  gzipBytes: number;
  htmlBytes: number;
  jsBytes: number;
  /** The page's scripts as transferred (gzip), and how many there are. */
  jsGzipBytes: number;
  scripts: number;
  /** Whether the page has a code block (then it may load the copy buttons' script). */
  hasCode: boolean;
  fonts: number;
  unsizedImages: number;
  exempt: boolean;
  overBudget: string[];
}

interface Resource {
  url: string;
  kind: string;
  bytes: number;
  gzip: number;
  missing: boolean;
}

/** Measures every page of a built site, one row per page. */
export function measurePages(root: string, { base = process.env.BASE_PATH || '/' }: { base?: string } = {}): PageCost[] {
  const dir = path.resolve(root);
  if (!existsSync(dir)) throw new Error(`Dossier du site construit introuvable : ${dir} (lancez d’abord npm run build)`);
  const prefix = base.endsWith('/') ? base : `${base}/`;

  return htmlFiles(dir)
    .map((file) => {
      const page = ('/' + path.relative(dir, file).split(path.sep).join('/')).replace(/(^|\/)index\.html$/, '$1');
      const html = readFileSync(file);
      const { document } = parseHTML(html.toString('utf8'));
      const pageUrl = new URL(prefix.replace(/\/$/, '') + page, 'http://site');
      /** Resolves a URL of the page to a file of the built site, or null if it is elsewhere. */
      const fileOf = (url: string, from: URL = pageUrl) => {
        const target = new URL(url, from);
        if (target.host !== 'site' || !target.pathname.startsWith(prefix)) return null;
        const f = path.join(dir, decodeURIComponent(target.pathname.slice(prefix.length)));
        return existsSync(f) ? f : null;
      };

      const resources: Resource[] = [];
      const add = (url: string | null, kind: string, from?: URL) => {
        if (!url || url.startsWith('data:')) return;
        const f = isLocal(url) || new URL(url, from ?? pageUrl).host === 'site' ? fileOf(url, from) : null;
        const body = f ? readFileSync(f) : null;
        resources.push({ url, kind, bytes: body?.length ?? 0, gzip: body ? gzipSize(body) : 0, missing: !body });
        return body;
      };

      let fonts = 0;
      const cssText = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
      for (const link of document.querySelectorAll('link[href]')) {
        const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
        const href = link.getAttribute('href') ?? '';
        if (rel.includes('stylesheet')) {
          const body = add(href, 'css');
          if (body) for (const u of cssUrls(body.toString('utf8'))) add(u, FONT_EXT.test(u) ? 'font' : 'css-url', new URL(href, pageUrl));
        } else if (rel.includes('icon') || rel.includes('apple-touch-icon')) add(href, 'icon');
        else if (rel.includes('preload') || rel.includes('modulepreload')) add(href, link.getAttribute('as') === 'font' ? 'font' : 'preload');
      }
      for (const u of cssUrls(cssText)) add(u, FONT_EXT.test(u) ? 'font' : 'css-url');
      // Without an icon link, browsers ask for /favicon.ico anyway.
      if (!document.querySelector('link[rel~="icon"]')) resources.push({ url: '/favicon.ico', kind: 'icon', bytes: 0, gzip: 0, missing: true });

      let jsBytes = 0;
      let jsGzipBytes = 0;
      let scripts = 0;
      for (const script of document.querySelectorAll('script')) {
        const type = script.getAttribute('type') ?? '';
        if (type && !/javascript|module/i.test(type)) continue; // JSON-LD and the like are data, not code
        scripts++;
        const src = script.getAttribute('src');
        const body = src ? add(src, 'js') : Buffer.from(script.textContent ?? '');
        jsBytes += body?.length ?? 0;
        jsGzipBytes += body ? gzipSize(body) : 0;
      }
      for (const img of document.querySelectorAll('img[src], source[srcset], video[poster], iframe[src]')) {
        add(img.getAttribute('src') ?? img.getAttribute('poster') ?? (img.getAttribute('srcset') ?? '').split(/\s/)[0], 'image');
      }
      fonts += resources.filter((r) => r.kind === 'font').length;
      const unsizedImages = [...document.querySelectorAll('img')].filter((i) => !(i.getAttribute('width') && i.getAttribute('height'))).length;

      const row = {
        page,
        requests: 1 + resources.length,
        resources: resources.map((r) => r.url),
        gzipBytes: gzipSize(html) + resources.reduce((sum, r) => sum + r.gzip, 0),
        htmlBytes: html.length,
        jsBytes,
        jsGzipBytes,
        scripts,
        hasCode: document.querySelector('pre') !== null,
        fonts,
        unsizedImages,
        exempt: EXEMPT.some((re) => re.test(page)),
      };
      const over: string[] = [];
      if (row.requests > BUDGETS.requests) over.push(`${row.requests} requêtes > ${BUDGETS.requests}`);
      if (row.gzipBytes > BUDGETS.gzipBytes) over.push(`${row.gzipBytes} o gzip > ${BUDGETS.gzipBytes}`);
      if (!row.hasCode && row.jsBytes > BUDGETS.jsBytes) over.push(`${row.jsBytes} o de JavaScript sans bloc de code`);
      if (row.hasCode && row.scripts > CODE_PAGE_JS.scripts) over.push(`${row.scripts} scripts > ${CODE_PAGE_JS.scripts}`);
      if (row.hasCode && row.jsGzipBytes > CODE_PAGE_JS.gzipBytes) over.push(`${row.jsGzipBytes} o gzip de JavaScript > ${CODE_PAGE_JS.gzipBytes}`);
      if (row.fonts > BUDGETS.fonts) over.push(`${row.fonts} police(s) téléchargée(s)`);
      if (row.unsizedImages > 0) over.push(`${row.unsizedImages} image(s) sans dimensions (décalage de mise en page)`);
      return { ...row, overBudget: row.exempt ? [] : over };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}

function main() {
  const root = process.argv[2] || process.env.OUT_DIR || 'dist';
  let rows: PageCost[];
  try {
    rows = measurePages(root);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const kb = (n: number) => (n / 1024).toFixed(2);
  console.log(
    `Budgets par page (${path.resolve(root)}) : ≤ ${BUDGETS.requests} requêtes, ≤ ${kb(BUDGETS.gzipBytes)} Ko gzip, 0 police, 0 o de JavaScript (un script de ${kb(CODE_PAGE_JS.gzipBytes)} Ko gzip au plus sur une page avec un bloc de code)\n`,
  );
  const header = ['page', 'requêtes', 'Ko gzip', 'Ko HTML brut', 'JS (o gzip)', 'polices', 'verdict'];
  const lines = rows.map((r) => [
    r.page,
    String(r.requests),
    kb(r.gzipBytes),
    kb(r.htmlBytes),
    String(r.jsGzipBytes),
    String(r.fonts),
    r.exempt ? 'exemptée' : r.overBudget.length ? `HORS BUDGET : ${r.overBudget.join(', ')}` : 'ok',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const l of [header, ...lines]) console.log(l.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  const max = rows.filter((r) => !r.exempt).reduce((m, r) => Math.max(m, r.gzipBytes), 0);
  console.log(`\nPage la plus lourde : ${kb(max)} Ko gzip (budget ${kb(BUDGETS.gzipBytes)} Ko).`);
  if (rows.some((r) => r.overBudget.length)) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
