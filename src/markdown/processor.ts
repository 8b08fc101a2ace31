/**
 * The markdown processor Astro and the build's markdown workers render with: Astro's unified() with the
 * site's pipeline (pipeline.ts), whose renderer takes the steps of Astro's own (createMarkdownProcessor in
 * @astrojs/markdown-remark), in its order, with two of them run only where they have something to do:
 * rehype-raw, which passes the whole page through an HTML parser, on files with HTML written in them
 * (parse/rehype-raw-where-written.ts), and the image step, which walks the whole tree twice, on files with an
 * image. A configuration that asks Astro's renderer for more (syntax highlighting, its GFM or smartypants, its
 * benchmark mode) gets Astro's renderer. tests/unit/markdown-processor.test.ts holds the two to the same HTML
 * on every content file and fixture.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rehypeHeadingIds, remarkCollectImages, unified as astroUnified } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import type { Root as MarkdownRoot } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { rehypeRawWhereWritten } from './parse/rehype-raw-where-written.ts';
import { markdownOptions } from './pipeline.ts';
import { treeNodes } from './shared/tree-nodes.ts';

type Processor = ReturnType<typeof astroUnified>;
type Shared = Parameters<Processor['createRenderer']>[0];
type Renderer = Awaited<ReturnType<Processor['createRenderer']>>;

// Astro's step that hands markdown images to astro:assets: its package exports the index only, which does not list it.
const astroMarkdownDist = path.dirname(createRequire(import.meta.url).resolve('@astrojs/markdown-remark'));
const { rehypeImages } = (await import(/* @vite-ignore */ pathToFileURL(path.join(astroMarkdownDist, 'rehype-images.js')).href)) as {
  rehypeImages: () => (tree: Root, file: VFile) => void;
};

/** The site's processor; `options` other than the site's pipeline are for tests. */
export function markdownProcessor(options: Parameters<typeof astroUnified>[0] = markdownOptions): Processor {
  const processor = astroUnified(options);
  const astroRenderer = processor.createRenderer.bind(processor);
  processor.createRenderer = async (shared) => {
    const { options } = processor;
    const astroOnly =
      shared.syntaxHighlight || (options.gfm ?? shared.gfm) || (options.smartypants ?? shared.smartypants) !== false || process.env.ASTRO_PERFORMANCE_BENCHMARK;
    return astroOnly ? astroRenderer(shared) : renderer(shared, options);
  };
  return processor;
}

/**
 * Astro's image step, on files with an image: found in the index of the tree's nodes that the pipeline's plugins and
 * checks have already made. A file without one gets from the step lists of none, which the renderer gives when it does not run.
 */
function remarkCollectImagesWhereAny(options: Shared['image']) {
  const collect = remarkCollectImages(options);
  return (tree: MarkdownRoot, file: VFile) => {
    const nodes = treeNodes(tree);
    return nodes.of('image').length || nodes.of('imageReference').length ? collect(tree, file) : undefined;
  };
}

function renderer(shared: Shared, options: Processor['options']): Renderer {
  const parser = unified()
    .use(remarkParse)
    .use(options.remarkPlugins as PluggableList)
    .use(remarkCollectImagesWhereAny, shared.image)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...options.remarkRehype })
    .use(options.rehypePlugins as PluggableList)
    .use(rehypeImages)
    .use(rehypeHeadingIds)
    .use(rehypeRawWhereWritten)
    .use(rehypeStringify, { allowDangerousHtml: true })
    .freeze();
  return {
    async render(content, renderOptions) {
      const file = new VFile({ value: content, path: renderOptions?.fileURL, data: { astro: { frontmatter: renderOptions?.frontmatter ?? {} } } });
      const result = await parser.process(file).catch((error: unknown) => {
        // As Astro's renderer reports it.
        if (error instanceof Error) error.message = `Failed to parse Markdown file "${file.path}":\n${error.message}`;
        console.error(error);
        throw error;
      });
      const astro = result.data.astro ?? {};
      return {
        code: String(result.value),
        metadata: {
          headings: astro.headings ?? [],
          localImagePaths: astro.localImagePaths ?? [],
          remoteImagePaths: astro.remoteImagePaths ?? [],
          frontmatter: astro.frontmatter ?? {},
        },
      };
    },
  };
}
