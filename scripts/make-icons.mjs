// Writes the extension's toolbar icons (public/icons/icon-{16,32,48,128}.png) with nothing but
// node:zlib: a rounded indigo tile with three white "chip" bars, drawn per pixel so every size is
// crisp without an image library. Run: node scripts/make-icons.mjs (the PNGs are committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const SIZES = [16, 32, 48, 128];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** @param {Uint8Array} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * RGBA pixels -> PNG bytes (colour type 6, no filtering).
 * @param {number} size
 * @param {(x: number, y: number) => ArrayLike<number>} pixel
 */
export function encodePng(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x, y), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** @param {number} size @returns {(x: number, y: number) => number[]} */
function iconPixel(size) {
  const r = size * 0.2; // corner radius
  const bars = [
    { y: 0.26, w: 0.62 },
    { y: 0.46, w: 0.44 },
    { y: 0.66, w: 0.54 },
  ];
  const barH = Math.max(1, size * 0.12);
  return (x, y) => {
    const cx = x + 0.5;
    const cy = y + 0.5;
    // Rounded-square mask.
    const dx = Math.max(r - cx, 0, cx - (size - r));
    const dy = Math.max(r - cy, 0, cy - (size - r));
    if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
    for (const b of bars) {
      const top = size * b.y;
      if (cy >= top && cy < top + barH && cx >= size * 0.19 && cx < size * (0.19 + b.w)) return [255, 255, 255, 255];
    }
    return [79, 70, 229, 255]; // indigo-600
  };
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, iconPixel(size)));
  console.log(`wrote ${file}`);
}
