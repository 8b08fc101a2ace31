/**
 * The 1200×630 preview image shared pages show in chats and social networks:
 * title and description drawn with satori (SVG) and rasterised by resvg (PNG), with Inter from
 * @fontsource/inter so the build never fetches a font. Rendering costs tens of milliseconds, so
 * images are cached on disk, keyed by everything that changes their pixels.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cacheDir } from '../settings.ts';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
/** Bump when the drawing below changes: cached images are then redrawn. */
export const TEMPLATE_VERSION = '2';

export interface PreviewText {
  title: string;
  description: string;
  siteName: string;
}

const FONT_FILES = { 400: 'inter-latin-400-normal.woff', 700: 'inter-latin-700-normal.woff' } as const;

let fonts: { weight: 400 | 700; data: Buffer }[] | undefined;
/** Read from the project's node_modules (the build runs from the project root, wherever it writes). */
function loadFonts(projectRoot = process.cwd()) {
  if (!fonts) {
    const require = createRequire(path.join(projectRoot, 'package.json'));
    fonts = Object.entries(FONT_FILES).map(([weight, file]) => ({
      weight: Number(weight) as 400 | 700,
      data: readFileSync(require.resolve(`@fontsource/inter/files/${file}`)),
    }));
  }
  return fonts;
}

const PADDING_X = 80;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * PADDING_X;

/** Long titles get a smaller font so that they fit in full (a question cut before its end reads badly). */
const titleSize = (title: string) => (title.length <= 32 ? 80 : title.length <= 60 ? 64 : 54);

const el = (type: string, style: Record<string, unknown>, children: unknown) => ({ type, props: { style, children } });

export async function renderPreview(text: PreviewText): Promise<Buffer> {
  const tree = el(
    'div',
    {
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `72px ${PADDING_X}px`,
      background: '#1e3a8a',
      color: '#ffffff',
      fontFamily: 'Inter',
    },
    [
      el('div', { display: 'flex', fontSize: 30, fontWeight: 700, color: '#bfdbfe' }, text.siteName),
      // Explicit widths: text wraps inside the padding instead of running off the image.
      el('div', { display: 'flex', flexDirection: 'column', width: TEXT_WIDTH }, [
        el('div', { width: TEXT_WIDTH, fontSize: titleSize(text.title), fontWeight: 700, lineHeight: 1.1, lineClamp: 3, display: 'block' }, text.title),
        el('div', { width: TEXT_WIDTH, fontSize: 36, lineHeight: 1.35, marginTop: 28, color: '#e0e7ff', lineClamp: 3, display: 'block' }, text.description),
      ]),
      el('div', { display: 'flex', height: 10, width: 160, background: '#60a5fa', borderRadius: 5 }, []),
    ],
  );
  const svg = await satori(tree as Parameters<typeof satori>[0], {
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    fonts: loadFonts().map((f) => ({ name: 'Inter', data: f.data, weight: f.weight, style: 'normal' as const })),
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: PREVIEW_WIDTH } }).render().asPng();
}

/** Everything the pixels depend on: the text, the drawing, the font files. */
export function previewKey(text: PreviewText): string {
  const hash = createHash('sha256').update(JSON.stringify([TEMPLATE_VERSION, text.title, text.description, text.siteName]));
  for (const font of loadFonts()) hash.update(font.data);
  return hash.digest('hex').slice(0, 32);
}

/** The PNG from the cache (in Astro's cache folder), or drawn and stored there (atomically: parallel builds may share a cache). */
export async function cachedPreview(text: PreviewText, folder = path.join(cacheDir(), 'preview-images')): Promise<Buffer> {
  const file = path.join(folder, `${previewKey(text)}.png`);
  try {
    return readFileSync(file);
  } catch {
    // Not cached yet.
  }
  const png = await renderPreview(text);
  mkdirSync(folder, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return png;
}
