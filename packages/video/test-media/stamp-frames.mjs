#!/usr/bin/env node
// Writes raw 8-bit grey frames (ffmpeg `-f rawvideo -pix_fmt gray`) to stdout, each carrying its own
// index: 16 bits, most significant first, as a row of 20x40 px black/white blocks (y 20-60), the same
// bits inverted below it (y 80-120) so a reader can tell a clean stamp from a broken one, and a square
// moving across the lower half so the encoder has motion to predict (and B-frames to make).
// Usage: node stamp-frames.mjs <width> <height> <count>   (width >= 320, height >= 240)
const [width, height, count] = process.argv.slice(2).map(Number);
if (!(width >= 320 && height >= 240 && count > 0 && count < 65536)) {
  console.error('usage: node stamp-frames.mjs <width >= 320> <height >= 240> <count < 65536>');
  process.exit(2);
}
const BLOCK = 20;
for (let n = 0; n < count; n++) {
  const frame = Buffer.alloc(width * height, 96);
  for (let bit = 0; bit < 16; bit++) {
    const on = (n >> (15 - bit)) & 1;
    for (let y = 20; y < 120; y++) {
      if (y >= 60 && y < 80) continue;
      const value = (y < 60 ? on : 1 - on) ? 255 : 0;
      frame.fill(value, y * width + bit * BLOCK, y * width + (bit + 1) * BLOCK);
    }
  }
  const squareX = (n * 7) % (width - 40);
  for (let y = 160; y < 200; y++) frame.fill(230, y * width + squareX, y * width + squareX + 40);
  process.stdout.write(frame);
}
