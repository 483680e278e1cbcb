import { parse as parseYaml } from 'yaml';
import type { Annotation, BBoxAnnotation, KeypointsAnnotation, LabelSchema, Point2 } from '@labelkit/core';
import type { DatasetItem, Format, FormatLoss } from '../dataset.js';
import { basename, lines, stripExtension, type FileSet } from '../shared/files.js';
import { bounds, boxCorners, boxFromCorners, pairs } from '../shared/geometry.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, isRecord } from '../shared/issues.js';
import { LabelSet } from '../shared/labels.js';
import { commonLosses, kindLoss } from '../shared/losses.js';
import { fmt, parseNumberToken } from '../shared/numbers.js';

/** What the rows of a YOLO dataset hold. */
export type YoloTask = 'detect' | 'segment' | 'pose' | 'obb';

export interface YoloParseOptions {
  /** Class names by index (overrides `dataYaml` and names files). */
  names?: string[] | Record<number, string>;
  /** The dataset's `data.yaml` text (`names`, `kpt_shape`). Also found in the input record as `*.yaml`. */
  dataYaml?: string;
  /** Image width in pixels, for every file. */
  width?: number;
  /** Image height in pixels, for every file. */
  height?: number;
  /** Image sizes by file: the key is the label file path, its stem, or an image file with that stem. */
  images?: Record<string, { width: number; height: number }>;
  /** Row layout; detected when absent (kpt_shape → pose; 4 numbers → detect; rectangles of 8 → obb; else segment). */
  task?: YoloTask;
  /** Keypoint shape `[count, 2 | 3]` (overrides `kpt_shape` in data.yaml). */
  kptShape?: [number, number];
  /** Map class names to this schema's labels instead of inferring them. */
  schema?: LabelSchema;
  /**
   * How far OBB corners may fall outside [0, 1] (default 0.02): real exporters write rotated boxes
   * that poke slightly out of the image. Such rows are read with a warning; detect, segment and pose
   * values must be inside [0, 1].
   */
  obbTolerance?: number;
}

export interface YoloSerializeOptions {
  /** Row layout; by default `pose` if there are keypoints, else `segment` if polygons, else `obb` if rotated boxes, else `detect`. */
  task?: YoloTask;
  /** Class names file: `data.yaml` (default) or `classes.txt`. */
  namesFile?: 'data.yaml' | 'classes.txt';
}

const IMAGE_EXT = /\.(jpe?g|png|bmp|gif|tiff?|webp)$/i;

