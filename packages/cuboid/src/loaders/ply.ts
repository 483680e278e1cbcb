import { latin1, parseAsciiNumber, parseAsciiUint32 } from './ascii-number.js';
import { colorByte, readColorChannelColumn, readFloat32Column, readUint32Column } from './binary-column.js';
import type { PointCloud } from './point-cloud.js';
import { PointCloudError } from './point-cloud-error.js';
import { parsePlyHeader, type PlyElement, type PlyHeader, type PlyProperty } from './ply-header.js';
import { isIntegerType, SCALAR_SIZE } from './scalar-type.js';
import { forEachBodyLine, tokenize } from './text-lines.js';

/** The vertex properties labelkit reads, by name, with their index in the vertex record. */
interface PlyRoles {
  x: number;
  y: number;
  z: number;
  intensity?: number;
  label?: number;
  /** `red`, `green`, `blue`, when all three are there. */
  color?: [number, number, number];
}

function vertexOf(header: PlyHeader): { vertex: PlyElement; index: number; roles: PlyRoles } {
  const index = header.elements.findIndex((e) => e.name === 'vertex');
  const vertex = header.elements[index];
  if (!vertex) throw new PointCloudError(`PLY header (lines 1-${header.endLine}) has no 'element vertex'`, { format: 'ply', line: header.endLine, keyword: 'element' });
  const at = (name: string) => vertex.properties.findIndex((p) => p.name === name);
  for (const axis of ['x', 'y', 'z']) {
    if (at(axis) < 0) throw new PointCloudError(`PLY header line ${vertex.line} (element): element 'vertex' has no property '${axis}'`, { format: 'ply', line: vertex.line, keyword: 'element' });
  }
  for (const name of ['x', 'y', 'z', 'intensity', 'label', 'red', 'green', 'blue']) {
    const p = vertex.properties[at(name)];
    if (p?.countType) throw new PointCloudError(`PLY header line ${p.line} (property): '${name}' is a list; it must be a scalar property`, { format: 'ply', line: p.line, keyword: 'property' });
  }
  const roles: PlyRoles = { x: at('x'), y: at('y'), z: at('z') };
  if (at('intensity') >= 0) roles.intensity = at('intensity');
  const label = at('label');
  if (label >= 0) {
    const p = vertex.properties[label]!;
    if (!isIntegerType(p.type)) throw new PointCloudError(`PLY header line ${p.line} (property): 'label' is ${p.type}; labels must be an integer type`, { format: 'ply', line: p.line, keyword: 'property' });
    roles.label = label;
  }
  const [r, g, b] = [at('red'), at('green'), at('blue')];
  if (r >= 0 && g >= 0 && b >= 0) roles.color = [r, g, b];
  return { vertex, index, roles };
}

/** Parses a PLY file's `vertex` element (ascii or binary, either endianness); other elements are skipped. */
export function parsePly(bytes: Uint8Array): PointCloud {
  const header = parsePlyHeader(bytes);
  const { vertex, index, roles } = vertexOf(header);
  const n = vertex.count;
  const cloud: PointCloud = { count: n, positions: new Float32Array(3 * n), fields: vertex.properties.map((p) => p.name) };
  if (roles.intensity !== undefined) cloud.intensity = new Float32Array(n);
  if (roles.color) cloud.colors = new Uint8Array(3 * n);
  if (roles.label !== undefined) cloud.labels = new Uint32Array(n);
  if (header.encoding === 'ascii') readAscii(bytes, header, index, roles, cloud);
  else readBinary(bytes, header, index, roles, cloud, header.encoding === 'binary_little_endian');
  return cloud;
}

function cutShort(element: PlyElement, found: number | undefined, offset: number, detail: string): PointCloudError {
  return new PointCloudError(
    `PLY data is cut short: element '${element.name}' (header line ${element.line}) has ${element.count} records, ${found === undefined ? 'the file ends inside them' : `the file holds ${found} complete`}${detail}`,
    { format: 'ply', offset, expectedPoints: element.count, ...(found === undefined ? {} : { foundPoints: found }) },
  );
}

/** Byte offset past `element`'s records starting at `start` (list properties are walked record by record). */
function skipBinaryElement(bytes: Uint8Array, element: PlyElement, start: number, littleEndian: boolean): number {
  if (!element.properties.some((p) => p.countType)) {
    const end = start + element.count * element.properties.reduce((s, p) => s + SCALAR_SIZE[p.type], 0);
    if (end > bytes.length) throw cutShort(element, undefined, bytes.length, ` (they need bytes ${start}-${end}, the file has ${bytes.length})`);
    return end;
  }
  return walkRecords(bytes, element, start, littleEndian);
}

