/**
 * The page /admin/ runs this module, which loads Decap CMS as its package ships it (the file the
 * page preloads), then, before Decap reads its configuration, registers what the project adds:
 * the file format that writes only what changed (frontmatter-format.ts), and the name of a new
 * sector's file, given by the rule of `npm run new-sector` (« Les jeux vidéo » → jeux-video.md).
 */
import { cleanTitle } from '../utils/files/new-sector.ts';
import { sectorSlugFromTitle } from '../utils/text/slug.ts';
import { FILE_NAME_KEY, FORMAT, frontmatterFormat, type FrontmatterFormat } from './frontmatter-format.ts';

/** The part of Decap's Immutable.js entries the hooks use. */
interface Data {
  get(key: string): unknown;
  set(key: string, value: unknown): Data;
}
interface Entry {
  get(key: 'collection'): string;
  get(key: 'newRecord'): boolean;
  get(key: 'data'): Data;
}
type Phrases = { [key: string]: string | Phrases };
interface Decap {
  getLocale(locale: string): Phrases;
  registerLocale(locale: string, phrases: Phrases): void;
  registerCustomFormat(name: string, extension: string, format: FrontmatterFormat): void;
  registerEventListener(listener: { name: 'preSave'; handler: (event: { entry: Entry }) => Data | undefined }): void;
  init(): void;
}
declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: Decap;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src });
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`${src} ne s’est pas chargé`)));
    document.head.append(script);
  });
}

function register(cms: Decap) {
  // A field's pattern message is the schema's, shown as `npm run check` prints it, without Decap's preamble.
  const fr = structuredClone(cms.getLocale('fr'));
  const widget = ((fr.editor as Phrases).editorControlPane as Phrases).widget as Phrases;
  widget.regexPattern = '%{pattern}';
  cms.registerLocale('fr', fr);
  // The schema's date fields, named by the page: the schema itself stays out of this module.
  const dates = (document.documentElement.dataset.dateFields ?? '').split(' ').filter(Boolean);
  cms.registerCustomFormat(FORMAT, 'md', frontmatterFormat(new Set(dates)));
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      if (entry.get('collection') !== 'secteurs' || !entry.get('newRecord')) return undefined;
      const data = entry.get('data');
      const title = cleanTitle(String(data.get('title') ?? ''));
      return data.set('title', title).set(FILE_NAME_KEY, sectorSlugFromTitle(title));
    },
  });
}

/**
 * `npm run dev` reloads every open page when a content file changes, this one included: each save
 * from the form (or from a text editor) would reload the editor a moment later and drop what the
 * writer was typing in the next entry. Decap reads the files itself, so the editor needs no reload:
 * Vite reloads a page whose path matches the payload's `.html` path only, which nothing matches here.
 */
function keepTheFormOnContentChanges() {
  import.meta.hot?.on('vite:beforeFullReload', (payload: { path?: string }) => {
    payload.path = '/admin/no-reload.html';
  });
}

async function start() {
  keepTheFormOnContentChanges();
  // Decap starts itself when its file runs, unless told to wait: the format must be known before
  // Decap checks the configuration that names it.
  window.CMS_MANUAL_INIT = true;
  const bundle = document.querySelector<HTMLLinkElement>('link[rel="preload"][as="script"]');
  if (!bundle) throw new Error('la page ne dit pas où est decap-cms.js');
  await loadScript(bundle.href);
  if (!window.CMS) throw new Error('decap-cms.js n’a pas défini window.CMS');
  register(window.CMS);
  window.CMS.init();
}

start().catch((error: unknown) => {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `L’éditeur n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`;
  document.body.append(message);
});
