/**
 * Reads the frame index that test-media/stamp-frames.mjs draws into each frame of the test videos:
 * 16 blocks (most significant bit first) across the top, the same bits inverted below them. Returns -1
 * when a block is neither clearly black nor white, or a bit and its inverse agree (a broken frame).
 */
export function readStamp(bitmap: ImageBitmap): number {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  const sx = bitmap.width / 320;
  const sy = bitmap.height / 240;
  const mean = (x0: number, y0: number) => {
    const data = context.getImageData(Math.round(x0 * sx), Math.round(y0 * sy), Math.max(1, Math.round(8 * sx)), Math.max(1, Math.round(16 * sy))).data;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
    return sum / (data.length / 4);
  };
  let n = 0;
  for (let bit = 0; bit < 16; bit++) {
    const top = mean(bit * 20 + 6, 32);
    const bottom = mean(bit * 20 + 6, 92);
    const on = top > 170 && bottom < 85;
    const off = top < 85 && bottom > 170;
    if (on === off) return -1;
    n = (n << 1) | (on ? 1 : 0);
  }
  return n;
}
