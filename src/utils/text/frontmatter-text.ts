/**
 * How the project writes a frontmatter line: `key: value` on one line, the value as JSON. JSON is a
 * subset of YAML, so any text is safe (« : », quotes, « # ») and nothing is folded. A date is the
 * exception: written bare (`updated: 2026-01-31`), YAML reads it as a date, as the schema wants.
 * `npm run new-sector` and the CMS's file format (src/cms/frontmatter-format.ts) both write this way.
 */
export function frontmatterLine(key: string, value: unknown, kind?: 'date'): string {
  if (kind === 'date') {
    const day = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) return `${key}: ${day}`;
  }
  return `${key}: ${JSON.stringify(value instanceof Date ? value.toISOString() : value)}`;
}
