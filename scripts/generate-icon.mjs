#!/usr/bin/env node
// Draws the extension's icon, docs/images/icon.png (128×128, as the marketplace wants): a pod (rounded square,
// Kubernetes blue) holding the app (a large white circle) and its sidecar (a small teal circle beside it, joined
// by a bar: the shared volume). Deterministic, no image library: 4×4 supersampling, written as a PNG with zlib.
// Usage: node scripts/generate-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 128;
const SS = 4;
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'images', 'icon.png');

const BLUE = [50, 108, 229];
const WHITE = [255, 255, 255];
const TEAL = [38, 198, 176];

function roundedSquare(x, y, inset, radius) {
  const lo = inset + radius;
  const hi = SIZE - inset - radius;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= radius * radius;
}
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Painter's order: later shapes cover earlier ones. */
const shapes = [
  [(x, y) => roundedSquare(x, y, 4, 22), BLUE],
  [rect(50, 58, 96, 70), TEAL],
  [circle(50, 64, 30), WHITE],
  [circle(50, 64, 17), BLUE],
  [circle(98, 64, 17), TEAL],
];

function pixel(x, y) {
  const acc = [0, 0, 0, 0];
  for (let i = 0; i < SS; i++) {
    for (let j = 0; j < SS; j++) {
      const px = x + (i + 0.5) / SS;
      const py = y + (j + 0.5) / SS;
      let color;
      for (const [inside, c] of shapes) if (inside(px, py)) color = c;
      if (color) {
        acc[0] += color[0];
        acc[1] += color[1];
        acc[2] += color[2];
        acc[3] += 255;
      }
    }
  }
  const n = SS * SS;
  const covered = acc[3] / 255;
  return covered ? [acc[0] / covered, acc[1] / covered, acc[2] / covered, acc[3] / n].map(Math.round) : [0, 0, 0, 0];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(raw, y * (SIZE * 4 + 1) + 1 + x * 4);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(out, png);
console.log(`[icon] ${path.relative(process.cwd(), out)} ${SIZE}×${SIZE}, ${png.length} bytes`);
