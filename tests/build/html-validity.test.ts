import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** The W3C Nu validator (vnu-jar), run by the machine's Java: never a downloaded one. */
const VNU = path.join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
const java = spawnSync('java', ['-version']).status === 0;
const JAVA_HINT = 'Java introuvable pour le validateur Nu : installez-le avec `apt-get install -y default-jre-headless`.';
// Its CSS checker does not know `@property` (CSS Properties and Values API), which Tailwind 4 emits and browsers support.
const KNOWN_CSS_GAP = /^CSS: Unrecognized at-rule “@property”/;

function nuErrors(dir: string): string[] {
  const result = spawnSync('java', ['-jar', VNU, '--format', 'json', '--skip-non-html', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { messages } = JSON.parse(result.stderr || result.stdout) as { messages: { type: string; message: string; url: string; lastLine?: number }[] };
  return messages
    .filter((m) => m.type === 'error' && !KNOWN_CSS_GAP.test(m.message))
    .map((m) => `${path.relative(dir, new URL(m.url).pathname)}:${m.lastLine ?? '?'} ${m.message}`);
}

const describeWithJava = java ? describe : process.env.CI === 'true' ? describe : describe.skip;

describeWithJava(`the W3C Nu validator${java ? '' : ` — ${JAVA_HINT}`}`, () => {
  it('runs, and reports a real mistake', () => {
    if (!java) throw new Error(`${JAVA_HINT} (obligatoire en CI)`);
    const dir = mkdtempSync(path.join(tmpdir(), 'pe-nu-'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html lang="fr"><head><title>t</title><link rel="icon" href="data:image/svg+xml,<svg a>"></head><body></body></html>',
    );
    try {
      expect(nuErrors(dir)).toEqual([expect.stringContaining('Illegal character')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['the site', inject('builds').site],
    ['the site under /prompt/ with its public address', inject('builds').linking],
  ])('finds no error on any page of %s', (_, dir) => {
    expect(nuErrors(dir)).toEqual([]);
  });
});
