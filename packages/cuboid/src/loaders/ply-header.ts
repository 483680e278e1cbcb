import { PointCloudError } from './point-cloud-error.js';
import type { ScalarType } from './scalar-type.js';
import { readTextLine, words } from './text-lines.js';

/** How a PLY file stores its elements after the header. */
export type PlyEncoding = 'ascii' | 'binary_little_endian' | 'binary_big_endian';

/** One `property` line: a scalar, or a list (`property list <count type> <item type> <name>`). */
export interface PlyProperty {
  name: string;
  type: ScalarType;
  /** For a list property: the type of its length prefix (`type` is then the items' type). */
  countType?: ScalarType;
  line: number;
}

/** One `element` line with its properties. */
export interface PlyElement {
  name: string;
  count: number;
  properties: PlyProperty[];
  line: number;
}

/** A parsed PLY header and where its data starts. */
export interface PlyHeader {
  encoding: PlyEncoding;
  elements: PlyElement[];
  /** Byte offset just past `end_header`'s line break. */
  dataStart: number;
  /** 1-based line number of `end_header`. */
  endLine: number;
}

const TYPES: Record<string, ScalarType> = {
  char: 'int8', uchar: 'uint8', short: 'int16', ushort: 'uint16', int: 'int32', uint: 'uint32', float: 'float32', double: 'float64',
  int8: 'int8', uint8: 'uint8', int16: 'int16', uint16: 'uint16', int32: 'int32', uint32: 'uint32', float32: 'float32', float64: 'float64',
};

/** Whether the bytes start with PLY's magic line `ply`. */
export function looksLikePly(bytes: Uint8Array): boolean {
  return bytes[0] === 0x70 && bytes[1] === 0x6c && bytes[2] === 0x79 && (bytes[3] === 10 || (bytes[3] === 13 && bytes[4] === 10));
}

/** Reads the PLY header (only these lines are decoded as text) and checks it. */
export function parsePlyHeader(bytes: Uint8Array): PlyHeader {
  const fail = (line: number, keyword: string | undefined, message: string) =>
    new PointCloudError(`PLY header line ${line}${keyword ? ` (${keyword})` : ''}: ${message}`, { format: 'ply', line, ...(keyword ? { keyword } : {}) });
  const type = (line: number, keyword: string, word: string | undefined, what: string) => {
    const t = word === undefined ? undefined : TYPES[word];
    if (!t) throw fail(line, keyword, `${what} '${word ?? ''}' is not a PLY type (expected one of ${Object.keys(TYPES).join(', ')})`);
    return t;
  };
  let encoding: PlyEncoding | undefined;
  const elements: PlyElement[] = [];
  let pos = 0;
  for (let number = 1; ; number++) {
    const line = readTextLine(bytes, pos, number);
    if (!line) throw new PointCloudError(`PLY header ends after line ${number - 1} without 'end_header'`, { format: 'ply', line: number - 1, keyword: 'end_header' });
    pos = line.next;
    const [keyword, ...values] = words(line.text);
    if (number === 1) {
      if (keyword !== 'ply' || values.length) throw fail(1, undefined, `expected 'ply', found '${line.text.slice(0, 40)}'`);
      continue;
    }
    if (keyword === undefined || keyword === 'comment' || keyword === 'obj_info') continue;
    if (number === 2 && keyword !== 'format') throw fail(number, keyword, `expected the 'format' line second`);
    switch (keyword) {
      case 'format': {
        if (encoding) throw fail(number, keyword, 'format is given twice');
        const [enc, version] = values;
        if (enc !== 'ascii' && enc !== 'binary_little_endian' && enc !== 'binary_big_endian') throw fail(number, keyword, `unknown format '${enc ?? ''}' (expected ascii, binary_little_endian or binary_big_endian)`);
        if (version !== '1.0') throw fail(number, keyword, `unknown version '${version ?? ''}' (expected 1.0)`);
        encoding = enc;
        break;
      }
      case 'element': {
        const [name, count] = values;
        if (!name || count === undefined || !/^\d+$/.test(count)) throw fail(number, keyword, `expected 'element <name> <count>', found '${line.text.trim()}'`);
        elements.push({ name, count: Number(count), properties: [], line: number });
        break;
      }
      case 'property': {
        const element = elements[elements.length - 1];
        if (!element) throw fail(number, keyword, 'a property before any element');
        let property: PlyProperty;
        if (values[0] === 'list') {
          if (values.length !== 4) throw fail(number, keyword, `expected 'property list <count type> <item type> <name>', found '${line.text.trim()}'`);
          const countType = type(number, keyword, values[1], 'list count type');
          if (countType === 'float32' || countType === 'float64') throw fail(number, keyword, `a list's count type must be an integer, found '${values[1]}'`);
          property = { name: values[3]!, type: type(number, keyword, values[2], 'list item type'), countType, line: number };
        } else {
          if (values.length !== 2) throw fail(number, keyword, `expected 'property <type> <name>', found '${line.text.trim()}'`);
          property = { name: values[1]!, type: type(number, keyword, values[0], 'type'), line: number };
        }
        if (element.properties.some((p) => p.name === property.name)) throw fail(number, keyword, `element '${element.name}' has property '${property.name}' twice`);
        element.properties.push(property);
        break;
      }
      case 'end_header':
        if (!encoding) throw fail(number, keyword, 'no format line');
        return { encoding, elements, dataStart: line.next, endLine: number };
      default:
        throw fail(number, keyword, `'${keyword}' is not a PLY header keyword (expected format, comment, obj_info, element, property or end_header)`);
    }
  }
}
