import { PointCloudError } from './point-cloud-error.js';
import type { ScalarType } from './scalar-type.js';
import { readTextLine, words } from './text-lines.js';

/** How a PCD file stores its points after the header. */
export type PcdEncoding = 'ascii' | 'binary' | 'binary_compressed';

/** One field of a PCD header (`FIELDS` with its `SIZE`, `TYPE` and `COUNT`). */
export interface PcdField {
  name: string;
  /** `I`, `U` or `F` with `size`, as a scalar type. */
  type: ScalarType;
  typeLetter: 'I' | 'U' | 'F';
  size: number;
  count: number;
  /** Byte offset of the field within one point's record (binary), or of its block per point (binary_compressed). */
  offset: number;
  /** Index of its first value among one point's values (ascii). */
  valueIndex: number;
}

/** A parsed PCD header and where its data starts. */
export interface PcdHeader {
  fields: PcdField[];
  width: number;
  height: number;
  points: number;
  encoding: PcdEncoding;
  /** Bytes per point (binary), the sum of size × count. */
  pointSize: number;
  /** Values per point (ascii), the sum of count. */
  valuesPerPoint: number;
  /** Byte offset just past the `DATA` line. */
  dataStart: number;
  /** 1-based line number of the `DATA` line. */
  dataLine: number;
  /** 1-based line of each keyword, for messages about the data. */
  lineOf: Partial<Record<PcdKeyword, number>>;
}

const KEYWORDS = ['VERSION', 'FIELDS', 'SIZE', 'TYPE', 'COUNT', 'WIDTH', 'HEIGHT', 'VIEWPOINT', 'POINTS', 'DATA'] as const;
type PcdKeyword = (typeof KEYWORDS)[number];

const SCALAR: Record<string, ScalarType> = {
  I1: 'int8', I2: 'int16', I4: 'int32', I8: 'int64',
  U1: 'uint8', U2: 'uint16', U4: 'uint32', U8: 'uint64',
  F4: 'float32', F8: 'float64',
};

/** Whether the bytes start like a PCD file: a `#` comment or a `VERSION` / `FIELDS` line. */
export function looksLikePcd(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 16)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  return /^(#|VERSION|FIELDS|COLUMNS)/.test(head);
}

