import type { ScalarType } from './scalar-type.js';

/**
 * One value per point in a binary block: where point 0's value starts (absolute byte offset into
 * `bytes`) and how many bytes lie between consecutive points' values. Interleaved records (PCD binary,
 * PLY) have the record size as stride; PCD binary_compressed's field blocks have the field's size.
 */
export interface BinaryColumn {
  type: ScalarType;
  start: number;
  stride: number;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Copies `count` values of `column` into `out[outOffset + i * outStride]`, converted to float32 (as a
 * float32 store rounds: to nearest, ties to even).
 */
export function readFloat32Column(bytes: Uint8Array, column: BinaryColumn, count: number, littleEndian: boolean, out: Float32Array, outOffset: number, outStride: number): void {
  const { type, start, stride } = column;
  if (count === 0) return;
  // Little-endian float32 at 4-byte-aligned places: read through a Float32Array view, no conversion.
  if (type === 'float32' && littleEndian && (bytes.byteOffset + start) % 4 === 0 && stride % 4 === 0) {
    const f32 = new Float32Array(bytes.buffer, bytes.byteOffset + start, ((count - 1) * stride) / 4 + 1);
    const step = stride / 4;
    for (let i = 0, p = 0, o = outOffset; i < count; i++, p += step, o += outStride) out[o] = f32[p]!;
    return;
  }
  const dv = view(bytes);
  let p = start;
  let o = outOffset;
  const le = littleEndian;
  switch (type) {
    case 'float32': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getFloat32(p, le); break;
    case 'float64': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getFloat64(p, le); break;
    case 'int8': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getInt8(p); break;
    case 'uint8': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getUint8(p); break;
    case 'int16': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getInt16(p, le); break;
    case 'uint16': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getUint16(p, le); break;
    case 'int32': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getInt32(p, le); break;
    case 'uint32': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = dv.getUint32(p, le); break;
    case 'int64': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = Number(dv.getBigInt64(p, le)); break;
    case 'uint64': for (let i = 0; i < count; i++, p += stride, o += outStride) out[o] = Number(dv.getBigUint64(p, le)); break;
  }
}

/**
 * Copies `count` integer values of `column` into `out` as uint32, wrapping modulo 2^32 as a C cast does
 * (an int8 -1 becomes 4294967295).
 */
export function readUint32Column(bytes: Uint8Array, column: BinaryColumn, count: number, littleEndian: boolean, out: Uint32Array): void {
  const { type, start, stride } = column;
  const dv = view(bytes);
  const le = littleEndian;
  let p = start;
  switch (type) {
    case 'int8': for (let i = 0; i < count; i++, p += stride) out[i] = dv.getInt8(p); break;
    case 'uint8': for (let i = 0; i < count; i++, p += stride) out[i] = dv.getUint8(p); break;
    case 'int16': for (let i = 0; i < count; i++, p += stride) out[i] = dv.getInt16(p, le); break;
    case 'uint16': for (let i = 0; i < count; i++, p += stride) out[i] = dv.getUint16(p, le); break;
    case 'int32':
    case 'uint32': for (let i = 0; i < count; i++, p += stride) out[i] = dv.getUint32(p, le); break;
    case 'int64':
    case 'uint64': for (let i = 0; i < count; i++, p += stride) out[i] = Number(dv.getBigUint64(p, le) & 0xffffffffn); break;
    case 'float32':
    case 'float64': throw new Error(`readUint32Column: ${type} is not an integer type`);
  }
}

/**
 * Unpacks PCL's packed colour (`0xAARRGGBB` in the 4 bytes of an `rgb`/`rgba` field, typed U, I or F:
 * the raw bits either way) into `colors` r, g, b; alpha is dropped.
 */
export function readPackedRgbColumn(bytes: Uint8Array, column: BinaryColumn, count: number, littleEndian: boolean, colors: Uint8Array): void {
  const dv = view(bytes);
  for (let i = 0, p = column.start, o = 0; i < count; i++, p += column.stride, o += 3) {
    const v = dv.getUint32(p, littleEndian);
    colors[o] = (v >>> 16) & 0xff;
    colors[o + 1] = (v >>> 8) & 0xff;
    colors[o + 2] = v & 0xff;
  }
}

/**
 * Copies one colour channel (PLY `red`, `green` or `blue`) into `colors[channel + 3 i]` as 0-255:
 * uint8/int8 bytes as they are, uint16 scaled by 255/65535, floats taken as 0-1 and scaled by 255,
 * other integers clamped to 0-255.
 */
export function readColorChannelColumn(bytes: Uint8Array, column: BinaryColumn, count: number, littleEndian: boolean, colors: Uint8Array, channel: number): void {
  const { type, start, stride } = column;
  const dv = view(bytes);
  const le = littleEndian;
  let p = start;
  switch (type) {
    case 'uint8':
    case 'int8': for (let i = 0, o = channel; i < count; i++, p += stride, o += 3) colors[o] = dv.getUint8(p); return;
    case 'uint16': for (let i = 0, o = channel; i < count; i++, p += stride, o += 3) colors[o] = Math.round(dv.getUint16(p, le) / 257); return;
    default: {
      const values = new Float32Array(count);
      readFloat32Column(bytes, column, count, littleEndian, values, 0, 1);
      const scale = type === 'float32' || type === 'float64' ? 255 : 1;
      for (let i = 0, o = channel; i < count; i++, o += 3) colors[o] = colorByte(values[i]! * scale);
    }
  }
}

/** A 0-255 colour byte from a number: rounded and clamped (NaN becomes 0). */
export function colorByte(v: number): number {
  return v > 0 ? (v < 255 ? Math.round(v) : 255) : 0;
}