/**
 * Walks `element`'s records from `start`, reading each list's length to step over it, and calls
 * `scalar` with the place of every scalar value; returns the offset past the last record.
 */
function walkRecords(bytes: Uint8Array, element: PlyElement, start: number, littleEndian: boolean, scalar?: (pos: number, size: number) => void): number {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = start;
  for (let i = 0; i < element.count; i++) {
    for (const p of element.properties) {
      let size = SCALAR_SIZE[p.type];
      if (p.countType) {
        const countSize = SCALAR_SIZE[p.countType];
        if (pos + countSize > bytes.length) throw cutShort(element, i, bytes.length, ' records');
        size = countSize + readCount(dv, pos, p, littleEndian) * size;
      } else if (scalar && pos + size <= bytes.length) scalar(pos, size);
      pos += size;
      if (pos > bytes.length) throw cutShort(element, i, bytes.length, ' records');
    }
  }
  return pos;
}

function readCount(dv: DataView, pos: number, p: PlyProperty, le: boolean): number {
  switch (p.countType) {
    case 'int8': return dv.getInt8(pos);
    case 'uint8': return dv.getUint8(pos);
    case 'int16': return dv.getInt16(pos, le);
    case 'uint16': return dv.getUint16(pos, le);
    case 'int32': return dv.getInt32(pos, le);
    default: return dv.getUint32(pos, le);
  }
}

function readBinary(bytes: Uint8Array, header: PlyHeader, vertexIndex: number, roles: PlyRoles, cloud: PointCloud, le: boolean): void {
  let start = header.dataStart;
  for (const element of header.elements.slice(0, vertexIndex)) start = skipBinaryElement(bytes, element, start, le);
  const vertex = header.elements[vertexIndex]!;
  const n = vertex.count;
  const offsets: number[] = [];
  let stride = 0;
  for (const p of vertex.properties) {
    offsets.push(stride);
    if (!p.countType) stride += SCALAR_SIZE[p.type];
  }
  let records = bytes;
  if (vertex.properties.some((p) => p.countType)) {
    // List properties make records uneven: copy each record's scalars into fixed-size records first.
    records = packScalars(bytes, vertex, start, stride, le);
    start = 0;
  } else {
    const available = Math.max(0, bytes.length - start);
    if (available < n * stride) {
      const found = Math.floor(available / stride);
      throw cutShort(vertex, found, start + found * stride, ` vertices of ${stride} bytes from byte offset ${start} (${n * stride} bytes needed, ${available} there)`);
    }
  }
  const column = (i: number) => ({ type: vertex.properties[i]!.type, start: start + offsets[i]!, stride });
  readFloat32Column(records, column(roles.x), n, le, cloud.positions, 0, 3);
  readFloat32Column(records, column(roles.y), n, le, cloud.positions, 1, 3);
  readFloat32Column(records, column(roles.z), n, le, cloud.positions, 2, 3);
  if (roles.intensity !== undefined && cloud.intensity) readFloat32Column(records, column(roles.intensity), n, le, cloud.intensity, 0, 1);
  if (roles.label !== undefined && cloud.labels) readUint32Column(records, column(roles.label), n, le, cloud.labels);
  if (roles.color && cloud.colors) roles.color.forEach((p, channel) => readColorChannelColumn(records, column(p), n, le, cloud.colors!, channel));
}

/** The vertices' scalar properties, record by record, without their lists: `stride` bytes per vertex. */
function packScalars(bytes: Uint8Array, vertex: PlyElement, start: number, stride: number, le: boolean): Uint8Array {
  const out = new Uint8Array(vertex.count * stride);
  let o = 0;
  walkRecords(bytes, vertex, start, le, (pos, size) => {
    for (let k = 0; k < size; k++) out[o++] = bytes[pos + k]!;
  });
  return out;
}

