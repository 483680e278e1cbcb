import { parseAsciiNumber, parseAsciiUint32, latin1 } from './ascii-number.js';
import { readFloat32Column, readPackedRgbColumn, readUint32Column, type BinaryColumn } from './binary-column.js';
import { lzfDecompress } from './lzf.js';
import type { PointCloud } from './point-cloud.js';
import { PointCloudError } from './point-cloud-error.js';
import { parsePcdHeader, type PcdField, type PcdHeader } from './pcd-header.js';
import { forEachBodyLine, tokenize } from './text-lines.js';

/** The fields labelkit reads, found by name (the first value of a field with COUNT > 1). */
interface PcdRoles {
  x: PcdField;
  y: PcdField;
  z: PcdField;
  intensity?: PcdField;
  label?: PcdField;
  rgb?: PcdField;
}

function rolesOf(header: PcdHeader): PcdRoles {
  const byName = (name: string) => header.fields.find((f) => f.name === name);
  const roles: PcdRoles = { x: byName('x')!, y: byName('y')!, z: byName('z')! };
  const intensity = byName('intensity');
  const label = byName('label');
  const rgb = byName('rgb') ?? byName('rgba');
  if (intensity) roles.intensity = intensity;
  if (label) roles.label = label;
  if (rgb) roles.rgb = rgb;
  return roles;
}

function allocate(header: PcdHeader, roles: PcdRoles): PointCloud {
  const n = header.points;
  const cloud: PointCloud = { count: n, positions: new Float32Array(3 * n), fields: header.fields.filter((f) => f.name !== '_').map((f) => f.name) };
  if (roles.intensity) cloud.intensity = new Float32Array(n);
  if (roles.rgb) cloud.colors = new Uint8Array(3 * n);
  if (roles.label) cloud.labels = new Uint32Array(n);
  return cloud;
}

/** Parses a PCD file (ascii, binary or binary_compressed). */
export function parsePcd(bytes: Uint8Array): PointCloud {
  const header = parsePcdHeader(bytes);
  const roles = rolesOf(header);
  const cloud = allocate(header, roles);
  if (header.encoding === 'ascii') readAsciiBody(bytes, header, roles, cloud);
  else {
    const block = header.encoding === 'binary' ? binaryBlock(bytes, header) : decompressedBlock(bytes, header);
    readBinaryBody(block, header, roles, cloud);
  }
  return cloud;
}

/** Where the binary records are: `bytes` itself from `dataStart` on (trailing bytes, such as PCL's zero padding, ignored). */
function binaryBlock(bytes: Uint8Array, header: PcdHeader): { bytes: Uint8Array; column: (f: PcdField) => BinaryColumn } {
  const { points, pointSize, dataStart } = header;
  const available = Math.max(0, bytes.length - dataStart);
  if (available < points * pointSize) {
    const found = Math.floor(available / pointSize);
    throw new PointCloudError(
      `PCD binary data is cut short: the header (POINTS, line ${header.lineOf.POINTS ?? header.dataLine}) expects ${points} points of ${pointSize} bytes ` +
        `(${points * pointSize} bytes from byte offset ${dataStart}), the file holds ${available} bytes: ${found} complete points`,
      { format: 'pcd', offset: dataStart + found * pointSize, expectedPoints: points, foundPoints: found },
    );
  }
  return { bytes, column: (f) => ({ type: f.type, start: dataStart + f.offset, stride: pointSize }) };
}

