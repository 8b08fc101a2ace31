import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from './build-site.ts';
import { BuiltSite } from './site.ts';

const site = new BuiltSite(inject('builds').site);
// The committed config, passed explicitly: the built files live in a temporary
// folder, where html-validate's own search for a config file would find none.
const validator = new HtmlValidate(JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')));

describe('the built HTML', () => {
  it('is checked with the committed rules', async () => {
    const report = await validator.validateString('<!doctype html><html lang="fr"><head><title>t</title></head><body><main></main><main></main></body></html>');
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toContain('no-multiple-main');
  });

  it('has no html-validate error on any page', async () => {
    const problems: string[] = [];
    for (const page of site.pages()) {
      const file = site.fileFor(page)!;
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) {
          problems.push(`${page} (${path.basename(file)}):${m.line}:${m.column} ${m.ruleId} — ${m.message}${m.selector ? ` — ${m.selector}` : ''}`);
        }
      }
    }
    expect(site.pages().length).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });
});
