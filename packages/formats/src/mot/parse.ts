import type { Annotation, AttributeDefinition, AttributeValue, LabelSchema, TrackKeyframe } from '@labelkit/core';
import type { DatasetItem, Media, ParseResult } from '../dataset.js';
import { lines, type FileSet } from '../shared/files.js';
import { IdPool } from '../shared/ids.js';
import { IssueList, describe } from '../shared/issues.js';
import { LabelSet } from '../shared/labels.js';
import { parseNumberToken } from '../shared/numbers.js';
import { readSeqInfo } from './seqinfo.js';

/** Options of `mot.parse`. */
export interface MotParseOptions {
  /** Map classes to this schema's labels (by `labels.txt` name) instead of inferring the labels. */
  schema?: LabelSchema;
  /**
   * What the file is: `gt` (column 7 is MOT's "consider" flag, 0 = ignore) or `results` (a tracker's
   * or detector's output: column 7 is a confidence). Default: `results` for `det.txt`, else `gt`.
   */
  file?: 'gt' | 'results';
  /** Number of the first frame: 1 as in MOT Challenge (default), 0 for files written 0-based. */
  frameBase?: 0 | 1;
  /** Pixel coordinate of the image's left/top edge: 1 as in MOT Challenge (default), 0 for 0-based writers (datumaro). */
  pixelBase?: 0 | 1;
}

/** MOT Challenge's classes (MOT16/17 ground truth), class id = index + 1, used when there is no `labels.txt`. */
export const MOT_CLASSES: readonly string[] = ['pedestrian', 'person on vehicle', 'car', 'bicycle', 'motorbike', 'non motorized vehicle', 'static person', 'distractor', 'occluder', 'occluder on the ground', 'occluder full', 'reflection'];

/** Attributes a MOT file carries: the visibility ratio, the ignore flag of ground truth, the confidence of results. */
export const MOT_ATTRIBUTES = { visibility: 'visibility', ignored: 'ignored', confidence: 'confidence' } as const;

interface Row {
  line: string;
  frame: number;
  id: number;
  box: [number, number, number, number];
  conf?: number;
  cls?: number;
  vis?: number;
}

/** One sequence of the input: where its files are. */
interface Sequence {
  root: string;
  annotations: string;
  text: string;
  file: 'gt' | 'results';
}

function findSequences(files: FileSet, issues: IssueList): Sequence[] {
  const keys = Object.keys(files).sort();
  const pick = (re: RegExp, file: 'gt' | 'results') => keys.filter((k) => re.test(k)).map((k) => ({ root: k.replace(re, '$1'), annotations: k, text: files[k]!, file }));
  let seqs = pick(/^(|.*\/)gt\/gt\.txt$/, 'gt');
  if (!seqs.length) seqs = pick(/^(|.*\/)gt\.txt$/, 'gt');
  if (!seqs.length) seqs = pick(/^(|.*\/)det\/det\.txt$/, 'results');
  if (!seqs.length) {
    const txt = keys.filter((k) => k.endsWith('.txt') && !/(^|\/)labels\.txt$/.test(k));
    if (txt.length === 1) seqs = [{ root: txt[0]!.slice(0, txt[0]!.lastIndexOf('/') + 1), annotations: txt[0]!, text: files[txt[0]!]!, file: 'gt' }];
    else issues.add('', `expected gt/gt.txt (or one annotation .txt) among the files, got ${keys.length ? keys.join(', ') : 'none'}`);
  }
  return seqs;
}

/**
 * Reads MOT Challenge sequences: `gt/gt.txt` rows `frame,id,bb_left,bb_top,bb_width,bb_height,conf,class,visibility`
 * (1-based frames and pixels), `seqinfo.ini` (name, frameRate, seqLength, imWidth, imHeight) and
 * `labels.txt` (class names, class id = line number; `gt/labels.txt` as datumaro writes it, or beside
 * `seqinfo.ini`). One item per sequence; one `track` per id, a keyframe on every row, `outside` on the
 * first frame of each gap and after the last row. Rows with id -1 (detections) are one-frame tracks.
 */