/** binary_compressed: two uint32 (compressed and uncompressed size), then LZF of the fields one after another (all x, then all y, ...). */
function decompressedBlock(bytes: Uint8Array, header: PcdHeader): { bytes: Uint8Array; column: (f: PcdField) => BinaryColumn } {
  const { points, pointSize, dataStart } = header;
  const expected = { format: 'pcd' as const, expectedPoints: points };
  if (bytes.length < dataStart + 8) {
    throw new PointCloudError(`PCD binary_compressed data is cut short: the two size words at byte offset ${dataStart} are missing (the file ends at byte ${bytes.length}); expected ${points} points`, { ...expected, offset: dataStart });
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const compressedSize = dv.getUint32(dataStart, true);
  const uncompressedSize = dv.getUint32(dataStart + 4, true);
  if (uncompressedSize !== points * pointSize) {
    throw new PointCloudError(
      `PCD binary_compressed data at byte offset ${dataStart + 4}: the uncompressed size is ${uncompressedSize} bytes, but ${points} points of ${pointSize} bytes need ${points * pointSize}`,
      { ...expected, offset: dataStart + 4 },
    );
  }
  const start = dataStart + 8;
  if (bytes.length < start + compressedSize) {
    throw new PointCloudError(
      `PCD binary_compressed data is cut short: the compressed block is ${compressedSize} bytes from byte offset ${start}, the file ends at byte ${bytes.length} ` +
        `(${bytes.length - start} bytes); expected ${points} points`,
      { ...expected, offset: bytes.length },
    );
  }
  const out = new Uint8Array(uncompressedSize);
  lzfDecompress(bytes, start, start + compressedSize, out);
  return { bytes: out, column: (f) => ({ type: f.type, start: points * f.offset, stride: f.size * f.count }) };
}

function readBinaryBody(block: { bytes: Uint8Array; column: (f: PcdField) => BinaryColumn }, header: PcdHeader, roles: PcdRoles, cloud: PointCloud): void {
  const n = header.points;
  const { bytes, column } = block;
  readFloat32Column(bytes, column(roles.x), n, true, cloud.positions, 0, 3);
  readFloat32Column(bytes, column(roles.y), n, true, cloud.positions, 1, 3);
  readFloat32Column(bytes, column(roles.z), n, true, cloud.positions, 2, 3);
  if (roles.intensity && cloud.intensity) readFloat32Column(bytes, column(roles.intensity), n, true, cloud.intensity, 0, 1);
  if (roles.label && cloud.labels) readUint32Column(bytes, column(roles.label), n, true, cloud.labels);
  if (roles.rgb && cloud.colors) readPackedRgbColumn(bytes, column(roles.rgb), n, true, cloud.colors);
}

function readAsciiBody(bytes: Uint8Array, header: PcdHeader, roles: PcdRoles, cloud: PointCloud): void {
  const n = header.points;
  const perPoint = header.valuesPerPoint;
  const bounds = new Int32Array(2 * perPoint);
  const { positions, intensity, labels, colors } = cloud;
  const bits = new Uint32Array(1);
  const asFloat = new Float32Array(bits.buffer);
  let line = header.dataLine;
  let i = 0;
  const bad = (field: PcdField, v: number, what: string) => {
    const s = bounds[2 * v]!;
    const token = latin1(bytes, s, Math.min(bounds[2 * v + 1]!, s + 40));
    return new PointCloudError(`PCD data line ${line}, point ${i}: '${token}' in field '${field.name}' is not ${what}`, { format: 'pcd', line, offset: s });
  };
  const number = (field: PcdField) => {
    const v = field.valueIndex;
    const value = parseAsciiNumber(bytes, bounds[2 * v]!, bounds[2 * v + 1]!);
    if (value === undefined) throw bad(field, v, 'a number');
    return value;
  };
  const integer = (field: PcdField) => {
    const v = field.valueIndex;
    const value = parseAsciiUint32(bytes, bounds[2 * v]!, bounds[2 * v + 1]!);
    if (value === undefined) throw bad(field, v, 'an integer');
    return value;
  };
  if (n > 0) {
    forEachBodyLine(bytes, header.dataStart, (start, end) => {
      line++;
      const found = tokenize(bytes, start, end, bounds, perPoint);
      if (found === 0) return true;
      if (found !== perPoint) {
        throw new PointCloudError(`PCD data line ${line}, point ${i}: ${found} values, expected ${perPoint} (the sum of COUNT over FIELDS, line ${header.lineOf.FIELDS})`, { format: 'pcd', line, offset: start });
      }
      positions[3 * i] = number(roles.x);
      positions[3 * i + 1] = number(roles.y);
      positions[3 * i + 2] = number(roles.z);
      if (intensity) intensity[i] = number(roles.intensity!);
      if (labels) labels[i] = integer(roles.label!);
      if (colors) {
        const rgb = roles.rgb!;
        // A float-typed packed colour is written as the float those bits make; an integer one as the integer.
        if (rgb.typeLetter === 'F') asFloat[0] = number(rgb);
        else bits[0] = integer(rgb);
        const v = bits[0]!;
        colors[3 * i] = (v >>> 16) & 0xff;
        colors[3 * i + 1] = (v >>> 8) & 0xff;
        colors[3 * i + 2] = v & 0xff;
      }
      i++;
      return i < n;
    });
  }
  if (i < n) {
    throw new PointCloudError(`PCD ascii data is cut short: the header (POINTS, line ${header.lineOf.POINTS ?? header.dataLine}) expects ${n} points, the file has ${i} (it ends after line ${line})`, {
      format: 'pcd', line, offset: bytes.length, expectedPoints: n, foundPoints: i,
    });
  }
}
