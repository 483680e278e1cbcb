// parsePointCloud on files written by the tools people use: Open3D writes PCD (all three encodings)
// and PLY (ascii, binary, a mesh), PCL's pcl_convert_pcd_ascii_binary re-encodes each PCD three ways
// (ascii, binary with its zero padding, binary_compressed), pcl_ply2ply writes big-endian PLY, and the
// real files copied from PCL, three.js and CVAT are read too. Open3D's own reading of every file (numpy
// for KITTI .bin) is the reference: positions, colours, intensity and labels must match exactly.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePointCloud } from './parse-point-cloud.js';
import { python, requireExecutable, requirePythonModule, runTool } from './test-utils/debian-tools.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../test-fixtures/pointcloud');
let dir = '';

beforeAll(() => {
  requirePythonModule('open3d', 'python3-open3d');
  const convert = requireExecutable('pcl_convert_pcd_ascii_binary', 'pcl-tools');
  const ply2ply = requireExecutable('pcl_ply2ply', 'pcl-tools');
  dir = mkdtempSync(path.join(tmpdir(), 'labelkit-clouds-'));
  python(path.join(here, 'test-utils/make_clouds.py'), dir);
  for (const name of readdirSync(dir)) {
    const base = name.replace(/\.(pcd|ply)$/, '');
    if (name.endsWith('.pcd')) {
      ['ascii', 'binary', 'binary_compressed'].forEach((mode, code) => runTool(convert, [path.join(dir, name), path.join(dir, `pcl_${mode}_from_${base}.pcd`), String(code)]));
    } else if (name.endsWith('_binary.ply')) {
      runTool(ply2ply, ['--format=binary_big_endian', path.join(dir, name), path.join(dir, `pcl_big_endian_from_${base}.ply`)], [0, 1]);
    }
  }
  for (const name of readdirSync(fixtures).filter((f) => /\.(pcd|ply|bin)$/.test(f))) copyFileSync(path.join(fixtures, name), path.join(dir, `fixture_${name}`));
  python(path.join(here, 'test-utils/read_clouds.py'), dir);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Reference {
  count: number;
  arrays: string[];
}

const raw = (file: string, type: 'f32' | 'u8' | 'u32') => {
  const b = readFileSync(file);
  const buffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  return Array.from(type === 'f32' ? new Float32Array(buffer) : type === 'u8' ? new Uint8Array(buffer) : new Uint32Array(buffer));
};

function compareWithOpen3d(name: string) {
  const file = path.join(dir, name);
  const ref = JSON.parse(readFileSync(`${file}.ref.json`, 'utf8')) as Reference;
  const cloud = parsePointCloud(readFileSync(file), name.endsWith('.bin') ? { format: 'kitti-bin' } : {});
  expect(cloud.count).toBe(ref.count);
  expect(Array.from(cloud.positions)).toEqual(raw(`${file}.positions.f32`, 'f32'));
  expect(cloud.colors ? Array.from(cloud.colors) : undefined).toEqual(ref.arrays.includes('colors') ? raw(`${file}.colors.u8`, 'u8') : undefined);
  expect(cloud.intensity ? Array.from(cloud.intensity) : undefined).toEqual(ref.arrays.includes('intensity') ? raw(`${file}.intensity.f32`, 'f32') : undefined);
  expect(cloud.labels ? Array.from(cloud.labels) : undefined).toEqual(ref.arrays.includes('labels') ? raw(`${file}.labels.u32`, 'u32') : undefined);
  return cloud;
}

const generated = [
  ...['ascii', 'binary', 'binary_compressed'].flatMap((e) => [`o3d_tensor_${e}.pcd`, `o3d_legacy_${e}.pcd`]),
  ...['ascii', 'binary', 'binary_compressed'].flatMap((mode) =>
    ['o3d_tensor_ascii', 'o3d_tensor_binary', 'o3d_tensor_binary_compressed', 'o3d_legacy_ascii', 'o3d_legacy_binary_compressed', 'organised_ascii'].map((b) => `pcl_${mode}_from_${b}.pcd`),
  ),
  'o3d_tensor_ascii.ply', 'o3d_tensor_binary.ply', 'o3d_legacy_ascii.ply', 'o3d_legacy_binary.ply', 'o3d_mesh_ascii.ply', 'o3d_mesh_binary.ply',
  'pcl_big_endian_from_o3d_tensor_binary.ply', 'pcl_big_endian_from_o3d_legacy_binary.ply', 'pcl_big_endian_from_o3d_mesh_binary.ply',
];

describe('files written by Open3D and PCL read as Open3D reads them', () => {
  test.each(generated)('%s', (name) => {
    expect(existsSync(path.join(dir, name)), `${name} was not written`).toBe(true);
    const cloud = compareWithOpen3d(name);
    if (name.includes('tensor')) {
      expect(cloud.intensity).toBeDefined();
      expect(cloud.labels).toBeDefined();
      expect(cloud.colors).toBeDefined();
    }
  });

  test('the files really are in the encodings the test names', () => {
    const head = (name: string) => readFileSync(path.join(dir, name)).subarray(0, 600).toString('latin1');
    expect(head('pcl_binary_compressed_from_o3d_tensor_ascii.pcd')).toMatch(/\nDATA binary_compressed\r?\n/);
    expect(head('pcl_binary_from_o3d_tensor_ascii.pcd')).toMatch(/\nDATA binary\r?\n/);
    expect(head('pcl_ascii_from_o3d_tensor_binary.pcd')).toMatch(/\nTYPE F F F U U F\r?\n[^]*\nDATA ascii\r?\n/);
    expect(head('pcl_big_endian_from_o3d_tensor_binary.ply')).toMatch(/\nformat binary_big_endian 1.0\r?\n/);
    expect(head('o3d_mesh_binary.ply')).toMatch(/\nelement face 12\r?\n/);
    expect(head('pcl_binary_from_organised_ascii.pcd')).toMatch(/\nHEIGHT 3\r?\n/);
  });

  test('PCL pads binary files with zeros after the points, and the padding is ignored', () => {
    const name = 'pcl_binary_from_o3d_tensor_ascii.pcd';
    const bytes = readFileSync(path.join(dir, name));
    const cloud = parsePointCloud(bytes);
    const dataStart = bytes.indexOf('DATA binary\n') + 'DATA binary\n'.length;
    expect(bytes.length).toBeGreaterThan(dataStart + cloud.count * 24);
    expect(bytes.subarray(dataStart + cloud.count * 24).every((b) => b === 0)).toBe(true);
  });

  test('an organised cloud keeps its NaN points in place', () => {
    for (const mode of ['ascii', 'binary', 'binary_compressed']) {
      const cloud = parsePointCloud(readFileSync(path.join(dir, `pcl_${mode}_from_organised_ascii.pcd`)));
      expect(cloud.count).toBe(15);
      for (let i = 0; i < 15; i++) expect(Number.isNaN(cloud.positions[3 * i]!)).toBe(i % 4 === 1);
    }
  });
});

describe('the real files in test-fixtures read as Open3D (numpy for KITTI .bin) reads them', () => {
  const names = readdirSync(fixtures).filter((f) => /\.(pcd|ply|bin)$/.test(f));
  test('there are fixtures', () => expect(names.length).toBeGreaterThanOrEqual(5));
  test.each(names)('%s', (name) => {
    const cloud = compareWithOpen3d(`fixture_${name}`);
    expect(cloud.count).toBeGreaterThan(0);
  });
});