/** Ultralytics / Darknet YOLO text labels. Input: one label file's text, or a record of path → text. */
export const yolo: Format<string | FileSet, FileSet, YoloParseOptions, YoloSerializeOptions> = {
  name: 'yolo',
  parse(input, options = {}) {
    const issues = new IssueList('yolo');
    const files: FileSet = typeof input === 'string' ? { 'labels.txt': input } : input;
    const labelFiles: string[] = [];
    let yamlText = options.dataYaml;
    let namesList: string[] | undefined;
    const other: Record<string, string> = {};
    for (const [name, text] of Object.entries(files)) {
      const base = basename(name).toLowerCase();
      if (/\.ya?ml$/.test(base)) yamlText ??= text;
      else if (base === 'classes.txt' || base.endsWith('.names')) namesList ??= lines(text).map((l) => l.trim()).filter(Boolean);
      else if (base.endsWith('.txt') && !/^(train|val|valid|test)\.txt$/.test(base)) labelFiles.push(name);
      else other[name] = text;
    }
    // Class names and keypoint shape.
    let names: string[] | undefined;
    let kptShape = options.kptShape;
    let yamlNames: unknown;
    if (yamlText !== undefined) {
      try {
        const y = parseYaml(yamlText) as unknown;
        if (isRecord(y)) {
          yamlNames = y.names;
          if (kptShape === undefined && y.kpt_shape !== undefined) {
            const ks = y.kpt_shape;
            if (Array.isArray(ks) && ks.length === 2 && Number.isInteger(ks[0]) && (ks[1] === 2 || ks[1] === 3)) kptShape = ks as [number, number];
            else issues.add('data.yaml kpt_shape', `expected [count, 2 or 3], got ${JSON.stringify(ks)}`);
          }
        } else issues.add('data.yaml', 'expected a mapping with "names"');
      } catch (e) {
        const lp = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
        issues.add(lp ? `data.yaml line ${lp}` : 'data.yaml', `invalid YAML: ${(e as Error).message.split('\n')[0]}`);
      }
    }
    const rawNames = options.names ?? namesList ?? yamlNames;
    if (rawNames !== undefined) {
      if (Array.isArray(rawNames)) names = rawNames.map(String);
      else if (isRecord(rawNames)) {
        names = [];
        for (const [k, v] of Object.entries(rawNames)) {
          if (!/^\d+$/.test(k)) issues.add(`names.${k}`, 'expected integer class ids as keys');
          else names[Number(k)] = String(v);
        }
        for (let i = 0; i < names.length; i++) if (names[i] === undefined) issues.add(`names`, `class ${i} has no name`);
      } else issues.add('names', `expected a list or a mapping of class names, got ${typeof rawNames}`);
    }
    if (!names && !options.schema) issues.warn('names', 'no class names (data.yaml, classes.txt, options.names); labels are the class indices');
    if (!names && options.schema) names = options.schema.labels.filter((l) => l.selectable).map((l) => l.id);

    const labels = new LabelSet(issues, options.schema);
    const classLabel: (string | undefined)[] = [];
    (names ?? []).forEach((n, i) => (classLabel[i] = labels.declare({ id: n }, `names[${i}]`)));
    if (kptShape && names && !options.schema) {
      const [k] = kptShape;
      for (const n of names) labels.ensureSkeleton(n, { keypoints: Array.from({ length: k }, (_, j) => String(j + 1)) });
    }

    // First pass: tokenise rows and decide the task.
    interface Row { line: number; cls: number; nums: number[] }
    const parsed: { file: string; rows: Row[] }[] = [];
    for (const file of labelFiles) {
      const rows: Row[] = [];
      lines(files[file]!).forEach((ln, i) => {
        const t = ln.trim();
        if (!t) return;
        const where = `${file} line ${i + 1}`;
        const tokens = t.split(/\s+/);
        const cls = tokens[0]!;
        if (!/^\d+$/.test(cls)) return issues.add(where, `class id must be a non-negative integer, got "${cls}"`);
        const nums: number[] = [];
        for (const tok of tokens.slice(1)) {
          const n = parseNumberToken(tok);
          if (n === undefined) return issues.add(where, `"${tok}" is not a number`);
          nums.push(n);
        }
        rows.push({ line: i + 1, cls: Number(cls), nums });
      });
      parsed.push({ file, rows });
    }
    let task = options.task ?? (kptShape ? 'pose' : undefined);
    const sizeOf = (file: string) => imageSize(file, options);
    if (!task) {
      const all = parsed.flatMap((p) => p.rows.map((r) => ({ r, file: p.file })));
      const non4 = all.filter(({ r }) => r.nums.length !== 4);
      if (non4.length === 0) task = 'detect';
      else if (non4.every(({ r }) => r.nums.length === 8) && all.every(({ r }) => r.nums.length === 8) && all.every(({ r, file }) => isRectangle(r.nums, sizeOf(file)))) task = 'obb';
      else task = 'segment';
    }
    const expectCols = task === 'pose' ? 4 + kptShape![0] * kptShape![1] : undefined;
    const tol = options.obbTolerance ?? 0.02;

    const items: DatasetItem[] = [];
    for (const { file, rows } of parsed) {
      const size = sizeOf(file);
      const where0 = file;
      if (!size) {
        if (rows.length) issues.add(where0, 'image size unknown: pass options.width/height or options.images');
      }
      const W = size?.width ?? 1;
      const H = size?.height ?? 1;
      const annotations: Annotation[] = [];
      const ids = new IdPool();
      let fileMode: 'detect' | 'segment' | undefined;
      for (const r of rows) {
        const where = `${file} line ${r.line}`;
        const n = r.nums.length;
        let label: string | undefined;
        if (names && (r.cls >= names.length || names[r.cls] === undefined)) {
          issues.add(where, `class ${r.cls} is not in the class names (0..${names.length - 1})`);
          continue;
        }
        const before = issues.issues.length;
        // Column count per task.
        if (task === 'detect' && n !== 4) issues.add(where, `expected 5 columns (class cx cy w h), got ${n + 1}`);
        else if (task === 'obb' && n !== 8) issues.add(where, `expected 9 columns (class x1 y1 ... x4 y4), got ${n + 1}`);
        else if (task === 'pose' && n !== expectCols) issues.add(where, `expected ${expectCols! + 1} columns (class cx cy w h + ${kptShape![0]}×${kptShape![1]} keypoint values), got ${n + 1}`);
        else if (task === 'segment') {
          const rowMode = n === 4 ? 'detect' : 'segment';
          if (n !== 4 && (n < 6 || n % 2)) issues.add(where, `a segment row needs class + an even count ≥ 6 of coordinates, got ${n + 1} columns`);
          else if (fileMode && fileMode !== rowMode) issues.add(where, `${rowMode} row in a file of ${fileMode} rows: detection and segmentation rows cannot be mixed in one file`);
          fileMode ??= rowMode;
        }
        // Range.
        r.nums.forEach((v, k) => {
          const isVis = task === 'pose' && kptShape![1] === 3 && k >= 4 && (k - 4) % 3 === 2;
          if (isVis) {
            if (v !== 0 && v !== 1 && v !== 2) issues.add(where, `keypoint visibility must be 0, 1 or 2, got ${v} (column ${k + 2})`);
            return;
          }
          if (v >= 0 && v <= 1) return;
          if (task === 'obb' && v >= -tol && v <= 1 + tol) {
            issues.warn(where, `OBB corner value ${v} is outside [0, 1] (by at most ${tol}); kept as is`);
            return;
          }
          issues.add(where, `value ${v} (column ${k + 2}) is outside [0, 1]`);
        });
        if (issues.issues.length > before) continue;
        const name = names ? names[r.cls]! : String(r.cls);
        const nm = r.nums;
        const id = ids.take(`L${r.line}`);
        if (task === 'detect' || (task === 'segment' && n === 4) || task === 'pose') {
          const [cx, cy, w, h] = nm as [number, number, number, number];
          const box: BBoxAnnotation = { id, kind: 'bbox', label: '', x: (cx - w / 2) * W, y: (cy - h / 2) * H, width: w * W, height: h * H };
          let kp: KeypointsAnnotation | undefined;
          if (task === 'pose') {
            const [k, d] = kptShape!;
            const points: KeypointsAnnotation['points'] = [];
            for (let j = 0; j < k; j++) {
              const x = nm[4 + j * d]!;
              const y = nm[5 + j * d]!;
              const v = d === 3 ? (nm[6 + j * d] as 0 | 1 | 2) : x === 0 && y === 0 ? 0 : 2;
              points.push({ x: x * W, y: y * H, visibility: v });
            }
            kp = { id: ids.take(`L${r.line}-kp`), kind: 'keypoints', label: '', points };
            // A box whose keypoints are all "0 0 0" is a plain box (how boxes are written in pose files).
            if (w > 0 && h > 0 && points.every((p) => p.x === 0 && p.y === 0 && p.visibility === 0)) kp = undefined;
          }
          const derived = kp && isDerivedBox(box, kp);
          if (w > 0 && h > 0 && !derived) {
            label = labels.use(name, 'bbox', where);
            if (label === undefined) continue;
            annotations.push({ ...box, label });
          }
          if (kp) {
            label = labels.use(name, 'keypoints', where);
            if (label === undefined) continue;
            if (!options.schema) labels.ensureSkeleton(label, { keypoints: Array.from({ length: kptShape![0] }, (_, j) => String(j + 1)) });
            annotations.push({ ...kp, label });
          } else if (!(w > 0 && h > 0)) issues.warn(where, 'zero-size box skipped');
        } else if (task === 'obb') {
          const corners = pairs(nm).map(([x, y]) => [x * W, y * H] as Point2);
          const b = boxFromCorners(corners);
          if (!isRectangle(nm, size)) issues.warn(where, 'OBB corners are not a rectangle; read as the rotated box through their centre and first two edges');
          label = labels.use(name, 'bbox', where);
          if (label === undefined) continue;
          annotations.push({ id, kind: 'bbox', label, ...b });
        } else {
          label = labels.use(name, 'polygon', where);
          if (label === undefined) continue;
          annotations.push({ id, kind: 'polygon', label, points: pairs(nm).map(([x, y]) => [x * W, y * H] as Point2) });
        }
      }
      const mediaId = stripExtension(file);
      items.push({ media: { id: mediaId, ...(size ? { width: size.width, height: size.height } : {}), extra: { yolo: { file } } }, annotations });
    }
    issues.throwIfAny();
    const extra: Record<string, unknown> = { task };
    if (names) extra.names = names;
    if (kptShape) extra.kptShape = kptShape;
    if (Object.keys(other).length) extra.files = other;
    return { dataset: { schema: labels.build(), items, extra: { yolo: extra } }, warnings: issues.warnings };
  },

  serialize(dataset, options = {}) {
    const losses: FormatLoss[] = [];
    const ex = (dataset.extra?.yolo ?? {}) as { names?: string[]; files?: Record<string, string> };
    const names = [...(ex.names ?? [])];
    for (const l of dataset.schema.labels) if (l.selectable && !names.includes(l.id)) names.push(l.id);
    const classOf = new Map(names.map((n, i) => [n, i]));
    const all = dataset.items.flatMap((it) => it.annotations);
    const task: YoloTask =
      options.task ??
      (all.some((a) => a.kind === 'keypoints') ? 'pose' : all.some((a) => a.kind === 'polygon') ? 'segment' : all.some((a) => a.kind === 'bbox' && a.rotation) ? 'obb' : 'detect');
    // Pose: every keypoint label must have the same number of joints.
    let k = 0;
    if (task === 'pose') {
      for (const l of dataset.schema.labels) if (l.skeleton && all.some((a) => a.label === l.id && a.kind === 'keypoints')) k = Math.max(k, l.skeleton.keypoints.length);
      for (const a of all) if (a.kind === 'keypoints') k = Math.max(k, a.points.length);
    }
    const output: FileSet = {};
    const usedFiles = new Set<string>();
    dataset.items.forEach((it, i) => {
      const m = it.media;
      const W = m.width;
      const H = m.height;
      const ipath = `items[${i}]`;
      const fileFromExtra = isRecord(m.extra?.yolo) && typeof m.extra!.yolo.file === 'string' ? m.extra!.yolo.file : undefined;
      let file = fileFromExtra ?? `${IMAGE_EXT.test(m.id) ? stripExtension(m.id) : m.id}.txt`;
      if (usedFiles.has(file)) file = `${stripExtension(file)}_${i}.txt`;
      usedFiles.add(file);
      if (W === undefined || H === undefined) {
        if (it.annotations.length) losses.push({ path: `${ipath}.media`, message: 'image size unknown; annotations of this item not exported (YOLO needs it to normalise)' });
        output[file] = '';
        return;
      }
      const rows: string[] = [];
      const nx = (x: number) => fmt(x / W);
      const ny = (y: number) => fmt(y / H);
      const used = new Set<string>();
      it.annotations.forEach((a, j) => {
        const path = `${ipath}.annotations[${j}]`;
        if (used.has(a.id)) return;
        const cls = classOf.get(a.label);
        if (cls === undefined) return void losses.push({ path: `${path}.label`, message: `label "${a.label}" has no class index` });
        commonLosses('YOLO', a, path, {}, losses);
        if (a.kind === 'bbox') {
          if (task === 'obb') {
            rows.push([cls, ...boxCorners(a).flatMap(([x, y]) => [nx(x), ny(y)])].join(' '));
          } else if (task === 'segment') {
            losses.push({ path, message: 'box written as a 4-point segment polygon (segment files cannot mix boxes and polygons); it reads back as a polygon' });
            rows.push([cls, ...boxCorners(a).flatMap(([x, y]) => [nx(x), ny(y)])].join(' '));
          } else {
            if (a.rotation) losses.push({ path: `${path}.rotation`, message: `YOLO ${task} boxes are axis-aligned; rotation ${a.rotation}° dropped` });
            let kp = '';
            if (task === 'pose') {
              const partner = it.annotations.find((b) => b.kind === 'keypoints' && b.label === a.label && b.id === `${a.id}-kp` && !used.has(b.id));
              if (partner && partner.kind === 'keypoints') {
                used.add(partner.id);
                kp = ' ' + keypointCols(partner, k, nx, ny);
              } else kp = ' ' + Array.from({ length: k }, () => '0 0 0').join(' ');
            }
            rows.push(`${cls} ${nx(a.x + a.width / 2)} ${ny(a.y + a.height / 2)} ${nx(a.width)} ${ny(a.height)}${kp}`);
          }
        } else if (a.kind === 'polygon') {
          if (task !== 'segment') return void losses.push({ path, message: `polygon not exported in YOLO ${task} mode` });
          if (a.holes?.length) losses.push({ path: `${path}.holes`, message: 'YOLO segments have no holes' });
          rows.push([cls, ...a.points.flatMap(([x, y]) => [nx(x), ny(y)])].join(' '));
        } else if (a.kind === 'keypoints') {
          if (task !== 'pose') return void losses.push({ path, message: `keypoints not exported in YOLO ${task} mode` });
          // A keypoints annotation without a box: the box is the extent of its labelled points.
          const b = visibleBox(a);
          rows.push(`${cls} ${nx(b.x + b.width / 2)} ${ny(b.y + b.height / 2)} ${nx(b.width)} ${ny(b.height)} ${keypointCols(a, k, nx, ny)}`);
        } else kindLoss('YOLO', a, path, losses);
      });
      rows.forEach((r, n) => {
        if (r.split(' ').slice(1).some((v, c) => !(task === 'pose' && c >= 4 && (c - 4) % 3 === 2) && (Number(v) < 0 || Number(v) > 1))) {
          losses.push({ path: `${ipath}`, message: `${file} line ${n + 1}: coordinates outside the image (outside [0, 1]); YOLO readers reject or clip them` });
        }
      });
      output[file] = rows.length ? `${rows.join('\n')}\n` : '';
    });
    if (options.namesFile === 'classes.txt') output['classes.txt'] = `${names.join('\n')}\n`;
    else {
      const y = [`nc: ${names.length}`, 'names:', ...names.map((n, i) => `  ${i}: ${JSON.stringify(n)}`)];
      if (task === 'pose') y.push(`kpt_shape: [${k}, 3]`);
      output['data.yaml'] = `${y.join('\n')}\n`;
    }
    return { output, losses };
  },
};