export function parseMot(input: FileSet | string, options: MotParseOptions = {}): ParseResult {
  const issues = new IssueList('mot');
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null)) {
    issues.add('', `expected gt.txt's text or a record of file name → text, got ${describe(input)}`);
    issues.throwIfAny();
  }
  const files: FileSet = typeof input === 'string' ? { 'gt/gt.txt': input } : input;
  const fb = options.frameBase ?? 1;
  const pb = options.pixelBase ?? 1;
  const labels = new LabelSet(issues, options.schema);
  const items: DatasetItem[] = [];
  const declared = new Set<string>();
  const dropped = new Set<string>();
  for (const seq of findSequences(files, issues)) {
    const file = options.file ?? (seq.annotations.endsWith('det.txt') ? 'results' : seq.file);
    const seqinfoKey = `${seq.root}seqinfo.ini`;
    const info = files[seqinfoKey] !== undefined ? readSeqInfo(files[seqinfoKey], seqinfoKey, issues) : undefined;
    const labelsKey = [`${seq.root}gt/labels.txt`, `${seq.root}labels.txt`, 'labels.txt'].find((k) => files[k] !== undefined);
    const names = labelsKey ? trimTrailingEmpty(lines(files[labelsKey]!).map((l) => l.trim())) : [...MOT_CLASSES];
    const rows = readRows(seq.text, seq.annotations, fb, issues);
    const frameCount = info?.frameCount;
    // Labels and the attributes the rows carry.
    const attrs: AttributeDefinition[] = [];
    if (rows.some((r) => r.vis !== undefined)) attrs.push({ id: MOT_ATTRIBUTES.visibility, type: 'number' });
    if (file === 'gt' && rows.some((r) => r.conf !== undefined)) attrs.push({ id: MOT_ATTRIBUTES.ignored, type: 'boolean' });
    if (file === 'results' && rows.some((r) => r.conf !== undefined)) attrs.push({ id: MOT_ATTRIBUTES.confidence, type: 'number' });
    if (!options.schema) {
      names.forEach((n, k) => {
        if (!n) return issues.add(`${labelsKey} line ${k + 1}`, 'empty class name');
        if (declared.has(n)) return;
        declared.add(n);
        labels.declare({ id: n, kinds: ['track'], ...(attrs.length ? { attributes: attrs } : {}) }, `${labelsKey ?? 'MOT classes'} line ${k + 1}`);
      });
    }
    const labelOf = (r: Row): string | undefined => {
      if (r.cls === undefined || r.cls === -1) return names[0];
      if (!Number.isInteger(r.cls) || r.cls < 1 || r.cls > names.length) {
        issues.add(r.line, `class ${r.cls} is not a class id of ${labelsKey ?? "MOT Challenge's classes"} (1-${names.length})`);
        return undefined;
      }
      return names[r.cls - 1];
    };
    // Attribute values the schema can hold (a given schema may lack MOT's).
    const keep = (label: string, values: Record<string, AttributeValue>): Record<string, AttributeValue> | undefined => {
      const defs = labels.label(label)?.attributes ?? [];
      const out: Record<string, AttributeValue> = {};
      for (const [k, v] of Object.entries(values)) {
        if (defs.some((d) => d.id === k)) out[k] = v;
        else if (!dropped.has(`${label}\u0000${k}`)) {
          dropped.add(`${label}\u0000${k}`);
          issues.warn(seq.annotations, `label "${label}" of the given schema has no attribute "${k}"; MOT's ${k} values of its tracks not imported`);
        }
      }
      return Object.keys(out).length ? out : undefined;
    };
    const byId = new Map<number, Row[]>();
    const annotations: Annotation[] = [];
    const ids = new IdPool();
    for (const r of rows) {
      if (frameCount !== undefined && r.frame >= frameCount) issues.add(r.line, `frame ${r.frame + fb} is past the sequence's last frame (seqLength=${frameCount})`);
      if (r.id === -1) continue;
      byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    }
    const rowAttrs = (r: Row): Record<string, AttributeValue> => ({
      ...(r.vis !== undefined ? { [MOT_ATTRIBUTES.visibility]: r.vis } : {}),
      ...(r.conf !== undefined && file === 'results' ? { [MOT_ATTRIBUTES.confidence]: r.conf } : {}),
    });
    const track = (group: Row[], id: string, extra?: Record<string, unknown>) => {
      group.sort((a, b) => a.frame - b.frame);
      const first = group[0]!;
      const name = labelOf(first);
      for (const r of group.slice(1)) {
        const n = labelOf(r);
        if (n !== undefined && name !== undefined && n !== name) issues.add(r.line, `track ${first.id} changes class here (${first.cls} on ${first.line}, ${r.cls} here); a track has one label`);
      }
      if (file === 'gt') for (const r of group) if (r.conf !== undefined && r.conf !== 0 && r.conf !== 1) issues.warn(r.line, `conf ${r.conf} in ground truth read as 1 (considered; only 0 means ignore)`);
      for (let k = 1; k < group.length; k++) if (group[k]!.frame === group[k - 1]!.frame) issues.add(group[k]!.line, `track ${first.id} has two boxes on frame ${group[k]!.frame + fb} (also ${group[k - 1]!.line})`);
      if (name === undefined) return;
      const label = labels.use(name, 'track', `${first.line} class`);
      if (!label) return;
      // Ground truth's ignore flag: on the track when every row agrees, else on every keyframe.
      const flags = file === 'gt' ? group.map((r) => r.conf === 0) : [];
      const uniform = flags.every((f) => f === flags[0]);
      const keyframes: TrackKeyframe[] = [];
      group.forEach((r, k) => {
        const [x, y, width, height] = r.box;
        const values = { ...rowAttrs(r), ...(file === 'gt' && !uniform ? { [MOT_ATTRIBUTES.ignored]: r.conf === 0 } : {}) };
        const kept = keep(label, values);
        keyframes.push({ frame: r.frame, x: x - pb, y: y - pb, width, height, ...(kept ? { attributes: kept } : {}) });
        const next = group[k + 1];
        const gone = r.frame + 1;
        if ((next ? next.frame > gone : frameCount === undefined || gone < frameCount)) keyframes.push({ frame: gone, x: x - pb, y: y - pb, width, height, outside: true });
      });
      const a: Annotation = { id: ids.take(id), kind: 'track', label, keyframes };
      const trackAttrs = file === 'gt' && uniform && flags[0] ? keep(label, { [MOT_ATTRIBUTES.ignored]: true }) : undefined;
      if (trackAttrs) a.attributes = trackAttrs;
      if (extra) a.extra = { mot: extra };
      annotations.push(a);
    };
    for (const [id, group] of [...byId].sort((a, b) => a[0] - b[0])) track(group, String(id));
    for (const r of rows) if (r.id === -1) track([r], `det-${r.line.replace(/\D+/g, '')}`, { id: -1 });
    const rootName = seq.root.replace(/\/$/, '');
    const media: Media = { id: info?.name ?? (rootName.slice(rootName.lastIndexOf('/') + 1) || 'sequence') };
    for (const k of ['fps', 'frameCount', 'width', 'height'] as const) if (info?.[k] !== undefined) media[k] = info[k];
    const mediaExtra: Record<string, unknown> = {};
    if (info?.other.length) mediaExtra.seqinfo = info.other;
    if (info && info.name === undefined) mediaExtra.unnamed = true;
    if (Object.keys(mediaExtra).length) media.extra = { mot: mediaExtra };
    items.push({ media, annotations });
  }
  issues.throwIfAny();
  return { dataset: { schema: labels.build(), items }, warnings: issues.warnings };
}

