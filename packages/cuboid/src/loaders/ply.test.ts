// PLY edge cases built byte by byte: both endiannesses, every property type, elements before and after
// the vertices (with list properties), colour types, cut-short files and bad header lines.
import { describe, expect, test } from 'vitest';
import { parsePointCloud } from './parse-point-cloud.js';
import { thrown } from './test-utils/thrown.js';
import { file, lines, pack, type Value } from './test-utils/build-bytes.js';


const header = (format: string) =>
  lines(
    'ply', `format ${format} 1.0`, 'comment made by hand', 'obj_info for labelkit tests',
    'element camera 2', 'property float view_x', 'property list uchar int ids',
    'element vertex 2', 'property double x', 'property short y', 'property uint8 z', 'property char nx', 'property ushort red', 'property ushort green', 'property ushort blue', 'property float64 intensity', 'property int16 label',
    'element face 1', 'property list uchar uint vertex_indices',
    'end_header',
  );
const camera = (n: number, ids: number[]): Value[] => [['float32', n], ['uint8', ids.length], ...ids.map((i): Value => ['int32', i])];
const vertex = (x: number, y: number, z: number, rgb: [number, number, number], intensity: number, label: number): Value[] => [
  ['float64', x], ['int16', y], ['uint8', z], ['int8', -3], ['uint16', rgb[0]], ['uint16', rgb[1]], ['uint16', rgb[2]], ['float64', intensity], ['int16', label],
];
const values: Value[] = [...camera(1, [1, 2, 3]), ...camera(2, []), ...vertex(0.1, -32768, 255, [65535, 0, 257], 0.5, -2), ...vertex(-1e-50, 7, 0, [32768, 128, 0], 1e40, 300), ['uint8', 3], ['uint32', 0], ['uint32', 1], ['uint32', 0]];
const expected = {
  count: 2,
  positions: new Float32Array([0.1, -32768, 255, -1e-50, 7, 0]),
  colors: new Uint8Array([255, 0, 1, 128, 0, 0]),
  intensity: new Float32Array([0.5, Infinity]),
  labels: new Uint32Array([4294967294, 300]),
  fields: ['x', 'y', 'z', 'nx', 'red', 'green', 'blue', 'intensity', 'label'],
};

