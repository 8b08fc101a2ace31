import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/checks/files/frontmatter.ts';
import { homeSchema, sectorSchema } from '../../src/checks/files/schema.ts';
import { dateFields } from '../../src/cms/fields.ts';
import { FILE_NAME_KEY, frontmatterFormat } from '../../src/cms/frontmatter-format.ts';
import { newSector } from '../../src/utils/files/new-sector.ts';

import { projectRoot as root } from '../build/build-site.ts';
const sectorKeys = Object.keys(sectorSchema.shape);
const homeKeys = Object.keys(homeSchema.shape);
const format = frontmatterFormat(dateFields());
// Every real sector, the home page, and a file with all that must survive (fixture).
const files = [
  ...readdirSync(path.join(root, 'content/secteurs')).map((f) => `content/secteurs/${f}`),
  'content/accueil.md',
  'tests/fixtures/cms-round-trip/secteurs/industrie.md',
].map((file) => ({ file, source: readFileSync(path.join(root, file), 'utf8'), keys: file.endsWith('accueil.md') ? homeKeys : sectorKeys }));

/** The lines of `after` that differ from `before`'s, as [line number, before, after]; files of equal line count. */
function changedLines(before: string, after: string): [number, string, string][] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return a.flatMap((line, i) => (line === b[i] ? [] : [[i + 1, line, b[i]] as [number, string, string]]));
}

describe('the CMS file format', () => {
  it.each(files)('writes $file back byte for byte when nothing changed', ({ source, keys }) => {
    expect(format.toFile(format.fromFile(source), keys)).toBe(source);
  });

  it.each(files)('changes only the description line of $file when the description changes', ({ source, keys }) => {
    const data = format.fromFile(source);
    const after = format.toFile({ ...data, description: `${data.description} Modifié : « oui ».` }, keys);
    const [[line, , written]] = changedLines(source, after);
    expect(changedLines(source, after)).toHaveLength(1);
    expect(written).toBe(`description: ${JSON.stringify(`${data.description} Modifié : « oui ».`)}`);
    expect(parseFile(after).data?.description).toBe(`${data.description} Modifié : « oui ».`);
    expect(line).toBeGreaterThan(1);
  });

  it.each(files)('keeps the body of $file as written, footnotes, quotes, callouts and raw HTML included', ({ source, keys }) => {
    const data = format.fromFile(source);
    const body = String(data.body);
    expect(source.endsWith(body)).toBe(true);
    // A body edited at its end: the rest of the file stays as it was.
    const after = format.toFile({ ...data, body: `${body}\nUn ajout[^1] « entre guillemets ».\n` }, keys);
    expect(after.startsWith(source)).toBe(true);
    expect(after.slice(source.length)).toBe('\nUn ajout[^1] « entre guillemets ».\n');
  });

  it('keeps what Decap cannot show: a comment in the frontmatter, quotes, list items, typographic spaces', () => {
    const { source } = files.find((f) => f.file.includes('cms-round-trip'))!;
    const data = format.fromFile(source);
    const after = format.toFile({ ...data, title: 'L’industrie lourde' }, sectorKeys);
    expect(changedLines(source, after)).toEqual([[2, 'title: "L’industrie : usines & chaînes"', 'title: "L’industrie lourde"']]);
    for (const kept of [
      '# Une note de rédaction',
      '  - "/anciens/usines/"',
      '«\u202fmaintenance prédictive\u202f»',
      '> [!TIP]',
      '<kbd>Ctrl</kbd>',
      '\\* échappé',
      '1) liste',
      'finaux  \n',
      '|-----|-------:|',
      '[^1]: [Titre',
    ])
      expect(after).toContain(kept);
  });

  it('adds a ticked draft where the schema puts it, and removes it when unticked', () => {
    const source = readFileSync(path.join(root, 'content/secteurs/finance.md'), 'utf8');
    const ticked = format.toFile({ ...format.fromFile(source), draft: true }, sectorKeys);
    expect(ticked.split('\n').slice(0, 6)).toEqual(['---', source.split('\n')[1], source.split('\n')[2], 'order: 2', 'draft: true', '---']);
    expect(format.toFile({ ...format.fromFile(ticked), draft: false }, sectorKeys)).toBe(source);
  });

  it('writes a date bare, lists and texts as JSON, and nothing for emptied optional fields', () => {
    const source = readFileSync(path.join(root, 'content/secteurs/sante.md'), 'utf8');
    const after = format.toFile({ ...format.fromFile(source), updated: '2026-06-15', aliases: ['/secteurs/medecine/'], slug: '' }, sectorKeys);
    expect(after).toContain('order: 5\nupdated: 2026-06-15\naliases: ["/secteurs/medecine/"]\n---\n');
    expect(sectorSchema.safeParse(parseFile(after).data).success).toBe(true);
  });

  it('writes a new sector as npm run new-sector does, without the file name the browser adds', () => {
    const made = newSector('La logistique', 7).content;
    const [, head] = made.split('---\n');
    const written = format.toFile(
      { title: 'La logistique', description: parseFile(made).data?.description, order: 7, [FILE_NAME_KEY]: 'logistique', body: 'Texte.' },
      sectorKeys,
    );
    expect(written).toBe(`---\n${head}---\n\nTexte.\n`);
  });
});
