// Test-only: point-cloud files built byte by byte, for edge cases no tool writes on demand.
import type { ScalarType } from '../scalar-type.js';
import { SCALAR_SIZE } from '../scalar-type.js';

/** One value to write: its type and number (bigint for 64-bit integers). */
export type Value = [ScalarType, number | bigint];

/** The bytes of `values` one after another, little- or big-endian. */
export function pack(values: Value[], littleEndian = true): Uint8Array {
  const size = values.reduce((s, [t]) => s + SCALAR_SIZE[t], 0);
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let p = 0;
  for (const [t, v] of values) {
    const n = Number(v);
    switch (t) {
      case 'int8': dv.setInt8(p, n); break;
      case 'uint8': dv.setUint8(p, n); break;
      case 'int16': dv.setInt16(p, n, littleEndian); break;
      case 'uint16': dv.setUint16(p, n, littleEndian); break;
      case 'int32': dv.setInt32(p, n, littleEndian); break;
      case 'uint32': dv.setUint32(p, n, littleEndian); break;
      case 'int64': dv.setBigInt64(p, BigInt(v), littleEndian); break;
      case 'uint64': dv.setBigUint64(p, BigInt(v), littleEndian); break;
      case 'float32': dv.setFloat32(p, n, littleEndian); break;
      case 'float64': dv.setFloat64(p, n, littleEndian); break;
    }
    p += SCALAR_SIZE[t];
  }
  return out;
}

/** Text (header lines joined with `\n`, ending in one) followed by binary parts. */
export function file(text: string, ...parts: Uint8Array[]): Uint8Array {
  const head = new TextEncoder().encode(text);
  const out = new Uint8Array(head.length + parts.reduce((s, p) => s + p.length, 0));
  out.set(head);
  let p = head.length;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** A PCD header from its lines (without the final `DATA` line's body). */
export const lines = (...ls: string[]) => ls.join('\n') + '\n';

/** LZF made only of literal runs (valid LZF, as liblzf reads it), with PCL's two size words in front. */
export function lzfLiteralBlock(data: Uint8Array): Uint8Array {
  const chunks: number[] = [];
  for (let i = 0; i < data.length; i += 32) {
    const run = data.subarray(i, Math.min(i + 32, data.length));
    chunks.push(run.length - 1, ...run);
  }
  return file('', pack([['uint32', chunks.length], ['uint32', data.length]]), Uint8Array.from(chunks));
}
