/**
 * The 1200×630 preview image shared pages show in chats and social networks: title and description
 * drawn by takumi (@takumi-rs/core: layout, text, raster and PNG in native code), with Inter from
 * @fontsource/inter so the build never fetches a font. Images are cached on disk, keyed by everything
 * that changes their pixels, so a rebuild draws only the images whose text changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Renderer, type MeasuredNode, type Node } from '@takumi-rs/core';
import { cacheDir } from '../../settings.ts';
import { SITE_NAME } from '../site.ts';
import { frenchTypography } from '../text/french-typography.ts';
import { linkWhole, writeWholeFile } from '../files/write-whole.ts';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
/** Bump when the drawing below changes: cached images are then redrawn. */
export const TEMPLATE_VERSION = '3';

export interface PreviewText {
  title: string;
  description: string;
  siteName: string;
}

/** One image of the site: its site path without base (previewPath, src/utils/navigation/paths.ts) and what it draws. */
export interface PreviewImage {
  path: string;
  text: PreviewText;
}

/** The text drawn on a page's image, typeset like the page: its title and description, and the site's name. */
export function previewTextOf(data: { title: string; description: string }): PreviewText {
  return { title: frenchTypography(data.title), description: frenchTypography(data.description), siteName: SITE_NAME };
}

const FONT_FILES = { 400: 'inter-latin-400-normal.woff', 700: 'inter-latin-700-normal.woff' } as const;

let fonts: { weight: 400 | 700; data: Buffer }[] | undefined;
/** The Inter files, read from the project's node_modules (the build runs from the project root, wherever it writes). */
export function previewFonts() {
  if (!fonts) {
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    fonts = Object.entries(FONT_FILES).map(([weight, file]) => ({
      weight: Number(weight) as 400 | 700,
      data: readFileSync(require.resolve(`@fontsource/inter/files/${file}`)),
    }));
  }
  return fonts;
}

let renderer: Promise<Renderer> | undefined;
/** One renderer per process, its fonts registered once (fonts passed to each render are prepared again every time). */
function getRenderer(): Promise<Renderer> {
  renderer ??= (async () => {
    const r = new Renderer();
    for (const font of previewFonts()) await r.registerFont({ name: 'Inter', weight: font.weight, style: 'normal', data: font.data });
    return r;
  })();
  return renderer;
}

const PADDING_X = 80;
const PADDING_Y = 72;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * PADDING_X;
const TITLE_LINES = 3;
/**
 * Title sizes, largest first, and the lines each may take: a long title gets a smaller font so that it fits
 * in full (a question cut before its end reads badly); at 80 px a third line would crowd the description.
 */
const TITLE_FITS = [
  { size: 80, lines: 2 },
  { size: 64, lines: TITLE_LINES },
  { size: 54, lines: TITLE_LINES },
  { size: 46, lines: TITLE_LINES },
  { size: 40, lines: TITLE_LINES },
];

type Style = NonNullable<Node['style']>;
const box = (style: Style, children: Node[]): Node => ({ type: 'container', style, children });
// Width and lineClamp apply to a text node only as a flex item: each one below has a flex parent.
const line = (style: Style, text: string): Node => ({ type: 'text', text, style });
const titleStyle = (fontSize: number): Style => ({ width: TEXT_WIDTH, fontSize, fontWeight: 700, lineHeight: 1.1 });
const column = (children: Node[]): Node => box({ display: 'flex', flexDirection: 'column', width: TEXT_WIDTH }, children);