function trimTrailingEmpty(names: string[]): string[] {
  let n = names.length;
  while (n > 0 && names[n - 1] === '') n--;
  return names.slice(0, n);
}

/** Reads the rows of one annotation file; frames become 0-based. */
function readRows(text: string, file: string, fb: number, issues: IssueList): Row[] {
  const rows: Row[] = [];
  lines(text).forEach((raw, i) => {
    const line = `${file} line ${i + 1}`;
    if (!raw.trim()) return;
    const cols = raw.split(',').map((c) => c.trim());
    if (cols.length < 6 || cols.length > 10) return issues.add(line, `expected 6 to 10 comma-separated columns "frame,id,bb_left,bb_top,bb_width,bb_height[,conf[,class,visibility]]", got ${cols.length}`);
    const nums = cols.map((c) => parseNumberToken(c));
    const bad = nums.findIndex((n) => n === undefined);
    if (bad >= 0) return issues.add(line, `column ${bad + 1} must be a number, got "${cols[bad]}"`);
    const [frame, id, left, top, w, h, conf, c8, c9, c10] = nums as number[];
    const before = issues.issues.length;
    if (!Number.isInteger(frame) || frame! < fb) issues.add(line, `frame must be an integer >= ${fb} (MOT frames are ${fb}-based${fb === 1 ? '; pass frameBase: 0 for 0-based files' : ''}), got ${cols[0]}`);
    if (!Number.isInteger(id) || id! < -1) issues.add(line, `id must be an integer >= 0 (or -1 for a detection without a track), got ${cols[1]}`);
    if (!(w! > 0) || !(h! > 0)) issues.add(line, `bb_width and bb_height must be > 0, got ${cols[4]} and ${cols[5]}`);
    if (issues.issues.length > before) return;
    const row: Row = { line, frame: frame! - fb, id: id!, box: [left!, top!, w!, h!] };
    if (conf !== undefined) row.conf = conf;
    if (cols.length === 9 || cols.length === 8) {
      row.cls = c8;
      if (c9 !== undefined) row.vis = c9;
    } else if (cols.length === 10 && [c8, c9, c10].some((v) => v !== -1)) {
      issues.warn(line, 'world coordinates x,y,z (columns 8-10, MOT15) are not kept');
    }
    rows.push(row);
  });
  return rows;
}
