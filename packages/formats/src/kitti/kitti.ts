import { cuboidCorners, type Annotation, type CuboidAnnotation, type LabelSchema, type Point3 } from '@labelkit/core';
import type { DatasetItem, Format, FormatLoss } from '../dataset.js';
import { basename, stripExtension, type FileSet } from '../shared/files.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, isRecord } from '../shared/issues.js';
import { LabelSet } from '../shared/labels.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';
import { apply, invert, parseCalib, project, veloToRect, type KittiCalib, type Matrix34 } from './calib.js';

export interface KittiParseOptions {
  /** Map KITTI object types (`Car`, `Pedestrian`, ...) to this schema's labels instead of inferring them. */
  schema?: LabelSchema;
}

export interface KittiSerializeOptions {
  /**
   * The calib file text for items that were not read from KITTI (one text for every item, or by media
   * id). Items read by `parse` carry their own calib in `media.extra.kitti.calib`.
   */
  calib?: string | Record<string, string>;
  /**
   * Decimals of the numbers written (default 10: 0.1 nm and 1e-10 rad, below any sensor, and enough to
   * drop the float noise of the frame change, so that a file read and written again keeps its numbers).
   */
  decimals?: number;
}

/** The KITTI fields of one object line that the cuboid itself does not hold (`annotation.extra.kitti`). */
export interface KittiObjectExtra {
  truncated: number;
  occluded: number;
  /** Observation angle, radians. */
  alpha: number;
  /** 2D box in the left colour image: x1, y1, x2, y2 pixels. */
  bbox: [number, number, number, number];
}

/** What an item read from KITTI keeps for writing it back (`media.extra.kitti`). */
export interface KittiItemExtra {
  labelFile: string;
  calibFile: string;
  /** The calib file, verbatim. */
  calib: string;
  /** `DontCare` lines, verbatim, written after the objects. */
  dontCare: string[];
}

const HALF_PI = Math.PI / 2;
/** An angle in [−π, π]. */
const wrap = (a: number) => {
  const w = a - 2 * Math.PI * Math.round(a / (2 * Math.PI));
  return w < -Math.PI ? w + 2 * Math.PI : w > Math.PI ? w - 2 * Math.PI : w;
};

function frameFiles(files: FileSet): { labels: Map<string, string>; calibs: Map<string, string>; other: Record<string, string> } {
  const labels = new Map<string, string>();
  const calibs = new Map<string, string>();
  const other: Record<string, string> = {};
  for (const path of Object.keys(files).sort()) {
    const parts = path.split('/');
    const dir = parts[parts.length - 2];
    const frame = stripExtension(basename(path));
    if (dir === 'label_2' && path.endsWith('.txt')) labels.set(frame, path);
    else if (dir === 'calib' && path.endsWith('.txt')) calibs.set(frame, path);
    else other[path] = files[path]!;
  }
  return { labels, calibs, other };
}

/**
 * KITTI 3D object labels (`label_2/<frame>.txt`) with their calibration (`calib/<frame>.txt`): one item
 * per frame, its cuboids in the LiDAR frame of calib's `Tr_velo_to_cam`. KITTI writes each object in the
 * rectified camera frame (x right, y down, z forward) as the bottom-face centre, `h w l` and
 * `rotation_y` about the camera's y; labelkit's centre is the true centroid — the bottom centre raised
 * by h/2 along the camera's −y, then mapped through the exact inverse of `R0_rect · Tr_velo_to_cam` —
 * with `size = [l, w, h]` and `yaw = −rotation_y − π/2`. `DontCare` lines are kept for the round trip.
 */
