import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { homeSchema, sectorSchema } from '../../src/checks/files/schema.ts';
import { cmsConfig } from '../../src/cms/config.ts';
import { HOME_FIELDS, SECTOR_FIELDS } from '../../src/cms/labels.ts';
import { cmsBackend } from '../../src/settings.ts';

type Field = {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  pattern?: [string, string];
  value_type?: string;
  field?: Field;
  default?: unknown;
};
type Collection = { name: string; folder?: string; fields?: Field[]; files?: { file: string; fields: Field[] }[] };

const published = cmsConfig({ backend: cmsBackend({ CMS_REPO: 'exemple/site', CMS_BRANCH: 'contenu' }), siteUrl: 'https://exemple.fr/', nextOrder: 7 });
const local = cmsConfig({
  backend: cmsBackend({}),
  local: { apiUrl: 'http://localhost:4321/admin/api/v1/', siteUrl: 'http://localhost:4321/' },
  nextOrder: 7,
});
const collections = (config: Record<string, unknown>) => config.collections as Collection[];
const sectorFields = (config: Record<string, unknown>) => collections(config).find((c) => c.name === 'secteurs')!.fields!;
const homeFields = (config: Record<string, unknown>) => collections(config).find((c) => c.name === 'pages')!.files![0].fields;
const frontmatter = (fields: Field[]) => fields.filter((f) => f.name !== 'body');

/** What Decap lets through: required, the number widget's whole numbers, the pattern (tested on the text, as Decap does). */
function decapAccepts(field: Field, value: unknown): { ok: true } | { ok: false; message?: string } {
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) return field.required === false ? { ok: true } : { ok: false };
  if (field.widget === 'list') {
    if (!Array.isArray(value)) return { ok: false };
    for (const item of value) {
      const result = decapAccepts({ ...field.field!, required: true }, item);
      if (!result.ok) return result;
    }
    return { ok: true };
  }
  if (field.widget === 'number' && typeof value !== 'number') return { ok: false };
  if (field.widget === 'boolean' && typeof value !== 'boolean') return { ok: false };
  if (field.pattern && !new RegExp(field.pattern[0]).test(String(value))) return { ok: false, message: field.pattern[1] };
  return { ok: true };
}

/** Values a writer may type in each kind of field, good and bad. */
const PROBES: Record<string, unknown[]> = {
  string: [
    'La logistique',
    'a',
    '',
    '   ',
    ' x ',
    'x'.repeat(160),
    'x'.repeat(161),
    ` ${'x'.repeat(160)} `,
    'jeux-video',
    'Jeux Vidéo',
    'a--b',
    '/secteurs/a/',
    'secteurs/a',
  ],
  text: ['Une phrase.', '', 'x'.repeat(160), 'x'.repeat(161), `${'x'.repeat(159)}\n`, '  '],
  number: [1, 7, 0, -3, 120],
  boolean: [true, false],
  datetime: ['2026-01-31'],
  list: [['/secteurs/ancien/'], ['/a/', 'b'], ['secteurs/x/']],
};

function checkAgainstSchema(schema: z.ZodObject, fields: Field[], skipRequired: string[] = []) {
  const problems: string[] = [];
  for (const field of fields) {
    const one = (schema.shape as Record<string, z.ZodType>)[field.name];
    expect(PROBES, `aucune valeur d’essai pour le widget ${field.widget}`).toHaveProperty(field.widget);
    for (const value of PROBES[field.widget]) {
      if (value === '' && skipRequired.includes(field.name)) continue;
      const zod = one.safeParse(value === '' && field.required === false ? undefined : value);
      const decap = decapAccepts(field, value);
      // The form may be more lenient than the schema (the checks then report), never stricter.
      if (!decap.ok && zod.success) problems.push(`${field.name} = ${JSON.stringify(value)} : refusé par le formulaire, accepté par le schéma`);
      if (decap.ok || !decap.message) continue;
      const messages = zod.success ? [] : zod.error.issues.map((i) => i.message);
      for (const part of decap.message.split(' ; '))
        if (!messages.includes(part))
          problems.push(`${field.name} = ${JSON.stringify(value)} : message « ${part} » absent du schéma (${messages.join(' | ')})`);
    }
  }
  return problems;
}

