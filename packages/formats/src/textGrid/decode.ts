/** Decodes a TextGrid file's bytes: UTF-8 or UTF-16 (BE/LE, with or without BOM). */
export function decodeText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  const b = input;
  if (b[0] === 0xfe && b[1] === 0xff) return utf16(b.subarray(2), false);
  if (b[0] === 0xff && b[1] === 0xfe) return utf16(b.subarray(2), true);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  // No BOM: ASCII text in UTF-16 has a zero byte in every pair.
  if (b.length >= 4 && b.length % 2 === 0) {
    if (b[0] === 0 && b[2] === 0 && b[1] !== 0) return utf16(b, false);
    if (b[1] === 0 && b[3] === 0 && b[0] !== 0) return utf16(b, true);
  }
  return new TextDecoder('utf-8').decode(b);
}

function utf16(b: Uint8Array, littleEndian: boolean): string {
  const units = new Uint16Array(b.length >> 1);
  for (let i = 0; i < units.length; i++) units[i] = littleEndian ? b[2 * i]! | (b[2 * i + 1]! << 8) : (b[2 * i]! << 8) | b[2 * i + 1]!;
  let s = '';
  for (let i = 0; i < units.length; i += 8192) s += String.fromCharCode(...units.subarray(i, i + 8192));
  return s;
}