export const kitti: Format<FileSet, FileSet, KittiParseOptions, KittiSerializeOptions> = {
  name: 'kitti',
  parse(input, options = {}) {
    const issues = new IssueList('kitti');
    if (!isRecord(input)) {
      issues.add('input', 'KITTI is a set of files (label_2/<frame>.txt and calib/<frame>.txt): give the folder, or a record of path → text');
      issues.throwIfAny();
    }
    const labels = new LabelSet(issues, options.schema);
    const ids = new IdPool();
    const { labels: labelFiles, calibs, other } = frameFiles(input);
    for (const [frame, path] of calibs) if (!labelFiles.has(frame)) issues.warn(path, `no label_2/${frame}.txt beside this calib file; frame ${frame} not read`);
    const items: DatasetItem[] = [];
    for (const [frame, labelFile] of labelFiles) {
      const calibFile = calibs.get(frame);
      if (!calibFile) {
        issues.add(labelFile, `no calib/${frame}.txt for this label file: the cuboids are placed in the LiDAR frame through its R0_rect and Tr_velo_to_cam`);
        continue;
      }
      const calibText = input[calibFile]!;
      const { calib, problems } = parseCalib(calibText);
      for (const p of problems) issues.add(`${calibFile} line ${p.line}`, p.message);
      const m = veloToRect(calib);
      if (typeof m === 'string') {
        issues.add(calibFile, m);
        continue;
      }
      const rectToVelo = invert(m);
      const annotations: Annotation[] = [];
      const dontCare: string[] = [];
      input[labelFile]!.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (!line) return;
        const where = `${labelFile} line ${i + 1}`;
        const [type, ...tokens] = line.split(/\s+/);
        if (type === 'DontCare') return void dontCare.push(line);
        if (tokens.length !== 14 && tokens.length !== 15) return void issues.add(where, `expected a type and 14 numbers (15 with a score), found ${tokens.length} values after ${JSON.stringify(type)}`);
        const n = tokens.map(parseNumberToken);
        const bad = n.findIndex((v) => v === undefined);
        if (bad >= 0) return void issues.add(where, `value ${bad + 2} (${JSON.stringify(tokens[bad])}) is not a number`);
        const [truncated, occluded, alpha, x1, y1, x2, y2, h, w, l, x, y, z, ry, score] = n as number[];
        if (h! < 0 || w! < 0 || l! < 0) return void issues.add(where, `dimensions h w l must be ≥ 0, found ${h} ${w} ${l}`);
        const label = labels.use(type!, 'cuboid', where);
        if (label === undefined) return;
        const kittiExtra: KittiObjectExtra = { truncated: truncated!, occluded: occluded!, alpha: alpha!, bbox: [x1!, y1!, x2!, y2!] };
        const cuboid: CuboidAnnotation = {
          id: ids.take(`${frame}:${i + 1}`),
          kind: 'cuboid',
          label,
          center: apply(rectToVelo, [x!, y! - h! / 2, z!]),
          size: [l!, w!, h!],
          yaw: -ry! - HALF_PI,
          ...(score !== undefined ? { score } : {}),
          extra: { kitti: kittiExtra },
        };
        annotations.push(cuboid);
      });
      const itemExtra: KittiItemExtra = { labelFile, calibFile, calib: calibText, dontCare };
      items.push({ media: { id: frame, extra: { kitti: itemExtra } }, annotations });
    }
    issues.throwIfAny();
    return { dataset: { schema: labels.build(), items, ...(Object.keys(other).length ? { extra: { kitti: { files: other } } } : {}) }, warnings: issues.warnings };
  },

  serialize(dataset, options = {}) {
    const losses: FormatLoss[] = [];
    const decimals = options.decimals ?? 10;
    const num = (v: number) => fmt(Math.abs(v) < 1e15 ? Number(v.toFixed(decimals)) : v);
    const output: FileSet = {};
    dataset.items.forEach((item, i) => {
      const ipath = `items[${i}]`;
      const m = item.media;
      const ex = (isRecord(m.extra?.kitti) ? m.extra!.kitti : {}) as Partial<KittiItemExtra>;
      const labelFile = ex.labelFile ?? `label_2/${m.id}.txt`;
      const calibFile = ex.calibFile ?? `calib/${m.id}.txt`;
      const calibText = ex.calib ?? (typeof options.calib === 'string' ? options.calib : options.calib?.[m.id]);
      const calib = calibText === undefined ? undefined : parseCalib(calibText).calib;
      const velo = calib ? veloToRect(calib) : 'no calib file (media.extra.kitti.calib or the calib option)';
      if (calibText !== undefined) output[calibFile] = calibText;
      const rows: string[] = [];
      item.annotations.forEach((a, j) => {
        const path = `${ipath}.annotations[${j}]`;
        if (a.kind !== 'cuboid') return kindLoss('KITTI', a, path, losses);
        if (typeof velo === 'string') return void losses.push({ path, message: `cuboid not exported: ${velo}` });
        rows.push(objectLine(a, velo, calib!, m, path, num, losses));
      });
      rows.push(...(ex.dontCare ?? []));
      output[labelFile] = rows.length ? rows.join('\n') + '\n' : '';
    });
    const files = dataset.extra?.kitti;
    if (isRecord(files) && isRecord(files.files)) for (const [k, v] of Object.entries(files.files)) if (typeof v === 'string' && !(k in output)) output[k] = v;
    return { output, losses };
  },
};