function keypointCols(a: KeypointsAnnotation, k: number, nx: (x: number) => string, ny: (y: number) => string): string {
  const cols: string[] = [];
  for (let j = 0; j < k; j++) {
    const p = a.points[j];
    cols.push(p ? `${nx(p.x)} ${ny(p.y)} ${p.visibility}` : '0 0 0');
  }
  return cols.join(' ');
}

function visibleBox(a: KeypointsAnnotation): { x: number; y: number; width: number; height: number } {
  const vis = a.points.filter((p) => p.visibility > 0).map((p) => [p.x, p.y] as Point2);
  if (!vis.length) return { x: 0, y: 0, width: 0, height: 0 };
  const [x0, y0, x1, y1] = bounds(vis);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** A pose row's box that is just the extent of its labelled keypoints (or empty) is not imported as a box. */
function isDerivedBox(box: BBoxAnnotation, kp: KeypointsAnnotation): boolean {
  const b = visibleBox(kp);
  const tol = 1e-9 * Math.max(1, Math.abs(box.x) + box.width + Math.abs(box.y) + box.height);
  return Math.abs(b.x - box.x) <= tol && Math.abs(b.y - box.y) <= tol && Math.abs(b.width - box.width) <= tol && Math.abs(b.height - box.height) <= tol;
}

/** Whether 8 normalised numbers are the corners of a rectangle in pixels (1e-3 relative tolerance). */
function isRectangle(nums: number[], size: { width: number; height: number } | undefined): boolean {
  if (nums.length !== 8) return false;
  const W = size?.width ?? 1;
  const H = size?.height ?? 1;
  const p = pairs(nums).map(([x, y]) => [x * W, y * H] as Point2);
  const e = (a: Point2, b: Point2): Point2 => [b[0] - a[0], b[1] - a[1]];
  const [a, b, c, d] = [e(p[0]!, p[1]!), e(p[1]!, p[2]!), e(p[2]!, p[3]!), e(p[3]!, p[0]!)];
  const len = Math.max(Math.hypot(...a), Math.hypot(...b), 1e-12);
  const tol = 1e-3 * len * len;
  const dot = (u: Point2, v: Point2) => u[0] * v[0] + u[1] * v[1];
  return Math.abs(dot(a, b)) <= tol && Math.abs(dot(b, c)) <= tol && Math.abs(dot(c, d)) <= tol && Math.abs(a[0] + c[0]) <= 1e-3 * len && Math.abs(a[1] + c[1]) <= 1e-3 * len;
}

function imageSize(file: string, o: YoloParseOptions): { width: number; height: number } | undefined {
  if (o.images) {
    const stem = stripExtension(file);
    const bstem = stripExtension(basename(file));
    for (const key of [file, stem, basename(file), bstem]) if (o.images[key]) return o.images[key];
    for (const [key, v] of Object.entries(o.images)) {
      const ks = stripExtension(key);
      if (ks === stem || ks === bstem || stripExtension(basename(key)) === bstem) return v;
    }
  }
  if (o.width !== undefined && o.height !== undefined) return { width: o.width, height: o.height };
  return undefined;
}

