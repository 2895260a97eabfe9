// Draws the toolbar icon (a person above a speech-bubble base) as PNGs, so no image editor is needed.
// Run once: node scripts/make-icons.mjs. Output is committed under public/icons/.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const teal = [13, 110, 110, 255], white = [255, 255, 255, 255], clear = [0, 0, 0, 0];
function pixel(x, y) {
  const r = 0.18, inCorner = (cx, cy) => Math.hypot(x - cx, y - cy) > r;
  if ((x < r && y < r && inCorner(r, r)) || (x > 1 - r && y < r && inCorner(1 - r, r)) ||
      (x < r && y > 1 - r && inCorner(r, 1 - r)) || (x > 1 - r && y > 1 - r && inCorner(1 - r, 1 - r))) return clear;
  if (Math.hypot(x - 0.5, y - 0.36) < 0.15) return white;           // head
  if (y > 0.58 && y < 0.8 && Math.hypot((x - 0.5) / 1.6, y - 0.8) < 0.2) return white; // shoulders
  return teal;
}
for (const s of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${s}.png`, png(s, pixel));
console.log('icons written');
