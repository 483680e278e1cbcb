/**
 * Lanes: the horizontal bands segments are drawn in. One lane per label by default, or one per value
 * of an attribute (e.g. `speaker`), so overlapping segments of different labels or speakers each stay
 * readable. Segments that overlap inside one lane are stacked into rows.
 */
import { labelsForKind, type AttributeValue, type LabelSchema, type SegmentAnnotation } from '@labelkit/core';

/** How segments are grouped into lanes: by label, or by the value of one attribute. */
export type LaneBy = 'label' | { attribute: string };

/** One lane. */
export interface Lane {
  /** Stable key: `label:<id>` or `attr:<value>` (`attr:` alone for segments without the attribute). */
  key: string;
  /** Shown at the lane's start; a label name or an attribute value (untrusted text: render as text). */
  title: string;
  /** Lane accent colour (the label's colour, or a palette colour for attribute values). */
  color: string;
  /** For label lanes: the label a segment created in this lane gets. */
  label?: string;
  /** For attribute lanes: the value a segment created in this lane gets (`null`: no value). */
  value?: AttributeValue | null;
}

/** The lanes of a set of segments and the lane of each segment. */
export interface LaneLayout {
  /** Lanes top to bottom. */
  lanes: Lane[];
  /** Lane index of each segment, by segment id. */
  laneOf: Map<string, number>;
}

const PALETTE = ['#4363d8', '#e6194b', '#3cb44b', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];

const valueKey = (v: AttributeValue | undefined | null): string => (v === undefined || v === null ? '' : Array.isArray(v) ? v.join(',') : String(v));

/** The key ({@link Lane.key}) of the lane `segment` belongs in. */
export function laneKey(segment: SegmentAnnotation, laneBy: LaneBy = 'label'): string {
  return laneBy === 'label' ? `label:${segment.label}` : `attr:${valueKey(segment.attributes?.[laneBy.attribute])}`;
}

/**
 * Assigns lanes. By label: every segment label of the schema, in schema order (labels without
 * segments included, so there is always a lane to draw a new segment in), then unknown labels seen
 * in `segments`. By attribute: the attribute's `select` options from the schema in order, then other
 * values in order of first appearance, then a "no value" lane if any segment lacks the attribute.
 */
export function assignLanes(schema: LabelSchema, segments: readonly SegmentAnnotation[], laneBy: LaneBy = 'label'): LaneLayout {
  const lanes: Lane[] = [];
  const byKey = new Map<string, number>();
  const add = (lane: Lane): number => {
    const at = byKey.get(lane.key);
    if (at !== undefined) return at;
    lanes.push(lane);
    byKey.set(lane.key, lanes.length - 1);
    return lanes.length - 1;
  };
  const laneOf = new Map<string, number>();
  if (laneBy === 'label') {
    for (const l of labelsForKind(schema, 'segment')) add({ key: `label:${l.id}`, title: l.name, color: l.color, label: l.id });
    for (const s of segments) {
      const l = schema.byId.get(s.label);
      laneOf.set(s.id, add({ key: `label:${s.label}`, title: l?.name ?? s.label, color: l?.color ?? '#888888', label: s.label }));
    }
    return { lanes, laneOf };
  }
  const attr = laneBy.attribute;
  for (const l of labelsForKind(schema, 'segment')) {
    for (const a of l.attributes ?? []) {
      if (a.id !== attr || a.type !== 'select') continue;
      for (const o of a.options) add({ key: `attr:${o}`, title: o, color: PALETTE[lanes.length % PALETTE.length]!, value: o });
    }
  }
  let noneSeen = false;
  for (const s of segments) {
    const v = s.attributes?.[attr];
    if (v === undefined) {
      noneSeen = true;
      continue;
    }
    const k = valueKey(v);
    laneOf.set(s.id, add({ key: `attr:${k}`, title: k, color: PALETTE[lanes.length % PALETTE.length]!, value: v }));
  }
  if (noneSeen || lanes.length === 0) {
    const none = add({ key: 'attr:', title: `No ${attr}`, color: '#888888', value: null });
    for (const s of segments) if (s.attributes?.[attr] === undefined) laneOf.set(s.id, none);
  }
  return { lanes, laneOf };
}

/**
 * Stacks overlapping segments of each lane into rows (greedy interval colouring in start order), so
 * that each can be seen and clicked. Returns the row of each segment id and the row count per lane.
 */
export function stackRows(segments: readonly SegmentAnnotation[], laneOf: ReadonlyMap<string, number>, laneCount: number): { rowOf: Map<string, number>; rows: number[] } {
  const rowOf = new Map<string, number>();
  const rows = new Array<number>(laneCount).fill(1);
  const rowEnds: number[][] = Array.from({ length: laneCount }, () => []);
  const sorted = [...segments].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const s of sorted) {
    const lane = laneOf.get(s.id);
    if (lane === undefined) continue;
    const ends = rowEnds[lane]!;
    let row = ends.findIndex((e) => e <= s.start);
    if (row === -1) {
      row = ends.length;
      ends.push(s.end);
    } else ends[row] = s.end;
    rowOf.set(s.id, row);
    rows[lane] = Math.max(rows[lane]!, ends.length);
  }
  return { rowOf, rows };
}

/** The fields to give a segment created in or moved to `lane`. */
export function laneFields(lane: Lane, laneBy: LaneBy): { label?: string; attributes?: Record<string, AttributeValue | undefined> } {
  if (laneBy === 'label') return lane.label === undefined ? {} : { label: lane.label };
  return { attributes: { [laneBy.attribute]: lane.value ?? undefined } };
}
