import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localModuleGraph, relativeImports, sourceDigest } from '../../src/build/source-digest.ts';

const projectRoot = path.resolve(import.meta.dirname, '../..');

describe('relativeImports', () => {
  it('finds the relative modules a file imports or re-exports, types and dynamic imports included', () => {
    const source = [
      "import { a } from './a';",
      "import type { B } from '../b.ts';",
      "export { c } from './c';",
      "import './d';",
      "const e = await import('./e');",
      "import remarkGfm from 'remark-gfm';",
      "import path from 'node:path';",
    ].join('\n');
    expect(relativeImports(source)).toEqual(['./a', '../b.ts', './c', './d', './e']);
  });
});

describe('sourceDigest', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function project(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'pe-digest-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'lib/sub'), { recursive: true });
    writeFileSync(path.join(dir, 'lib/entry.ts'), "import { b } from './b';\nimport type { C } from './sub/c';\nexport const x = b;\n");
    writeFileSync(path.join(dir, 'lib/b.ts'), "export { c as b } from './sub/c';\n");
    writeFileSync(path.join(dir, 'lib/sub/c.ts'), 'export const c = 1;\nexport type C = number;\n');
    writeFileSync(path.join(dir, 'lib/unrelated.ts'), 'export const u = 1;\n');
    writeFileSync(path.join(dir, 'lock.json'), '{}');
    return dir;
  }
  const digest = (dir: string) => sourceDigest(dir, [path.join(dir, 'lib/entry.ts')], [path.join(dir, 'lock.json')]);

  it('follows the imports of the entry, through several levels', () => {
    const dir = project();
    expect(localModuleGraph([path.join(dir, 'lib/entry.ts')]).map((f) => path.relative(dir, f))).toEqual(['lib/b.ts', 'lib/entry.ts', 'lib/sub/c.ts']);
  });

  it('changes when an imported module or an extra file changes, not when another module does', () => {
    const dir = project();
    const before = digest(dir);
    writeFileSync(path.join(dir, 'lib/unrelated.ts'), 'export const u = 2;\n');
    expect(digest(dir)).toBe(before);
    writeFileSync(path.join(dir, 'lib/sub/c.ts'), 'export const c = 2;\nexport type C = number;\n');
    const afterModule = digest(dir);
    expect(afterModule).not.toBe(before);
    writeFileSync(path.join(dir, 'lock.json'), '{"v":2}');
    expect(digest(dir)).not.toBe(afterModule);
  });

  it('does not depend on where the project is', () => {
    const dir = project();
    const moved = mkdtempSync(path.join(tmpdir(), 'pe-digest-'));
    dirs.push(moved);
    cpSync(dir, moved, { recursive: true });
    expect(digest(moved)).toBe(digest(dir));
  });

  it('throws on an import it cannot find rather than leave a file out', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'lib/b.ts'), "export { c as b } from './sub/missing';\n");
    expect(() => digest(dir)).toThrow(/missing/);
  });

  it('covers the markdown pipeline: every plugin module, not the page code', () => {
    const src = path.join(projectRoot, 'src');
    const graph = localModuleGraph([path.join(src, 'markdown/pipeline.ts')]).map((f) => path.relative(src, f));
    for (const plugin of [
      'markdown/pipeline.ts',
      'markdown/typography/remark-smartypants.ts',
      'markdown/footnotes/rehype-footnote-previews.ts',
      'utils/text/french-typography.ts',
      'markdown/links/rehype-heading-anchors.ts',
      'markdown/footnotes/remark-references.ts',
      'markdown/blocks/rehype-callouts.ts',
      'markdown/blocks/rehype-copy-buttons.ts',
      'checks/content-checks.ts',
      'checks/rules/remark-page-links.ts',
      'checks/rules/remark-html-allowlist.ts',
      'checks/rules/remark-callout-checks.ts',
    ]) {
      expect(graph).toContain(plugin);
    }
    expect(graph).not.toContain('utils/navigation/nav.ts');
    expect(graph).not.toContain('build/cache-key.ts');
  });
});

describe('astro.config.ts', () => {
  it('gives the markdown processor the pipeline’s digest, in the options Astro’s config digests serialise', async () => {
    const config = (await import('../../astro.config.ts')).default;
    const expected = sourceDigest(projectRoot, [path.join(projectRoot, 'src/markdown/pipeline.ts')], [path.join(projectRoot, 'package-lock.json')]);
    const processor = config.markdown?.processor as { options: Record<string, unknown> };
    expect(processor.options.sourceDigest).toBe(expected);
    // Astro's digests are JSON of the config: the plugins become null, the digest stays.
    expect(JSON.stringify(config.markdown)).toContain(expected);
  });
});
