import yaml from 'js-yaml';
import { homeSchema, sectorSchema } from '../checks/files/schema.ts';
import type { CmsBackend } from '../settings.ts';
import { schemaFields, type Rule, type SchemaField } from './fields.ts';
import { FILE_NAME_KEY, FORMAT } from './frontmatter-format.ts';
import { BODY_TEXT, HOME_FIELDS, ORDER_FILLED_HINT, SECTOR_FIELDS, type FieldText } from './labels.ts';

/**
 * Decap CMS's configuration (served as /admin/config.yml): the site's two collections with the fields
 * of its schema. Two ways to run it. Published: the GitHub backend, every change a pull request
 * (editorial workflow) that CI checks. Local (`npm run dev`): the dev server's own local backend
 * (src/cms/local-backend.ts), which writes into the content folder at once.
 */

export interface CmsOptions {
  backend: CmsBackend;
  /** The public address of the site, base included, if known: the editor links to each page. */
  siteUrl?: string;
  /** Local editing: the local backend's address, and the dev server's address for the links to pages. */
  local?: { apiUrl: string; siteUrl: string };
  /** The next free order, offered to a new sector when no server can pick it at save time (GitHub). */
  nextOrder: number;
}

type DecapField = Record<string, unknown>;

/** One Decap `pattern` for several rules: all must match (lookaheads at the start), all messages shown. */
function pattern(rules: Rule[]): { pattern?: [string, string] } {
  if (!rules.length) return {};
  if (rules.length === 1) return { pattern: [rules[0].pattern, rules[0].message] };
  return { pattern: [`^${rules.map((r) => `(?=[\\s\\S]*?(?:${r.pattern}))`).join('')}`, rules.map((r) => r.message).join(' ; ')] };
}

function decapField(field: SchemaField, text: FieldText | undefined): DecapField {
  const common = { name: field.name, label: text?.label ?? field.name, required: field.required, ...(text?.hint && { hint: text.hint }) };
  switch (field.kind) {
    case 'text':
      return { ...common, widget: text?.multiline ? 'text' : 'string', ...pattern(field.rules) };
    case 'number':
      return { ...common, widget: 'number', value_type: field.integer ? 'int' : 'float', ...(field.integer && { step: 1 }), ...pattern(field.rules) };
    case 'boolean':
      return { ...common, widget: 'boolean' };
    case 'date':
      // A date without time, kept as the text YYYY-MM-DD the file holds.
      return { ...common, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false };
    case 'list': {
      const { required, hint, ...item } = decapField(field.item!, { label: text?.item?.label ?? common.label });
      return { ...common, widget: 'list', ...(text?.item && { label_singular: text.item.singular }), field: item };
    }
  }
}

/** The body of every file: its markdown as written (the rich-text editor rewrites it, escaping `[!TIP]`). */
const body: DecapField = { name: 'body', label: BODY_TEXT.label, hint: BODY_TEXT.hint, widget: 'markdown', modes: ['raw'], required: true };

export function sectorFields(options: Pick<CmsOptions, 'local' | 'nextOrder'>): DecapField[] {
  return schemaFields(sectorSchema).map((field) => {
    const decap = decapField(field, SECTOR_FIELDS[field.name]);
    if (field.name !== 'order') return decap;
    // The schema requires an order; a new sector gets the next free one, as with `npm run new-sector`:
    // at save time by the local backend, or offered in the form when publishing through GitHub.
    return options.local ? { ...decap, required: false, hint: `${decap.hint} ${ORDER_FILLED_HINT}` } : { ...decap, default: options.nextOrder };
  });
}

export function homeFields(): DecapField[] {
  return schemaFields(homeSchema).map((field) => decapField(field, HOME_FIELDS[field.name]));
}

export function cmsConfig(options: CmsOptions): Record<string, unknown> {
  const { backend, local } = options;
  // The GitHub backend edits the repository's content/; the local backend's root is the content folder itself.
  const inContent = (rel: string) => (local ? rel : `content/${rel}`);
  const siteUrl = local?.siteUrl ?? options.siteUrl;
  return {
    locale: 'fr',
    backend: {
      name: 'github',
      ...(backend.repo && { repo: backend.repo }),
      branch: backend.branch,
      ...(backend.baseUrl && { base_url: backend.baseUrl }),
      ...(backend.authEndpoint && { auth_endpoint: backend.authEndpoint }),
      commit_messages: {
        create: '{{collection}} « {{slug}} » : création',
        update: '{{collection}} « {{slug}} » : modification',
        delete: '{{collection}} « {{slug}} » : suppression',
        uploadMedia: 'Média « {{path}} » : ajout',
        deleteMedia: 'Média « {{path}} » : suppression',
      },
    },
    // Every change a pull request, merged once CI's checks pass (the local backend has no workflow).
    publish_mode: 'editorial_workflow',
    ...(local && { local_backend: { url: local.apiUrl } }),
    ...(siteUrl && { site_url: siteUrl, display_url: siteUrl }),
    // Decap requires a media folder; no field takes an image yet, and the local backend refuses uploads.
    media_folder: inContent('medias'),
    public_folder: '../medias',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'secteurs',
        label: 'Secteurs',
        label_singular: 'Secteur',
        description: 'Une page par secteur. Le nom du fichier d’un nouveau secteur vient de son titre, sans l’article : « Les jeux vidéo » → jeux-video.md.',
        folder: inContent('secteurs'),
        extension: 'md',
        format: FORMAT,
        create: true,
        // Removing a page breaks the links to it: that stays a developer's change.
        delete: false,
        identifier_field: 'title',
        slug: `{{fields.${FILE_NAME_KEY}}}`,
        summary: "{{order}}. {{title}}{{draft | ternary(' (brouillon)', '')}}",
        sortable_fields: [{ field: 'order', label: 'Ordre', default_sort: 'asc' }, 'title'],
        view_filters: [{ label: 'Brouillons', field: 'draft', pattern: true }],
        preview_path: 'secteurs/{{slug}}/',
        editor: { preview: false },
        fields: [...sectorFields(options), body],
      },
      {
        name: 'pages',
        label: 'Pages',
        format: FORMAT,
        delete: false,
        editor: { preview: false },
        files: [{ name: 'accueil', label: 'Page d’accueil', file: inContent('accueil.md'), preview_path: '', fields: [...homeFields(), body] }],
      },
    ],
  };
}

/** The configuration as Decap reads it, with a line saying where it comes from. */
export function cmsConfigText(options: CmsOptions): string {
  return `# Généré par src/cms/config.ts à partir du schéma du contenu (src/checks/files/schema.ts) : ne pas modifier.\n${yaml.dump(cmsConfig(options), { lineWidth: -1, noRefs: true })}`;
}
