// Regenerates build/icon.png (512x512 RGBA): a white shield on a rounded blue square.
// Dependency-free on purpose: node:zlib does the PNG compression. Run: node build/generate-icon.mjs
// Node globals are imported explicitly: eslint gives build/ no Node environment.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // per axis, for anti-aliased edges
const BACKGROUND = [31, 95, 139];
const SHIELD = [255, 255, 255];

/** Coverage of each shape at a point in 0..1 icon space. */
function inRoundedSquare(x, y) {
  const margin = 0.04;
  const radius = 0.18;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (
    (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 &&
    x >= margin &&
    x <= 1 - margin &&
    y >= margin &&
    y <= 1 - margin
  );
}

function inShield(x, y) {
  const top = 0.2;
  const shoulder = 0.5;
  const tip = 0.84;
  const halfWidth = 0.27;
  const dx = Math.abs(x - 0.5);
  if (y < top || y > tip) return false;
  if (y <= shoulder) return dx <= halfWidth;
  const t = (y - shoulder) / (tip - shoulder); // 0 at the shoulder, 1 at the tip
  return dx <= halfWidth * (1 - t * t); // convex sides meeting in a point
}

function pixel(px, py) {
  let square = 0;
  let shield = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const x = (px + (sx + 0.5) / SAMPLES) / SIZE;
      const y = (py + (sy + 0.5) / SAMPLES) / SIZE;
      if (inRoundedSquare(x, y)) square += 1;
      if (inShield(x, y)) shield += 1;
    }
  }
  const n = SAMPLES * SAMPLES;
  const s = shield / n;
  const rgb = BACKGROUND.map((c, i) => Math.round(c * (1 - s) + SHIELD[i] * s));
  return [...rgb, Math.round((Math.max(square, shield) / n) * 255)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y += 1) {
  const rowStart = y * (1 + SIZE * 4); // first byte 0: no filter
  for (let x = 0; x < SIZE; x += 1) Buffer.from(pixel(x, y)).copy(rows, rowStart + 1 + x * 4);
}

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
process.stdout.write(`Wrote build/icon.png (${png.length} bytes)\n`);
