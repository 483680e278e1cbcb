// PCD edge cases built byte by byte: field types and sizes, COUNT > 1, `_` padding, packed colours typed
// U or F, organised clouds, cut-short files and bad header lines.
import { describe, expect, test } from 'vitest';
import { parsePointCloud } from './parse-point-cloud.js';
import { thrown } from './test-utils/thrown.js';
import { file, lines, lzfLiteralBlock, pack, type Value } from './test-utils/build-bytes.js';

const f32 = (v: number) => Math.fround(v);
const floatBits = (bits: number) => new Float32Array(new Uint32Array([bits]).buffer)[0]!;

const HEADER = (fields: string, size: string, type: string, count: string, points: number, data: string, extra: string[] = []) =>
  lines('# .PCD v0.7 - Point Cloud Data file format', 'VERSION 0.7', `FIELDS ${fields}`, `SIZE ${size}`, `TYPE ${type}`, `COUNT ${count}`, `WIDTH ${points}`, 'HEIGHT 1', ...extra, 'VIEWPOINT 0 0 0 1 0 0 0', `POINTS ${points}`, `DATA ${data}`);


describe('binary PCD with any field sizes and types', () => {
  // x F8, y I2, z U1, normal F4 x3 (COUNT 3), _ padding (4 bytes), intensity U2, label I1, rgb F (packed bits)
  const fields = 'x y z normal _ intensity label rgb';
  const header = HEADER(fields, '8 2 1 4 4 2 1 4', 'F I U F U U I F', '1 1 1 3 1 1 1 1', 2, 'binary');
  const point = (x: number, y: number, z: number, intensity: number, label: number, rgbBits: number): Value[] => [
    ['float64', x], ['int16', y], ['uint8', z], ['float32', 9], ['float32', 9], ['float32', 9], ['uint32', 0xdeadbeef], ['uint16', intensity], ['int8', label], ['uint32', rgbBits],
  ];
  const bytes = file(header, pack(point(0.1, -300, 200, 65535, -1, 0xff102030)), pack(point(1e300, 7, 0, 0, 5, 0x00ffffff)));

  test('every value converted as the issue says', () => {
    const cloud = parsePointCloud(bytes);
    expect(cloud.count).toBe(2);
    expect(Array.from(cloud.positions)).toEqual([f32(0.1), -300, 200, Infinity, 7, 0]);
    expect(Array.from(cloud.intensity!)).toEqual([65535, 0]);
    expect(Array.from(cloud.labels!)).toEqual([4294967295, 5]);
    expect(Array.from(cloud.colors!)).toEqual([0x10, 0x20, 0x30, 0xff, 0xff, 0xff]);
    expect(cloud.fields).toEqual(['x', 'y', 'z', 'normal', 'intensity', 'label', 'rgb']);
  });

  test('the same points in binary_compressed (fields stored one after another)', () => {
    // Field blocks: all x, all y, ... each point's COUNT values together.
    const p = [point(0.1, -300, 200, 65535, -1, 0xff102030), point(1e300, 7, 0, 0, 5, 0x00ffffff)];
    const sizes = [1, 1, 1, 3, 1, 1, 1, 1];
    const blocks: Value[] = [];
    let k = 0;
    for (const n of sizes) {
      for (const values of p) blocks.push(...values.slice(k, k + n));
      k += n;
    }
    const compressed = file(HEADER(fields, '8 2 1 4 4 2 1 4', 'F I U F U U I F', '1 1 1 3 1 1 1 1', 2, 'binary_compressed'), lzfLiteralBlock(pack(blocks)));
    expect(parsePointCloud(compressed)).toEqual(parsePointCloud(bytes));
  });

  test('int64 and uint64 fields; label from uint64 wraps modulo 2^32', () => {
    const b = file(HEADER('x y z label intensity', '4 4 4 8 8', 'F F F U I', '1 1 1 1 1', 1, 'binary'), pack([['float32', 1], ['float32', 2], ['float32', 3], ['uint64', 2n ** 40n + 7n], ['int64', -5n]]));
    const cloud = parsePointCloud(b);
    expect(Array.from(cloud.labels!)).toEqual([7]);
    expect(Array.from(cloud.intensity!)).toEqual([-5]);
  });

  test('rgba typed U: alpha dropped', () => {
    const b = file(HEADER('x y z rgba', '4 4 4 4', 'F F F U', '1 1 1 1', 1, 'binary'), pack([['float32', 0], ['float32', 0], ['float32', 0], ['uint32', 0x80a1b2c3]]));
    expect(Array.from(parsePointCloud(b).colors!)).toEqual([0xa1, 0xb2, 0xc3]);
  });

  test('an organised cloud (HEIGHT 2) keeps its NaN points', () => {
    const header = lines('VERSION 0.7', 'FIELDS x y z', 'SIZE 4 4 4', 'TYPE F F F', 'COUNT 1 1 1', 'WIDTH 2', 'HEIGHT 2', 'POINTS 4', 'DATA binary');
    const v = (x: number): Value[] => [['float32', x], ['float32', x], ['float32', x]];
    const cloud = parsePointCloud(file(header, pack([...v(1), ...v(NaN), ...v(NaN), ...v(4)])));
    expect(cloud.count).toBe(4);
    expect(Array.from(cloud.positions)).toEqual([1, 1, 1, NaN, NaN, NaN, NaN, NaN, NaN, 4, 4, 4]);
  });

  test('a cut-short binary file says how many points it expected and found', () => {
    const e = thrown(() => parsePointCloud(bytes.subarray(0, bytes.length - 3)));
    expect(e.message).toMatch(/expects 2 points of 34 bytes.*1 complete points/);
    expect([e.expectedPoints, e.foundPoints, e.format]).toEqual([2, 1, 'pcd']);
    expect(e.offset).toBe(bytes.length - 34);
  });

  test('a cut-short binary_compressed file names the offset and the expected points', () => {
    const b = file(HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 3, 'binary_compressed'), lzfLiteralBlock(new Uint8Array(36)));
    const e = thrown(() => parsePointCloud(b.subarray(0, b.length - 5)));
    expect(e.message).toMatch(/cut short.*expected 3 points/);
    expect(e.expectedPoints).toBe(3);
    const wrongSize = thrown(() => parsePointCloud(file(HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 4, 'binary_compressed'), lzfLiteralBlock(new Uint8Array(36)))));
    expect(wrongSize.message).toMatch(/uncompressed size is 36 bytes, but 4 points of 12 bytes need 48/);
  });
});

