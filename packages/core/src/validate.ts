import { ANNOTATION_KINDS, type Annotation } from './annotation.js';
import { AnnotationError, describeValue, type Issue } from './issues.js';
import { checkNumber, checkText } from './schema.js';
import type { Label, LabelSchema } from './schema-types.js';

/** What the media tells validation: text for spans, sizes for images, duration for audio. */
export interface ValidationContext {
  /** Exact source text: span offsets and `text` are checked against it. */
  text?: string;
  /** Image width in pixels (informational; geometry outside the image is allowed). */
  width?: number;
  /** Image height in pixels. */
  height?: number;
  /** Audio/video duration in seconds: segments must end within it. */
  duration?: number;
  /** Video frame count: keyframes must be below it. */
  frameCount?: number;
}

const KIND_SET: ReadonlySet<string> = new Set(ANNOTATION_KINDS);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks annotations against the schema and the model's rules (ARCHITECTURE.md) and returns every
 * problem with its path (`[3].points[1]`). An empty array means valid.
 */
export function validateAnnotations(schema: LabelSchema, annotations: readonly unknown[], context: ValidationContext = {}): Issue[] {
  const issues: Issue[] = [];
  if (!Array.isArray(annotations)) return [{ path: '', message: `expected an array of annotations, got ${describeValue(annotations)}` }];
  const ids = new Map<string, number>();
  const cps = context.text === undefined ? undefined : Array.from(context.text);
  annotations.forEach((a, i) => {
    const at = `[${i}]`;
    if (!isRecord(a)) {
      issues.push({ path: at, message: `expected an annotation object, got ${describeValue(a)}` });
      return;
    }
    const add = (field: string, message: string) => issues.push({ path: field ? `${at}.${field}` : at, message });
    if (typeof a.id !== 'string' || a.id.length === 0) add('id', `expected a non-empty string id, got ${describeValue(a.id)}`);
    else if (ids.has(a.id)) add('id', `duplicate id "${a.id}" (also at [${ids.get(a.id)}])`);
    else ids.set(a.id, i);
    if (typeof a.kind !== 'string' || !KIND_SET.has(a.kind)) {
      add('kind', `unknown kind ${describeValue(a.kind)}; expected one of ${ANNOTATION_KINDS.join(', ')}`);
      return;
    }
    const label = typeof a.label === 'string' ? schema.byId.get(a.label) : undefined;
    if (typeof a.label !== 'string') add('label', `expected a label id, got ${describeValue(a.label)}`);
    else if (!label) add('label', `unknown label "${a.label}"`);
    // Keypoints only mean something against a skeleton (said first: it is why the kind is not allowed).
    else if (a.kind === 'keypoints' && !label.skeleton) add('label', `label "${a.label}" has no skeleton, so it cannot hold keypoints (a keypoints annotation has one point per skeleton keypoint)`);
    else if (!label.kinds.includes(a.kind as Annotation['kind'])) add('label', `label "${a.label}" is not allowed for kind "${a.kind}" (allowed: ${label.kinds.join(', ') || 'none'})`);
    else if (!label.selectable) add('label', `label "${a.label}" is a group and cannot be used itself`);
    if (a.source !== undefined && a.source !== 'human' && a.source !== 'model' && a.source !== 'import') add('source', `expected "human", "model" or "import", got ${describeValue(a.source)}`);
    if (a.score !== undefined && (!finite(a.score) || a.score < 0 || a.score > 1)) add('score', `expected a number in [0, 1], got ${describeValue(a.score)}`);
    if (a.extra !== undefined && !isRecord(a.extra)) add('extra', `expected an object, got ${describeValue(a.extra)}`);
    if (label) checkAttributeValues(a.attributes, label, add);
    else if (a.attributes !== undefined && !isRecord(a.attributes)) add('attributes', `expected an object, got ${describeValue(a.attributes)}`);
    checkGeometry(a, label, add, context, cps);
  });
  return issues;
}

/** Like {@link validateAnnotations} but throws an {@link AnnotationError} when anything is wrong. */
export function assertValidAnnotations(schema: LabelSchema, annotations: readonly unknown[], context?: ValidationContext): asserts annotations is Annotation[] {
  const issues = validateAnnotations(schema, annotations, context);
  if (issues.length) throw new AnnotationError(issues);
}

type Add = (field: string, message: string) => void;

