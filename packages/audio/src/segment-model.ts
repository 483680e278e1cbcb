/**
 * What the annotator draws and hit-tests, derived from the segments: lanes, rows, one draw item per
 * segment and the interval index over them. {@link buildSegmentModel} derives it all (sorts: O(n log n));
 * {@link nextSegmentModel} updates the previous model when a single segment changed within its lane —
 * the commit of a drag, a nudge, a transcript or channel edit, their undo and redo — by patching that
 * one item (no sort, no re-stacking), so such an edit does not re-derive all the others.
 *
 * Rows stay put across those edits: the changed segment takes the lowest row of its lane that is free
 * at its new extent, and no other segment moves (a full re-stack could move many). A full rebuild
 * (segments added or removed, a lane change, new suggestions, schema or `laneBy`) re-stacks every lane
 * from scratch (see {@link stackRows}).
 */
import { createIntervalIndex, replaceInIntervalIndex, type LabelSchema, type SegmentAnnotation, type IntervalIndex } from '@labelkit/core';
import type { ModelPatch } from './dirty-regions.js';
import type { DrawItem } from './draw.js';
import { assignLanes, laneKey, stackRows, type Lane, type LaneBy } from './lanes.js';

/** What the model is derived from. */
export interface SegmentModelInput {
  schema: LabelSchema;
  /** The segments in the store, in store order. */
  segments: readonly SegmentAnnotation[];
  /** Pending suggestions (drawn dashed). */
  pending: readonly SegmentAnnotation[];
  laneBy: LaneBy;
}

/** The derived model; treat as immutable. */
export interface SegmentModel {
  /** Lanes top to bottom. */
  lanes: Lane[];
  /** Rows per lane. */
  rows: number[];
  /** Every segment and suggestion as drawn, indexed by time. */
  index: IntervalIndex<DrawItem>;
  /** The draw item of each id. */
  byId: ReadonlyMap<string, DrawItem>;
  /** How many items each row of each lane holds (`rowCounts[lane][row]`), so rows can be kept exact. */
  rowCounts: readonly (readonly number[])[];
  /** Set when this model was patched from another for one segment: which item changed (lets the canvas redraw only there). */
  patch?: ModelPatch;
}

function drawItem(schema: LabelSchema, s: SegmentAnnotation, lane: number, row: number, lanes: readonly Lane[], suggestion: boolean): DrawItem {
  const label = schema.byId.get(s.label);
  const item: DrawItem = { id: s.id, start: s.start, end: s.end, lane, row, color: label?.color ?? lanes[lane]?.color ?? '#888', caption: s.text ? s.text : (label?.name ?? s.label), suggestion };
  if (s.channel !== undefined) item.channel = s.channel;
  return item;
}

/** Derives the whole model from scratch. */
export function buildSegmentModel({ schema, segments, pending, laneBy }: SegmentModelInput): SegmentModel {
  const all = pending.length ? [...segments, ...pending] : segments;
  const pendingIds = new Set(pending.map((s) => s.id));
  const { lanes, laneOf } = assignLanes(schema, all, laneBy);
  const { rowOf, rows } = stackRows(all, laneOf, lanes.length);
  const rowCounts = rows.map((r) => new Array<number>(r).fill(0));
  const items: DrawItem[] = [];
  for (const s of all) {
    const lane = laneOf.get(s.id) ?? 0;
    const row = rowOf.get(s.id) ?? 0;
    const counts = rowCounts[lane];
    if (counts) counts[row] = (counts[row] ?? 0) + 1;
    items.push(drawItem(schema, s, lane, row, lanes, pendingIds.has(s.id)));
  }
  return { lanes, rows, index: createIntervalIndex(items), byId: new Map(items.map((it) => [it.id, it])), rowCounts };
}

/**
 * The model for `next`, given the model `prev` derived from `prevInput`: patched in place of one item
 * when only one segment changed (same position in `segments`, same id, same lane), else rebuilt.
 */
export function nextSegmentModel(prev: SegmentModel, prevInput: SegmentModelInput, next: SegmentModelInput): SegmentModel {
  if (prevInput.schema !== next.schema || prevInput.laneBy !== next.laneBy || prevInput.pending !== next.pending) return buildSegmentModel(next);
  const a = prevInput.segments;
  const b = next.segments;
  if (a === b) return prev;
  if (a.length !== b.length) return buildSegmentModel(next);
  let changed = -1;
  for (let i = 0; i < b.length; i++) {
    if (a[i] === b[i]) continue;
    if (changed >= 0) return buildSegmentModel(next);
    changed = i;
  }
  if (changed < 0) return prev;
  const before = a[changed]!;
  const after = b[changed]!;
  const old = prev.byId.get(before.id);
  if (after.id !== before.id || !old || old.suggestion || prev.lanes[old.lane]?.key !== laneKey(after, next.laneBy)) return buildSegmentModel(next);
  const lane = old.lane;
  // Rows of the lane taken, at the new extent, by segments other than this one.
  const taken = new Set<number>();
  prev.index.forEach(after.start, Math.max(after.start, after.end), (it) => {
    if (it.lane === lane && it.id !== after.id) taken.add(it.row);
  });
  let row = 0;
  while (taken.has(row)) row++;
  const counts = prev.rowCounts.map((c, i) => (i === lane ? [...c] : c));
  const laneCounts = counts[lane] as number[];
  laneCounts[old.row] = (laneCounts[old.row] ?? 1) - 1;
  laneCounts[row] = (laneCounts[row] ?? 0) + 1;
  while (laneCounts.length > 1 && !laneCounts[laneCounts.length - 1]) laneCounts.pop();
  const rows = prev.rows.map((r, i) => (i === lane ? Math.max(1, laneCounts.length) : r));
  const item = drawItem(next.schema, after, lane, row, prev.lanes, false);
  const byId = new Map(prev.byId);
  byId.set(item.id, item);
  return { lanes: prev.lanes, rows, index: replaceInIntervalIndex(prev.index, old, item), byId, rowCounts: counts, patch: { from: prev.index, before: old, after: item } };
}

/**
 * A one-entry cache around {@link nextSegmentModel} for a component: `get(input)` returns the model
 * for `input`, patched from the previous call's model when it can be. Same input, same model.
 */
export function createSegmentModelCache(): { get(input: SegmentModelInput): SegmentModel } {
  let last: { input: SegmentModelInput; model: SegmentModel } | null = null;
  return {
    get(input) {
      const model = last ? nextSegmentModel(last.model, last.input, input) : buildSegmentModel(input);
      last = { input, model };
      return model;
    },
  };
}