function readAscii(bytes: Uint8Array, header: PlyHeader, vertexIndex: number, roles: PlyRoles, cloud: PointCloud): void {
  const vertex = header.elements[vertexIndex]!;
  const props = vertex.properties;
  const hasLists = props.some((p) => p.countType);
  let bounds = new Int32Array(2 * props.length);
  // Token of each property on the current line (lists make it vary from line to line).
  const tokenOf = Int32Array.from(props.keys());
  const n = vertex.count;
  const { positions, intensity, labels, colors } = cloud;
  // Records of the elements before 'vertex' (one per line), then the vertices.
  let skip = header.elements.slice(0, vertexIndex).reduce((s, e) => s + e.count, 0);
  let line = header.endLine;
  let i = 0;
  const number = (p: number) => {
    const t = tokenOf[p]!;
    const s = bounds[2 * t]!;
    const e = bounds[2 * t + 1]!;
    const value = isIntegerType(props[p]!.type) ? parseAsciiUint32OrInt(bytes, s, e) : parseAsciiNumber(bytes, s, e);
    if (value === undefined) {
      throw new PointCloudError(`PLY data line ${line}, vertex ${i}: '${latin1(bytes, s, Math.min(e, s + 40))}' in property '${props[p]!.name}' is not ${isIntegerType(props[p]!.type) ? 'an integer' : 'a number'}`, { format: 'ply', line, offset: s });
    }
    return value;
  };
  if (n > 0) {
    forEachBodyLine(bytes, header.dataStart, (start, end) => {
      line++;
      let found = tokenize(bytes, start, end, bounds, bounds.length / 2);
      if (found === 0) return true;
      if (skip > 0) {
        skip--;
        return true;
      }
      if (hasLists) {
        if (found > bounds.length / 2) {
          bounds = new Int32Array(2 * found);
          found = tokenize(bytes, start, end, bounds, found);
        }
        const expected = listTokens(bytes, bounds, found, props, tokenOf);
        if (expected !== found) {
          throw new PointCloudError(`PLY data line ${line}, vertex ${i}: ${found} values, but its properties and list lengths make ${expected ?? 'more'} (the properties of 'element vertex', header line ${vertex.line})`, { format: 'ply', line, offset: start });
        }
      } else if (found !== props.length) {
        throw new PointCloudError(`PLY data line ${line}, vertex ${i}: ${found} values, expected ${props.length} (the properties of 'element vertex', header line ${vertex.line})`, { format: 'ply', line, offset: start });
      }
      positions[3 * i] = number(roles.x);
      positions[3 * i + 1] = number(roles.y);
      positions[3 * i + 2] = number(roles.z);
      if (intensity) intensity[i] = number(roles.intensity!);
      if (labels) {
        const p = roles.label!;
        const t = tokenOf[p]!;
        const value = parseAsciiUint32(bytes, bounds[2 * t]!, bounds[2 * t + 1]!);
        labels[i] = value ?? number(p);
      }
      if (colors) {
        roles.color!.forEach((p, channel) => {
          const t = props[p]!.type;
          const v = number(p);
          colors[3 * i + channel] = t === 'int8' ? v & 0xff : t === 'uint16' ? Math.round(v / 257) : colorByte(t === 'float32' || t === 'float64' ? v * 255 : v);
        });
      }
      i++;
      return i < n;
    });
  }
  if (i < n) {
    throw new PointCloudError(`PLY ascii data is cut short: element 'vertex' (header line ${vertex.line}) has ${n} vertices, the file has ${i} (it ends after line ${line})`, {
      format: 'ply', line, offset: bytes.length, expectedPoints: n, foundPoints: i,
    });
  }
}

/**
 * Fills `tokenOf` with each property's token on a line whose list properties give their length first;
 * returns how many tokens the line must have (undefined when a list length is not a whole number ≥ 0).
 */
function listTokens(bytes: Uint8Array, bounds: Int32Array, found: number, props: PlyProperty[], tokenOf: Int32Array): number | undefined {
  let t = 0;
  for (let p = 0; p < props.length; p++) {
    tokenOf[p] = t;
    if (!props[p]!.countType) {
      t++;
      continue;
    }
    if (t >= found) return undefined;
    const length = parseAsciiNumber(bytes, bounds[2 * t]!, bounds[2 * t + 1]!);
    if (length === undefined || !Number.isInteger(length) || length < 0) return undefined;
    t += 1 + length;
  }
  return t;
}

/** An integer token of an integer-typed property, as its value (not wrapped). */
function parseAsciiUint32OrInt(bytes: Uint8Array, start: number, end: number): number | undefined {
  const v = parseAsciiNumber(bytes, start, end);
  return v !== undefined && Number.isInteger(v) ? v : undefined;
}