describe('ascii PCD', () => {
  test('values are rounded as Math.fround(parseFloat(...)); COUNT > 1 and _ take their values; rgb F is the float of the bits', () => {
    const header = HEADER('x y z _ normal rgb intensity label', '4 4 4 4 4 4 1 2', 'F F F F F F U U', '1 1 1 1 2 1 1 1', 3, 'ascii');
    const grey = floatBits(0x00808080);
    const body = [`0.1 -2.5e-3 1e-45 junk 1 2 ${grey.toPrecision(9)} 200 7`, '', `  3.4028235e38\t16777217 nan 0 0 0 4.2108e+06 0 65535  `, `-0 +1.5 1234567890123456789 0 0 0 ${floatBits(0xfe0a0b0c)} 1 0`].join('\r\n');
    const cloud = parsePointCloud(file(header + body));
    expect(cloud.count).toBe(3);
    expect(Array.from(cloud.positions)).toEqual([0.1, -2.5e-3, 1e-45, 3.4028235e38, 16777217, NaN, -0, 1.5, Number("1234567890123456789")].map((v) => Math.fround(v)));
    expect(Object.is(cloud.positions[6], -0)).toBe(true);
    expect(Array.from(cloud.colors!)).toEqual([128, 128, 128, 128, 128, 224, 10, 11, 12]);
    expect(Array.from(cloud.intensity!)).toEqual([200, 0, 1]);
    expect(Array.from(cloud.labels!)).toEqual([7, 65535, 0]);
    expect(cloud.fields).toEqual(['x', 'y', 'z', 'normal', 'rgb', 'intensity', 'label']);
  });

  test('rgb typed U in ascii (as PCL writes it) is the packed integer', () => {
    const cloud = parsePointCloud(file(HEADER('x y z rgb', '4 4 4 4', 'F F F U', '1 1 1 1', 1, 'ascii') + '1 2 3 4278255360\n'));
    expect(Array.from(cloud.colors!)).toEqual([0, 255, 0]);
  });

  test('a line with too few values names its line number', () => {
    const e = thrown(() => parsePointCloud(file(HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 2, 'ascii') + '1 2 3\n4 5\n')));
    expect(e.line).toBe(13);
    expect(e.message).toMatch(/^PCD data line 13, point 1: 2 values, expected 3/);
  });

  test('a value that is not a number names its line and field', () => {
    const e = thrown(() => parsePointCloud(file(HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 1, 'ascii') + '1 2e 3\n')));
    expect(e.message).toMatch(/^PCD data line 12, point 0: '2e' in field 'y' is not a number/);
  });

  test('a cut-short ascii file says how many points it expected and found', () => {
    const e = thrown(() => parsePointCloud(file(HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 5, 'ascii') + '1 2 3\n4 5 6\n')));
    expect([e.expectedPoints, e.foundPoints]).toEqual([5, 2]);
    expect(e.message).toMatch(/expects 5 points, the file has 2/);
  });
});

