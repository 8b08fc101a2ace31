import type { z } from 'astro/zod';
import { homeSchema, sectorSchema } from '../checks/files/schema.ts';

/**
 * The CMS's form fields, read from the frontmatter schema (src/checks/files/schema.ts): a field added there
 * appears in the form, and every constraint a Decap field can express (required, a length, a
 * positive whole number, a pattern) is set from the schema with the message `npm run check` prints.
 * What a form cannot say (a text made only of spaces, a wrong type) is left to the checks.
 */

type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'list';

/** A constraint a form can test on the text the writer typed, with the schema's message. */
export interface Rule {
  /** Tested on the whole value, as Decap tests `pattern`. */
  pattern: string;
  message: string;
}

/** One frontmatter field as the schema defines it. */
export interface SchemaField {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** Whole numbers only (number fields). */
  integer?: boolean;
  rules: Rule[];
  /** The items of a list. */
  item?: SchemaField;
}

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  pattern?: RegExp;
  prefix?: string;
  error?: (issue: object) => unknown;
}

const def = (schema: Schema) => schema._zod.def as unknown as Def;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message a check gives, the one the checks' report prints. */
function messageOf(check: CheckDef): string {
  const result = check.error?.({ code: check.check, input: undefined });
  const message = typeof result === 'string' ? result : (result as { message?: string } | undefined)?.message;
  if (!message) throw new Error(`src/cms/fields.ts : la contrainte ${check.check} du schéma n’a pas de message en français`);
  return message;
}

/** Whether a string schema trims before its checks (`.trim()`): lengths then count without the spaces around. */
const trims = (schema: Schema) => (schema as unknown as z.ZodType).safeParse(' a ').data === 'a';

/** A text whose length, spaces around left out if the schema trims them, is between `min` and `max`. */
function lengthPattern(min: number, max: number | undefined, trimmed: boolean): string {
  const count = `{${min},${max ?? ''}}`;
  if (!trimmed) return `^[\\s\\S]${count}$`;
  const core = `(?=\\S)[\\s\\S]{${Math.max(min, 1)},${max ?? ''}}(?<=\\S)`;
  return min > 0 ? `^\\s*${core}\\s*$` : `^\\s*(?:${core})?\\s*$`;
}

function stringRules(schema: Schema, checks: CheckDef[], required: boolean): Rule[] {
  const rules: Rule[] = [];
  const min = checks.find((c) => c.check === 'min_length');
  const max = checks.find((c) => c.check === 'max_length');
  // An empty required field is Decap's own "required" message; a longer minimum needs a pattern.
  const minAbove = min && (min.minimum ?? 0) > (required ? 1 : 0) ? min : undefined;
  if (max || minAbove)
    rules.push({
      pattern: lengthPattern(minAbove?.minimum ?? 0, max?.maximum, trims(schema)),
      message: [minAbove, max]
        .filter((c) => c !== undefined)
        .map(messageOf)
        .join(' ; '),
    });
  for (const check of checks) {
    if (check.check !== 'string_format') continue;
    if (check.format === 'regex' && check.pattern) rules.push({ pattern: check.pattern.source, message: messageOf(check) });
    else if (check.format === 'starts_with' && check.prefix !== undefined) rules.push({ pattern: `^${escape(check.prefix)}`, message: messageOf(check) });
  }
  return rules;
}

function numberRules(checks: CheckDef[]): Rule[] {
  const low = checks.find((c) => c.check === 'greater_than');
  if (!low) return [];
  // Decap tests a pattern on the number written out: a positive (or non-negative) whole number.
  if (low.value === 0 && low.inclusive === false) return [{ pattern: '^[1-9][0-9]*$', message: messageOf(low) }];
  if (low.value === 0 && low.inclusive === true) return [{ pattern: '^(?:0|[1-9][0-9]*)$', message: messageOf(low) }];
  throw new Error(`src/cms/fields.ts : le minimum ${low.value} du schéma n’a pas encore de forme dans le CMS`);
}

/** One field of an object schema. */
function schemaField(name: string, schema: Schema): SchemaField {
  let inner = schema;
  let required = true;
  while (['optional', 'default', 'nullable'].includes(def(inner).type)) {
    required = false;
    inner = def(inner).innerType!;
  }
  const d = def(inner);
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  switch (d.type) {
    case 'string':
      return { name, kind: 'text', required, rules: stringRules(inner, checks, required) };
    case 'number':
      return {
        name,
        kind: 'number',
        required,
        integer: checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? '')),
        rules: numberRules(checks),
      };
    case 'boolean':
      return { name, kind: 'boolean', required, rules: [] };
    case 'date':
      return { name, kind: 'date', required, rules: [] };
    case 'array':
      return { name, kind: 'list', required, rules: [], item: schemaField(name, d.element!) };
    default:
      throw new Error(`src/cms/fields.ts : le champ « ${name} » est de type ${d.type}, que le CMS ne sait pas encore présenter`);
  }
}

/** Every field of an object schema, in the schema's order (the order files are written in). */
export function schemaFields(schema: z.ZodObject): SchemaField[] {
  return Object.entries(schema.shape).map(([name, field]) => schemaField(name, field as Schema));
}

/** The fields the schemas read as dates: the file format writes them bare (src/cms/frontmatter-format.ts). */
export function dateFields(): Set<string> {
  return new Set([...schemaFields(sectorSchema), ...schemaFields(homeSchema)].filter((f) => f.kind === 'date').map((f) => f.name));
}