/** `partial`: the values need not be complete (a keyframe sets only what changes), so `required` is not checked. */
function checkAttributeValues(values: unknown, label: Label, add: Add, { partial = false } = {}): void {
  const defs = label.attributes ?? [];
  if (values !== undefined && !isRecord(values)) {
    add('attributes', `expected an object, got ${describeValue(values)}`);
    return;
  }
  const v = values ?? {};
  for (const def of defs) {
    const value = v[def.id];
    const path = `attributes.${def.id}`;
    if (value === undefined) {
      if (def.required && !partial) add(path, `required attribute "${def.name ?? def.id}" is missing`);
      continue;
    }
    let problem: string | undefined;
    switch (def.type) {
      case 'select':
        if (typeof value !== 'string' || !def.options.includes(value)) problem = `expected one of ${def.options.join(', ')}, got ${describeValue(value)}`;
        break;
      case 'multiselect':
        if (!Array.isArray(value)) problem = `expected an array of options, got ${describeValue(value)}`;
        else {
          const bad = value.find((o) => typeof o !== 'string' || !def.options.includes(o));
          if (bad !== undefined) problem = `${describeValue(bad)} is not one of ${def.options.join(', ')}`;
          else if (def.required && value.length === 0) problem = `required attribute "${def.name ?? def.id}" needs at least one option`;
        }
        break;
      case 'boolean':
        if (typeof value !== 'boolean') problem = `expected a boolean, got ${describeValue(value)}`;
        break;
      case 'number':
        problem = checkNumber(value, def);
        break;
      case 'text':
        problem = checkText(value, def);
        if (!problem && def.required && value === '') problem = `required attribute "${def.name ?? def.id}" is empty`;
        break;
    }
    if (problem) add(path, problem);
  }
  const known = new Set(defs.map((d) => d.id));
  for (const key of Object.keys(v)) {
    if (!known.has(key)) add(`attributes.${key}`, `label "${label.id}" has no attribute "${key}"`);
  }
}