function objectLine(a: CuboidAnnotation, veloToRectM: Matrix34, calib: KittiCalib, media: DatasetItem['media'], path: string, num: (v: number) => string, losses: FormatLoss[]): string {
  commonLosses('KITTI', a, path, { score: true, extra: true }, losses);
  const foreign = Object.keys(a.extra ?? {}).filter((k) => k !== 'kitti');
  if (foreign.length) losses.push({ path: `${path}.extra`, message: `foreign fields ${foreign.join(', ')} not exported` });
  if (a.pitch || a.roll) losses.push({ path, message: `KITTI has only rotation_y: pitch ${a.pitch ?? 0} and roll ${a.roll ?? 0} rad not exported` });
  if (a.frame !== undefined) losses.push({ path: `${path}.frame`, message: `KITTI object labels have no sequence frame (${a.frame}); the item is the frame` });
  const [l, w, h] = a.size;
  const c = apply(veloToRectM, a.center);
  const bottom: Point3 = [c[0], c[1] + h / 2, c[2]];
  const ry = wrap(-a.yaw - HALF_PI);
  const k = (isRecord(a.extra?.kitti) ? a.extra!.kitti : {}) as Partial<KittiObjectExtra>;
  const alpha = k.alpha ?? wrap(ry - Math.atan2(bottom[0], bottom[2]));
  const bbox = k.bbox ?? imageBox(a, veloToRectM, calib, media, path, losses);
  const fields = [a.label, num(k.truncated ?? 0), num(k.occluded ?? 3), num(alpha), ...bbox.map(num), num(h), num(w), num(l), ...bottom.map(num), num(ry)];
  if (a.score !== undefined) fields.push(num(a.score));
  return fields.join(' ');
}

/** The 2D box of a cuboid in the left colour image (P2), clamped to the image when its size is known. */
function imageBox(a: CuboidAnnotation, veloToRectM: Matrix34, calib: KittiCalib, media: DatasetItem['media'], path: string, losses: FormatLoss[]): [number, number, number, number] {
  const p2 = calib.get('P2');
  const uv = p2 && p2.length === 12 ? cuboidCorners(a).map((p) => project(p2, apply(veloToRectM, p))) : [];
  const seen = uv.filter((p) => p !== undefined);
  if (seen.length === 0) {
    losses.push({ path, message: p2 ? 'the cuboid is behind the camera: its 2D box is written as 0 0 0 0' : 'calib has no P2: the 2D box is written as 0 0 0 0' });
    return [0, 0, 0, 0];
  }
  const clampX = (v: number) => (media.width ? Math.min(Math.max(v, 0), media.width - 1) : v);
  const clampY = (v: number) => (media.height ? Math.min(Math.max(v, 0), media.height - 1) : v);
  const xs = seen.map((p) => p[0]);
  const ys = seen.map((p) => p[1]);
  return [clampX(Math.min(...xs)), clampY(Math.min(...ys)), clampX(Math.max(...xs)), clampY(Math.max(...ys))];
}