function drawing(text: PreviewText, titleSize: number): Node {
  return box(
    {
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      // The padding lies inside the 1200×630: with the default content-box the accent bar fell below the image.
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PADDING_Y}px ${PADDING_X}px`,
      backgroundColor: '#1e3a8a',
      color: '#ffffff',
      fontFamily: 'Inter',
    },
    [
      line({ fontSize: 30, fontWeight: 700, color: '#bfdbfe' }, text.siteName),
      column([
        line({ ...titleStyle(titleSize), lineClamp: TITLE_LINES }, text.title),
        line({ width: TEXT_WIDTH, fontSize: 36, lineHeight: 1.35, marginTop: 28, color: '#e0e7ff', lineClamp: 3 }, text.description),
      ]),
      box({ width: 160, height: 10, backgroundColor: '#60a5fa', borderRadius: 5 }, []),
    ],
  );
}

/** The lines of a measured text node, top to bottom: the runs of one line share its y. */
function lines(node: MeasuredNode): string[] {
  const byLine = new Map<number, string>();
  for (const run of node.runs) byLine.set(run.y, (byLine.get(run.y) ?? '') + run.text);
  return [...byLine.values()];
}

/**
 * The largest title size at which the title holds on its lines, measured by takumi with the real fonts,
 * all sizes in one layout. A title too long even at the smallest is cut with "…" (lineClamp).
 */
async function fitTitleSize(r: Renderer, title: string): Promise<number> {
  const measured = await r.measure(column(TITLE_FITS.map(({ size }) => line(titleStyle(size), title))), { width: TEXT_WIDTH });
  return (TITLE_FITS.find((fit, i) => lines(measured.children[i]).length <= fit.lines) ?? TITLE_FITS.at(-1)!).size;
}

/** The image as a takumi node tree, its title at the size that fits. */
export async function previewTree(text: PreviewText): Promise<Node> {
  return drawing(text, await fitTitleSize(await getRenderer(), text.title));
}

export async function renderPreview(text: PreviewText): Promise<Buffer> {
  return (await getRenderer()).render(await previewTree(text), { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, format: 'png' });
}

/** The title's size and the lines the image draws, as takumi lays them out: what the tests check. */
export async function previewLayout(text: PreviewText): Promise<{ titleSize: number; title: string[]; description: string[] }> {
  const r = await getRenderer();
  const titleSize = await fitTitleSize(r, text.title);
  const block = (await r.measure(drawing(text, titleSize), { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT })).children[1];
  return { titleSize, title: lines(block.children[0]), description: lines(block.children[1]) };
}

let fontsDigest: string | undefined;

/** Everything the pixels depend on: the text, the drawing, the font files (hashed once per process). */
export function previewKey(text: PreviewText): string {
  if (fontsDigest === undefined) {
    const fontsHash = createHash('sha256');
    for (const font of previewFonts()) fontsHash.update(font.data);
    fontsDigest = fontsHash.digest('hex');
  }
  return createHash('sha256')
    .update(JSON.stringify([TEMPLATE_VERSION, text.title, text.description, text.siteName, fontsDigest]))
    .digest('hex')
    .slice(0, 32);
}

const cacheFolder = () => path.join(cacheDir(), 'preview-images');
const cachedFile = (text: PreviewText, folder: string) => path.join(folder, `${previewKey(text)}.png`);

/** Draws the image and stores it as `file` in the cache `folder` (atomically: parallel builds may share a cache). */
async function drawIntoCache(text: PreviewText, file: string, folder: string): Promise<Buffer> {
  const png = await renderPreview(text);
  await madeFolder(folder);
  await writeWholeFile(file, png);
  return png;
}

/** The PNG from the cache (in Astro's cache folder), or drawn and stored there: what the dev server serves. */
export async function cachedPreview(text: PreviewText, folder = cacheFolder()): Promise<Buffer> {
  const file = cachedFile(text, folder);
  try {
    return await readFile(file);
  } catch {
    return drawIntoCache(text, file, folder);
  }
}

/**
 * Puts the PNG at `destination`, in a folder that exists (a build's output): the cached file, linked there
 * (linkWhole), drawn into the cache first when missing.
 */
export async function writePreview(text: PreviewText, destination: string, folder = cacheFolder()): Promise<void> {
  const file = cachedFile(text, folder);
  try {
    await linkWhole(file, destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await drawIntoCache(text, file, folder);
    await linkWhole(file, destination);
  }
}

// The cache folder is made once per process (it is never removed during a build).
const madeFolders = new Map<string, Promise<unknown>>();
const madeFolder = (folder: string) => madeFolders.get(folder) ?? madeFolders.set(folder, mkdir(folder, { recursive: true })).get(folder);