describe('PLY', () => {
  test('binary little-endian: elements before the vertices skipped record by record, every type converted', () => {
    expect(parsePointCloud(file(header('binary_little_endian'), pack(values, true)))).toEqual(expected);
  });

  test('binary big-endian reads the same', () => {
    expect(parsePointCloud(file(header('binary_big_endian'), pack(values, false)))).toEqual(expected);
  });

  test('ascii reads the same', () => {
    const body = ['1 3 1 2 3', '2 0', '0.1 -32768 255 -3 65535 0 257 0.5 -2', '', '-1e-50 7 0 -3 32768 128 0 1e40 300', '3 0 1 0'].join('\n');
    expect(parsePointCloud(file(header('ascii') + body))).toEqual(expected);
  });

  test('list properties on the vertices are skipped, in every encoding', () => {
    const h = (format: string) =>
      lines('ply', `format ${format} 1.0`, 'element vertex 2', 'property list uchar float normals', 'property float x', 'property float y', 'property list int ushort neighbours', 'property float z', 'property uchar label', 'end_header');
    const v = (normals: number[], x: number, y: number, neighbours: number[], z: number, label: number): Value[] => [
      ['uint8', normals.length], ...normals.map((n): Value => ['float32', n]), ['float32', x], ['float32', y], ['int32', neighbours.length], ...neighbours.map((n): Value => ['uint16', n]), ['float32', z], ['uint8', label],
    ];
    const values = [...v([1, 2, 3], 0.5, 1.5, [], 2.5, 7), ...v([], -1, -2, [4, 5], -3, 9)];
    const expected = { count: 2, positions: new Float32Array([0.5, 1.5, 2.5, -1, -2, -3]), labels: new Uint32Array([7, 9]), fields: ['normals', 'x', 'y', 'neighbours', 'z', 'label'] };
    expect(parsePointCloud(file(h('binary_little_endian'), pack(values, true)))).toEqual(expected);
    expect(parsePointCloud(file(h('binary_big_endian'), pack(values, false)))).toEqual(expected);
    expect(parsePointCloud(file(h('ascii') + '3 1 2 3 0.5 1.5 0 2.5 7\n0 -1 -2 2 4 5 -3 9\n'))).toEqual(expected);
    expect(thrown(() => parsePointCloud(file(h('ascii') + '3 1 2 3 0.5 1.5 0 2.5 7\n0 -1 -2 3 4 5 -3 9\n'))).message).toMatch(/^PLY data line 12, vertex 1: 8 values, but its properties and list lengths make 9/);
    const bytes = file(h('binary_little_endian'), pack(values, true));
    expect(thrown(() => parsePointCloud(bytes.subarray(0, bytes.length - 2))).foundPoints).toBe(1);
    const xList = lines('ply', 'format ascii 1.0', 'element vertex 0', 'property list uchar float x', 'property float y', 'property float z', 'end_header');
    expect(thrown(() => parsePointCloud(file(xList))).message).toMatch(/^PLY header line 4 \(property\): 'x' is a list/);
  });

  test('float colours are taken as 0-1', () => {
    const h = lines('ply', 'format ascii 1.0', 'element vertex 1', 'property float x', 'property float y', 'property float z', 'property float red', 'property double green', 'property float blue', 'end_header');
    expect(Array.from(parsePointCloud(file(h + '0 0 0 1 0.5 -2\n')).colors!)).toEqual([255, 128, 0]);
  });

  test('CRLF header lines', () => {
    const h = ['ply', 'format ascii 1.0', 'element vertex 1', 'property float x', 'property float y', 'property float z', 'end_header', ''].join('\r\n');
    expect(Array.from(parsePointCloud(file(h + '1 2 3\r\n')).positions)).toEqual([1, 2, 3]);
  });

  test('a cut-short binary file says how many vertices it expected and found', () => {
    const bytes = file(header('binary_little_endian'), pack(values, true));
    const e = thrown(() => parsePointCloud(bytes.subarray(0, bytes.length - 13 - 10)));
    expect([e.expectedPoints, e.foundPoints, e.format]).toEqual([2, 1, 'ply']);
    expect(e.message).toMatch(/element 'vertex' \(header line 8\) has 2 records, the file holds 1 complete vertices of 28 bytes/);
    const inCameras = thrown(() => parsePointCloud(bytes.subarray(0, header('binary_little_endian').length + 20)));
    expect(inCameras.message).toMatch(/element 'camera' \(header line 5\) has 2 records, the file holds 1 complete records/);
  });

  test('a cut-short ascii file says how many vertices it expected and found', () => {
    const h = lines('ply', 'format ascii 1.0', 'element vertex 3', 'property float x', 'property float y', 'property float z', 'end_header');
    const e = thrown(() => parsePointCloud(file(h + '1 2 3\n')));
    expect([e.expectedPoints, e.foundPoints]).toEqual([3, 1]);
    const short = thrown(() => parsePointCloud(file(h + '1 2 3\n1 2\n')));
    expect(short.message).toMatch(/^PLY data line 9, vertex 1: 2 values, expected 3/);
  });

  const bad: [string, string, number, string | undefined, RegExp][] = [
    ['bad magic', 'ply\nformat ascii 1.0\nend_header\n'.replace('ply', 'plyx'), 0, undefined, /./],
    ['unknown type', lines('ply', 'format ascii 1.0', 'element vertex 1', 'property float x', 'property half y', 'end_header'), 5, 'property', /type 'half' is not a PLY type/],
    ['unknown format', lines('ply', 'format binary_middle_endian 1.0', 'end_header'), 2, 'format', /unknown format 'binary_middle_endian'/],
    ['property before element', lines('ply', 'format ascii 1.0', 'property float x', 'end_header'), 3, 'property', /before any element/],
    ['bad element', lines('ply', 'format ascii 1.0', 'element vertex many', 'end_header'), 3, 'element', /expected 'element <name> <count>'/],
    ['unknown keyword', lines('ply', 'format ascii 1.0', 'elements vertex 1', 'end_header'), 3, 'elements', /not a PLY header keyword/],
    ['no vertex', lines('ply', 'format ascii 1.0', 'element face 0', 'property list uchar int vertex_indices', 'end_header'), 5, 'element', /no 'element vertex'/],
    ['no z', lines('ply', 'format ascii 1.0', 'element vertex 0', 'property float x', 'property float y', 'end_header'), 3, 'element', /has no property 'z'/],
    ['float label', lines('ply', 'format ascii 1.0', 'element vertex 0', 'property float x', 'property float y', 'property float z', 'property float label', 'end_header'), 7, 'property', /labels must be an integer type/],
    ['no end_header', lines('ply', 'format ascii 1.0', 'element vertex 0'), 3, 'end_header', /without 'end_header'/],
  ];
  test.each(bad.slice(1))('bad header: %s', (_, text, line, keyword, message) => {
    const e = thrown(() => parsePointCloud(file(text), { format: 'ply' }));
    expect([e.line, e.keyword]).toEqual([line, keyword]);
    expect(e.message).toMatch(message);
  });

  test('a file that is not PLY, read as PLY, names line 1', () => {
    const e = thrown(() => parsePointCloud(file('plyx\nformat ascii 1.0\n'), { format: 'ply' }));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/^PLY header line 1: expected 'ply', found 'plyx'/);
  });
});