describe('the CMS configuration, generated from the schema', () => {
  it.each([
    ['sectors', sectorSchema, sectorFields(published)],
    ['home page', homeSchema, homeFields(published)],
  ])('has one form field per %s schema field, in the schema order, and the body', (_, schema, fields) => {
    expect(fields.map((f) => f.name)).toEqual([...Object.keys(schema.shape), 'body']);
  });

  it('labels every field in French (a new schema field fails here until it has its label)', () => {
    expect(Object.keys(SECTOR_FIELDS).sort()).toEqual(Object.keys(sectorSchema.shape).sort());
    expect(Object.keys(HOME_FIELDS).sort()).toEqual(Object.keys(homeSchema.shape).sort());
    for (const field of [...sectorFields(published), ...homeFields(published)]) expect(field.label, field.name).not.toBe(field.name);
  });

  it('requires what the schema requires, and only that (order: offered, or filled by the local backend)', () => {
    for (const [schema, fields] of [
      [sectorSchema, sectorFields(published)],
      [homeSchema, homeFields(published)],
    ] as const) {
      for (const field of frontmatter(fields))
        expect(field.required, field.name).toBe(!(schema.shape as Record<string, z.ZodType>)[field.name].safeParse(undefined).success);
    }
    const order = sectorFields(published).find((f) => f.name === 'order')!;
    expect(order).toMatchObject({ required: true, default: 7, value_type: 'int' });
    expect(sectorFields(local).find((f) => f.name === 'order')).toMatchObject({ required: false });
    expect(sectorFields(local).find((f) => f.name === 'order')).not.toHaveProperty('default');
  });

  it('refuses in the form only what the schema refuses, with the message npm run check prints', () => {
    expect(checkAgainstSchema(sectorSchema, frontmatter(sectorFields(published)))).toEqual([]);
    expect(checkAgainstSchema(sectorSchema, frontmatter(sectorFields(local)), ['order'])).toEqual([]);
    expect(checkAgainstSchema(homeSchema, frontmatter(homeFields(published)))).toEqual([]);
  });

  it('expresses the constraints a form can: at most 160 characters, a positive whole number, the slug pattern, paths', () => {
    const byName = Object.fromEntries(sectorFields(published).map((f) => [f.name, f]));
    expect(decapAccepts(byName.description, 'x'.repeat(161))).toEqual({ ok: false, message: expect.stringContaining('160 caractères au plus') });
    expect(decapAccepts(byName.order, 0)).toEqual({ ok: false, message: 'order doit être un entier positif (1, 2, 3…)' });
    expect(decapAccepts(byName.slug, 'Jeux Vidéo')).toEqual({ ok: false, message: expect.stringContaining('lettres minuscules') });
    expect(decapAccepts(byName.aliases, ['secteurs/x/'])).toEqual({ ok: false, message: 'chaque alias est un chemin qui commence par « / »' });
    expect(byName.updated).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
    expect(byName.draft).toMatchObject({ widget: 'boolean', required: false });
  });

  it('keeps every body as raw markdown (the rich-text editor escapes [!TIP] and rewrites lists)', () => {
    for (const fields of [sectorFields(published), homeFields(published)])
      expect(fields.find((f) => f.name === 'body')).toMatchObject({ widget: 'markdown', modes: ['raw'] });
  });

  it('publishes through GitHub, repository and branch from the environment, every change a pull request', () => {
    expect(published).toMatchObject({ locale: 'fr', publish_mode: 'editorial_workflow', backend: { name: 'github', repo: 'exemple/site', branch: 'contenu' } });
    expect(published).not.toHaveProperty('local_backend');
    expect(collections(published).find((c) => c.name === 'secteurs')!.folder).toBe('content/secteurs');
    expect(collections(published).find((c) => c.name === 'pages')!.files![0].file).toBe('content/accueil.md');
    const proxy = cmsConfig({
      backend: cmsBackend({ CMS_REPO: 'a/b', CMS_BASE_URL: 'https://auth.exemple.fr', CMS_AUTH_ENDPOINT: 'oauth/authorize' }),
      nextOrder: 1,
    });
    expect(proxy.backend).toMatchObject({ base_url: 'https://auth.exemple.fr', auth_endpoint: 'oauth/authorize', branch: 'main' });
  });

  it('edits the content folder itself through the dev server when local', () => {
    expect(local).toMatchObject({ local_backend: { url: 'http://localhost:4321/admin/api/v1/' }, site_url: 'http://localhost:4321/' });
    expect(collections(local).find((c) => c.name === 'secteurs')!.folder).toBe('secteurs');
    expect(collections(local).find((c) => c.name === 'pages')!.files![0].file).toBe('accueil.md');
  });
});