/** Reads the PCD header (only these lines are decoded as text) and checks it. */
export function parsePcdHeader(bytes: Uint8Array): PcdHeader {
  const lineOf: Partial<Record<PcdKeyword, number>> = {};
  let names: string[] | undefined;
  let sizes: number[] | undefined;
  let letters: string[] | undefined;
  let counts: number[] | undefined;
  let width: number | undefined;
  let height: number | undefined;
  let points: number | undefined;
  let encoding: PcdEncoding | undefined;
  let pos = 0;
  let number = 0;
  let dataStart = 0;
  const fail = (line: number, keyword: string | undefined, message: string) =>
    new PointCloudError(`PCD header line ${line}${keyword ? ` (${keyword})` : ''}: ${message}`, { format: 'pcd', line, ...(keyword ? { keyword } : {}) });
  const perField = (line: number, keyword: PcdKeyword, values: string[]) => {
    if (!names) throw fail(line, keyword, `${keyword} comes before FIELDS`);
    if (values.length !== names.length) throw fail(line, keyword, `${values.length} values for the ${names.length} FIELDS (${names.join(' ')})`);
  };
  const nonNegativeInteger = (line: number, keyword: PcdKeyword, word: string | undefined, what: string) => {
    if (word === undefined || !/^\d+$/.test(word)) throw fail(line, keyword, `expected ${what} (a whole number ≥ 0), found ${word === undefined ? 'nothing' : `'${word}'`}`);
    return Number(word);
  };

  while (encoding === undefined) {
    const line = readTextLine(bytes, pos, ++number);
    if (!line) {
      throw new PointCloudError(`PCD header ends after line ${number - 1} without a DATA line`, { format: 'pcd', line: number - 1, keyword: 'DATA' });
    }
    pos = line.next;
    const [keyword, ...values] = words(number === 1 ? line.text.replace(/^\uFEFF|^\xEF\xBB\xBF/, '') : line.text);
    if (keyword === undefined || keyword.startsWith('#')) continue;
    const kw = (keyword === 'COLUMNS' ? 'FIELDS' : keyword) as PcdKeyword;
    if (!KEYWORDS.includes(kw)) throw fail(number, keyword, `'${keyword}' is not a PCD header keyword (expected one of ${KEYWORDS.join(', ')})`);
    if (lineOf[kw] !== undefined) throw fail(number, kw, `${kw} is given twice (first on line ${lineOf[kw]})`);
    lineOf[kw] = number;
    switch (kw) {
      case 'VERSION':
      case 'VIEWPOINT':
        break;
      case 'FIELDS': {
        if (values.length === 0) throw fail(number, kw, 'no field names');
        const seen = new Set<string>();
        for (const name of values) {
          if (name !== '_' && seen.has(name)) throw fail(number, kw, `field '${name}' is named twice`);
          seen.add(name);
        }
        names = values;
        break;
      }
      case 'SIZE':
        perField(number, kw, values);
        sizes = values.map((w, i) => {
          if (!/^[1248]$/.test(w)) throw fail(number, kw, `field '${names![i]}' has size '${w}' (expected 1, 2, 4 or 8 bytes)`);
          return Number(w);
        });
        break;
      case 'TYPE':
        perField(number, kw, values);
        letters = values.map((w, i) => {
          if (w !== 'I' && w !== 'U' && w !== 'F') throw fail(number, kw, `field '${names![i]}' has type '${w}' (expected I, U or F)`);
          return w;
        });
        break;
      case 'COUNT':
        perField(number, kw, values);
        counts = values.map((w, i) => {
          if (!/^\d+$/.test(w) || Number(w) < 1) throw fail(number, kw, `field '${names![i]}' has count '${w}' (expected a whole number ≥ 1)`);
          return Number(w);
        });
        break;
      case 'WIDTH':
        width = nonNegativeInteger(number, kw, values[0], 'the width');
        break;
      case 'HEIGHT':
        height = nonNegativeInteger(number, kw, values[0], 'the height');
        break;
      case 'POINTS':
        points = nonNegativeInteger(number, kw, values[0], 'the number of points');
        break;
      case 'DATA': {
        const enc = values[0];
        if (enc !== 'ascii' && enc !== 'binary' && enc !== 'binary_compressed') throw fail(number, kw, `unknown encoding '${enc ?? ''}' (expected ascii, binary or binary_compressed)`);
        encoding = enc;
        dataStart = line.next;
        break;
      }
    }
  }
  const dataLine = number;
  const missing = (keyword: PcdKeyword) => new PointCloudError(`PCD header (lines 1-${dataLine}) has no ${keyword} line`, { format: 'pcd', line: dataLine, keyword });
  if (!names) throw missing('FIELDS');
  if (!sizes) throw missing('SIZE');
  if (!letters) throw missing('TYPE');
  counts ??= names.map(() => 1);

  if (points === undefined) {
    if (width === undefined) throw missing('POINTS');
    points = width * (height ?? 1);
  }
  if (width === undefined && height === undefined) width = points;
  if (width === undefined) throw missing('WIDTH');
  height ??= 1;
  if (width * height !== points) {
    throw fail(lineOf.POINTS ?? dataLine, 'POINTS', `WIDTH ${width} × HEIGHT ${height} is ${width * height} points, but POINTS says ${points}`);
  }

  let offset = 0;
  let valueIndex = 0;
  const fields: PcdField[] = names.map((name, i) => {
    const size = sizes![i]!;
    const letter = letters![i]! as 'I' | 'U' | 'F';
    const type = SCALAR[letter + size];
    if (!type) throw fail(lineOf.TYPE!, 'TYPE', `field '${name}' is type ${letter} of size ${size} (line ${lineOf.SIZE}): F needs size 4 or 8`);
    const field: PcdField = { name, type, typeLetter: letter, size, count: counts![i]!, offset, valueIndex };
    offset += size * field.count;
    valueIndex += field.count;
    return field;
  });
  for (const axis of ['x', 'y', 'z']) {
    if (!fields.some((f) => f.name === axis)) throw fail(lineOf.FIELDS!, 'FIELDS', `no '${axis}' field (FIELDS ${names.join(' ')})`);
  }
  for (const f of fields) {
    if ((f.name === 'rgb' || f.name === 'rgba') && f.size !== 4) throw fail(lineOf.SIZE!, 'SIZE', `field '${f.name}' has size ${f.size}; a packed colour is 4 bytes`);
    if (f.name === 'label' && f.typeLetter === 'F') throw fail(lineOf.TYPE!, 'TYPE', `field 'label' is a float (F); labels must be an integer type (I or U)`);
  }
  return { fields, width, height, points, encoding, pointSize: offset, valuesPerPoint: valueIndex, dataStart, dataLine, lineOf };
}
