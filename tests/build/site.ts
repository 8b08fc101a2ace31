import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { gunzipSync } from 'node:zlib';
import { adminPaths } from '../../src/utils/navigation/paths.ts';

/** Reading a built site as a reader's browser receives it. */
export class BuiltSite {
  constructor(readonly root: string) {}

  /**
   * Every page a reader may see, as its URL path ("/", "/secteurs/sante/", "/404.html"). The writers'
   * editor (/admin/, Decap CMS) is left out: tests/build/cms.test.ts and tests/cms/ test it.
   */
  pages(): string[] {
    return this.allPages().filter((p) => !p.startsWith(adminPaths.page));
  }

  /** Every HTML page of the build, the editor's included. */
  allPages(): string[] {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
      );
    return walk(this.root)
      .map((file) => '/' + path.relative(this.root, file).split(path.sep).join('/'))
      .map((p) => p.replace(/(^|\/)index\.html$/, '$1'))
      .sort();
  }

  fileFor(urlPath: string): string | undefined {
    const clean = decodeURIComponent(urlPath.split('#')[0].split('?')[0]);
    const candidates = clean.endsWith('/')
      ? [path.join(this.root, clean, 'index.html')]
      : [path.join(this.root, clean), path.join(this.root, clean, 'index.html')];
    return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
  }

  html(urlPath: string): string {
    const file = this.fileFor(urlPath);
    if (!file) throw new Error(`Pas de page construite pour ${urlPath}`);
    return readFileSync(file, 'utf8');
  }

  /** Whether a script address is the « Copier » buttons' file (named by its hash alone): its code copies and says « Copié ». */
  isCopyScript(src: string): boolean {
    const file = /^\/_astro\/[\w-]+\.js$/.test(src) ? this.fileFor(src) : undefined;
    const code = file ? readFileSync(file, 'utf8') : '';
    return code.includes('clipboard') && code.includes('Copié');
  }

  document(urlPath: string): Document {
    return parseHTML(this.html(urlPath)).document as unknown as Document;
  }
}

/** Visible text of an element, whitespace collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Pagefind's per-page records: gzip of "pagefind_dcd" + JSON {url, content, meta}. */
export function indexedPages(root: string): { url: string; content: string; meta: { title?: string } }[] {
  const dir = path.join(root, 'pagefind/fragment');
  return readdirSync(dir).map((name) => {
    const raw = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
    return JSON.parse(raw.slice(raw.indexOf('{')));
  });
}
