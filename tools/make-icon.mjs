#!/usr/bin/env node
// Draws media/icon.png (128×128): a page of text with a warning squiggle under one figure and a
// check mark. Pure Node (zlib), antialiased by supersampling; run: node tools/make-icon.mjs
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

const N = 128;
const SS = 4; // supersamples per axis

const BG = [31, 41, 55];
const PAGE = [243, 244, 246];
const INK = [107, 114, 128];
const FIGURE = [17, 24, 39];
const SQUIGGLE = [234, 179, 8];
const CHECK = [34, 197, 94];

function roundedRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Colour of one sample point, or null for transparent. */
function sample(x, y) {
  if (!roundedRect(x, y, 2, 2, 126, 126, 22)) return null;
  let c = BG;
  if (roundedRect(x, y, 26, 16, 102, 112, 8)) {
    c = PAGE;
    // text lines
    for (const [ly, len] of [[32, 56], [46, 48], [74, 52], [88, 36]]) if (y >= ly && y <= ly + 5 && x >= 36 && x <= 36 + len) c = INK;
    // the flagged figure, bold, with a squiggle below
    if (y >= 58 && y <= 65 && x >= 36 && x <= 70) c = FIGURE;
    const wave = 70 + 2.5 * Math.sin((x - 36) / 2.2);
    if (x >= 36 && x <= 70 && Math.abs(y - wave) <= 1.6) c = SQUIGGLE;
  }
  // check-mark badge
  if ((x - 96) ** 2 + (y - 98) ** 2 <= 22 ** 2) c = CHECK;
  if ((x - 96) ** 2 + (y - 98) ** 2 <= 22 ** 2 && (segDist(x, y, 85, 98, 93, 106) <= 3.2 || segDist(x, y, 93, 106, 108, 90) <= 3.2)) c = [255, 255, 255];
  return c;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (!c) continue;
        r += c[0]; g += c[1]; b += c[2]; a++;
      }
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    if (a) {
      raw[o] = Math.round(r / a);
      raw[o + 1] = Math.round(g / a);
      raw[o + 2] = Math.round(b / a);
    }
    raw[o + 3] = Math.round((255 * a) / (SS * SS));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../media/icon.png', import.meta.url);
fs.writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