describe('bad PCD headers name the 1-based line and keyword', () => {
  const cases: [string, string, number, string, RegExp][] = [
    ['SIZE count', HEADER('x y z', '4 4', 'F F F', '1 1 1', 1, 'binary'), 4, 'SIZE', /2 values for the 3 FIELDS/],
    ['bad size', HEADER('x y z', '4 4 3', 'F F F', '1 1 1', 1, 'binary'), 4, 'SIZE', /field 'z' has size '3'/],
    ['bad type', HEADER('x y z', '4 4 4', 'F F D', '1 1 1', 1, 'binary'), 5, 'TYPE', /field 'z' has type 'D'/],
    ['F of size 2', HEADER('x y z', '4 4 2', 'F F F', '1 1 1', 1, 'binary'), 5, 'TYPE', /F needs size 4 or 8/],
    ['bad count', HEADER('x y z', '4 4 4', 'F F F', '1 0 1', 1, 'binary'), 6, 'COUNT', /field 'y' has count '0'/],
    ['unknown keyword', HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 1, 'binary', ['COLOR red']), 9, 'COLOR', /'COLOR' is not a PCD header keyword/],
    ['unknown encoding', HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 1, 'binary_lzma'), 11, 'DATA', /unknown encoding 'binary_lzma'/],
    ['no z', HEADER('x y intensity', '4 4 4', 'F F F', '1 1 1', 1, 'binary'), 3, 'FIELDS', /no 'z' field/],
    ['repeated field', HEADER('x y z x', '4 4 4 4', 'F F F F', '1 1 1 1', 1, 'binary'), 3, 'FIELDS', /field 'x' is named twice/],
    ['float label', HEADER('x y z label', '4 4 4 4', 'F F F F', '1 1 1 1', 1, 'binary'), 5, 'TYPE', /labels must be an integer type/],
    ['rgb of 3 bytes', HEADER('x y z rgb', '4 4 4 2', 'F F F U', '1 1 1 1', 1, 'binary'), 4, 'SIZE', /a packed colour is 4 bytes/],
    ['width x height', lines('FIELDS x y z', 'SIZE 4 4 4', 'TYPE F F F', 'WIDTH 3', 'HEIGHT 2', 'POINTS 5', 'DATA ascii'), 6, 'POINTS', /WIDTH 3 × HEIGHT 2 is 6 points, but POINTS says 5/],
    ['bad width', lines('FIELDS x y z', 'SIZE 4 4 4', 'TYPE F F F', 'WIDTH -3', 'DATA ascii'), 4, 'WIDTH', /found '-3'/],
    ['twice', lines('FIELDS x y z', 'SIZE 4 4 4', 'SIZE 4 4 4', 'DATA ascii'), 3, 'SIZE', /given twice \(first on line 2\)/],
  ];
  test.each(cases)('%s', (_, header, line, keyword, message) => {
    const e = thrown(() => parsePointCloud(file(header)));
    expect([e.line, e.keyword]).toEqual([line, keyword]);
    expect(e.message).toMatch(new RegExp(`^PCD header line ${line} \\(${keyword}\\): `));
    expect(e.message).toMatch(message);
  });

  test('no DATA line', () => {
    const e = thrown(() => parsePointCloud(file(lines('VERSION 0.7', 'FIELDS x y z'))));
    expect([e.line, e.keyword]).toEqual([2, 'DATA']);
    expect(e.message).toMatch(/ends after line 2 without a DATA line/);
  });

  test('no TYPE line', () => {
    const e = thrown(() => parsePointCloud(file(lines('FIELDS x y z', 'SIZE 4 4 4', 'POINTS 0', 'DATA ascii'))));
    expect(e.keyword).toBe('TYPE');
  });

  test('old headers: no WIDTH/HEIGHT means an unorganised cloud of POINTS points; no COUNT means 1 each', () => {
    const cloud = parsePointCloud(file(lines('FIELDS x y z', 'SIZE 4 4 4', 'TYPE F F F', 'POINTS 2', 'DATA ascii') + '1 2 3\n4 5 6'));
    expect(Array.from(cloud.positions)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('an empty cloud', () => {
    expect(parsePointCloud(file(HEADER('x y z', '4 4 4', 'F F F', '1 1 1', 0, 'binary_compressed'), pack([['uint32', 0], ['uint32', 0]])))).toEqual({ count: 0, positions: new Float32Array(0), fields: ['x', 'y', 'z'] });
  });
});