function checkGeometry(a: Record<string, unknown>, label: Label | undefined, add: Add, ctx: ValidationContext, cps: string[] | undefined): void {
  const num = (field: string, opts: { positive?: boolean; min?: number; integer?: boolean } = {}): boolean => {
    const v = a[field];
    if (!finite(v)) {
      add(field, `expected a finite number, got ${describeValue(v)}`);
      return false;
    }
    if (opts.positive && v <= 0) add(field, `expected ${field} > 0, got ${v}`);
    if (opts.min !== undefined && v < opts.min) add(field, `expected ${field} >= ${opts.min}, got ${v}`);
    if (opts.integer && !Number.isInteger(v)) add(field, `expected an integer, got ${v}`);
    return true;
  };
  switch (a.kind) {
    case 'bbox':
      num('x');
      num('y');
      num('width', { positive: true });
      num('height', { positive: true });
      if (a.rotation !== undefined) num('rotation');
      break;
    case 'polygon': {
      checkRing(a.points, 'points', add);
      if (a.holes !== undefined) {
        if (!Array.isArray(a.holes)) add('holes', `expected an array of rings, got ${describeValue(a.holes)}`);
        else a.holes.forEach((h, j) => checkRing(h, `holes[${j}]`, add));
      }
      break;
    }
    case 'keypoints': {
      if (!Array.isArray(a.points)) {
        add('points', `expected an array of { x, y, visibility }, got ${describeValue(a.points)}`);
        break;
      }
      const expected = label?.skeleton?.keypoints.length;
      if (expected !== undefined && a.points.length !== expected) {
        add('points', `expected ${expected} keypoints (the skeleton of "${label?.id}"), got ${a.points.length}`);
      }
      a.points.forEach((p, j) => {
        const at = `points[${j}]`;
        if (!isRecord(p)) return add(at, `expected { x, y, visibility }, got ${describeValue(p)}`);
        if (!finite(p.x)) add(`${at}.x`, `expected a finite number, got ${describeValue(p.x)}`);
        if (!finite(p.y)) add(`${at}.y`, `expected a finite number, got ${describeValue(p.y)}`);
        if (p.visibility !== 0 && p.visibility !== 1 && p.visibility !== 2) add(`${at}.visibility`, `expected 0 (not labelled), 1 (occluded) or 2 (visible), got ${describeValue(p.visibility)}`);
      });
      break;
    }
    case 'span': {
      const ok = num('start', { min: 0, integer: true }) && num('end', { min: 0, integer: true });
      if (typeof a.text !== 'string') add('text', `expected the span's text, got ${describeValue(a.text)}`);
      if (!ok) break;
      const start = a.start as number;
      const end = a.end as number;
      if (start >= end) add('end', `expected end > start, got start ${start}, end ${end}`);
      else if (cps) {
        if (end > cps.length) add('end', `end ${end} is past the end of the text (${cps.length} code points)`);
        else if (typeof a.text === 'string') {
          const slice = cps.slice(start, end).join('');
          if (slice !== a.text) add('text', `expected the text at [${start}, ${end}) to be ${describeValue(slice)}, got ${describeValue(a.text)}`);
        }
      }
      break;
    }
    case 'tag': {
      const hasStart = a.start !== undefined;
      const hasEnd = a.end !== undefined;
      if (hasStart !== hasEnd) {
        add(hasStart ? 'end' : 'start', 'a ranged tag needs both start and end');
        break;
      }
      if (hasStart && num('start', { min: 0, integer: true }) && num('end', { min: 0, integer: true })) {
        if ((a.start as number) >= (a.end as number)) add('end', `expected end > start, got start ${String(a.start)}, end ${String(a.end)}`);
        else if (cps && (a.end as number) > cps.length) add('end', `end ${String(a.end)} is past the end of the text (${cps.length} code points)`);
      }
      break;
    }
    case 'segment': {
      const ok = num('start', { min: 0 }) && num('end');
      // The store holds to the same rule (segmentRangeProblem): a segment is never empty.
      if (ok && (a.end as number) <= (a.start as number)) add('end', `expected end > start (a segment is never empty), got start ${String(a.start)}, end ${String(a.end)}`);
      if (ok && ctx.duration !== undefined && (a.end as number) > ctx.duration + 1e-9) add('end', `end ${String(a.end)} s is past the media's duration (${ctx.duration} s)`);
      if (a.channel !== undefined) num('channel', { min: 0, integer: true });
      if (a.text !== undefined && typeof a.text !== 'string') add('text', `expected a transcript string, got ${describeValue(a.text)}`);
      break;
    }
    case 'track': {
      if (!Array.isArray(a.keyframes) || a.keyframes.length === 0) {
        add('keyframes', `expected a non-empty array of keyframes, got ${describeValue(a.keyframes)}`);
        break;
      }
      let prev = -Infinity;
      a.keyframes.forEach((k, j) => {
        const at = `keyframes[${j}]`;
        if (!isRecord(k)) return add(at, `expected a keyframe object, got ${describeValue(k)}`);
        if (!finite(k.frame) || !Number.isInteger(k.frame) || k.frame < 0) add(`${at}.frame`, `expected a non-negative integer frame, got ${describeValue(k.frame)}`);
        else {
          if (k.frame === prev) add(`${at}.frame`, `duplicate keyframe at frame ${k.frame}`);
          else if (k.frame < prev) add(`${at}.frame`, `keyframes must be sorted by frame: ${k.frame} comes after ${prev}`);
          if (ctx.frameCount !== undefined && k.frame >= ctx.frameCount) add(`${at}.frame`, `frame ${k.frame} is past the last frame (${ctx.frameCount - 1})`);
          prev = k.frame;
        }
        for (const f of ['x', 'y'] as const) if (!finite(k[f])) add(`${at}.${f}`, `expected a finite number, got ${describeValue(k[f])}`);
        for (const f of ['width', 'height'] as const) {
          if (!finite(k[f])) add(`${at}.${f}`, `expected a finite number, got ${describeValue(k[f])}`);
          else if (k[f] <= 0) add(`${at}.${f}`, `expected ${f} > 0, got ${k[f]}`);
        }
        if (k.rotation !== undefined && !finite(k.rotation)) add(`${at}.rotation`, `expected a finite number, got ${describeValue(k.rotation)}`);
        // Keyframe attributes are values of the label's own attributes (those that change over time).
        if (k.attributes !== undefined) {
          if (label) checkAttributeValues(k.attributes, label, (field, message) => add(`${at}.${field}`, message), { partial: true });
          else if (!isRecord(k.attributes)) add(`${at}.attributes`, `expected an object, got ${describeValue(k.attributes)}`);
        }
      });
      break;
    }
    case 'cuboid': {
      for (const f of ['center', 'size'] as const) {
        const v = a[f];
        if (!Array.isArray(v) || v.length !== 3 || !v.every(finite)) add(f, `expected [x, y, z] of finite numbers, got ${describeValue(v)}`);
        else if (f === 'size') v.forEach((s, j) => { if ((s as number) <= 0) add(`size[${j}]`, `expected a size > 0, got ${String(s)}`); });
      }
      num('yaw');
      if (a.pitch !== undefined) num('pitch');
      if (a.roll !== undefined) num('roll');
      if (a.frame !== undefined) num('frame', { min: 0, integer: true });
      break;
    }
  }
}

function checkRing(ring: unknown, field: string, add: Add): void {
  if (!Array.isArray(ring)) {
    add(field, `expected an array of [x, y] points, got ${describeValue(ring)}`);
    return;
  }
  let ok = true;
  ring.forEach((p, j) => {
    if (!Array.isArray(p) || p.length !== 2 || !finite(p[0]) || !finite(p[1])) {
      add(`${field}[${j}]`, `expected [x, y] of finite numbers, got ${describeValue(p)}`);
      ok = false;
    }
  });
  if (!ok) return;
  const pts = ring as [number, number][];
  const distinct = new Set(pts.map(([x, y]) => `${x},${y}`)).size;
  if (distinct < 3) {
    add(field, `a polygon ring needs at least 3 distinct points, got ${distinct}`);
    return;
  }
  let twiceArea = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x1, y1] = pts[i]!;
    const [x2, y2] = pts[(i + 1) % pts.length]!;
    twiceArea += x1 * y2 - x2 * y1;
  }
  if (Math.abs(twiceArea) < 1e-12) add(field, 'a polygon ring must have non-zero area (its points are collinear)');
}
