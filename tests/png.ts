import { inflateSync } from 'node:zlib';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk (bytes 16–23), to check what was written. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (png.length < 24 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('pas une image PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * The colour of each pixel as `#rrggbb`, from a non-interlaced 8-bit PNG (palette, RGB or RGBA, the
 * alpha ignored): enough to check where something was drawn.
 */
export function pngPixels(png: Uint8Array): { width: number; height: number; colour: (x: number, y: number) => string } {
  const { width, height } = pngSize(png);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const [depth, type, , , interlace] = png.subarray(24, 29);
  const channels = { 2: 3, 3: 1, 6: 4 }[type];
  if (depth !== 8 || !channels || interlace) throw new Error(`PNG non lu : profondeur ${depth}, type ${type}, entrelacement ${interlace}`);
  let palette: Uint8Array = new Uint8Array();
  const data: Uint8Array[] = [];
  for (let at = 8; at < png.length;) {
    const length = view.getUint32(at);
    const name = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (name === 'PLTE') palette = png.subarray(at + 8, at + 8 + length);
    if (name === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  // Undo each row's filter (PNG spec, section 9): every byte was stored relative to its left, upper or upper-left neighbour.
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const paeth = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter];
      if (predictor === undefined) throw new Error(`filtre PNG inconnu : ${filter}`);
      pixels[y * stride + i] = (row[i] + predictor) & 0xff;
    }
  }
  const hex = (bytes: ArrayLike<number>) => `#${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  return {
    width,
    height,
    colour: (x, y) => {
      const at = y * stride + x * channels;
      return type === 3 ? hex(palette.subarray(pixels[at] * 3, pixels[at] * 3 + 3)) : hex(pixels.subarray(at, at + 3));
    },
  };
}
