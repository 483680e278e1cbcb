import { describe, expect, it } from 'vitest';
import { createIntervalIndex, replaceInIntervalIndex, fitTimeline } from '@labelkit/core';
import { changedRegions, itemRegions, mergeRegions, snapRegion, type DrawnFrame, type Region } from './dirty-regions.js';
import type { DrawItem, DrawTheme, FrameState } from './draw.js';
import type { Lane } from './lanes.js';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, RULER_HEIGHT, trackLayout } from './layout.js';

const theme: DrawTheme = { text: '#111', muted: '#666', border: '#ccc', surface: '#fff', stripe: '#eee', accent: '#00f', playhead: '#f00' };
const lanes: Lane[] = [
  { key: 'label:a', title: 'Alpha', color: '#aa0000', label: 'a' },
  { key: 'label:b', title: 'Beta', color: '#00bb00', label: 'b' },
];
const item = (id: string, start: number, end: number, extra: Partial<DrawItem> = {}): DrawItem => ({ id, start, end, lane: 0, row: 0, color: '#aa0000', caption: 'Alpha', suggestion: false, ...extra });
const items = [item('a', 1, 2), item('b', 5, 6, { lane: 1 })];
const index = createIntervalIndex(items);
const byId = new Map(items.map((it) => [it.id, it]));

function drawn(over: Partial<FrameState> = {}, extra: Partial<DrawnFrame> = {}): DrawnFrame {
  const frame: FrameState = {
    viewport: fitTimeline(10, 1000), // 100 px per second
    layout: trackLayout([1, 1], 120, 0),
    lanes,
    index,
    selected: new Set(),
    playhead: 0,
    preview: null,
    markStart: null,
    theme: { ...theme },
    activeLane: 0,
    ...over,
  };
  return { frame, byId, ...extra };
}

/** The x-extent covered by `regions`. */
const xs = (regions: Region[] | null) => (regions ?? []).map((r) => [Math.round(r.x), Math.round(r.x + r.width)]);

describe('changedRegions', () => {
  it('redraws everything first, and after a change of view, layout, lanes, theme, active lane or mark', () => {
    const base = drawn();
    expect(changedRegions(null, base)).toBeNull();
    expect(changedRegions(base, drawn({ viewport: { ...base.frame.viewport, scrollStart: 1 } }))).toBeNull();
    expect(changedRegions(base, drawn({ layout: trackLayout([2, 1], 120, 0) }))).toBeNull();
    expect(changedRegions(base, drawn({ lanes: [...lanes] }))).toBeNull();
    expect(changedRegions(base, drawn({ theme: { ...theme, muted: '#000' } }))).toBeNull();
    expect(changedRegions(base, drawn({ activeLane: 1 }))).toBeNull();
    expect(changedRegions(base, drawn({ markStart: 3 }))).toBeNull();
  });

  it('draws nothing when nothing visible changed (equal values in new objects included)', () => {
    const base = drawn();
    expect(changedRegions(base, drawn({ viewport: { ...base.frame.viewport }, layout: trackLayout([1, 1], 120, 0) }))).toEqual([]);
  });

  it('redraws a segment whose selection changes: its shading over the waveform and its box', () => {
    const base = drawn();
    const regions = changedRegions(base, drawn({ selected: new Set(['b']) }))!;
    expect(regions).toHaveLength(2);
    expect(xs(regions)).toEqual([
      [496, 604],
      [496, 604],
    ]);
    const layout = base.frame.layout;
    const boxTop = layout.laneTops[1]! + LANE_HEADER + LANE_PADDING + 1;
    expect(regions.map((r) => [r.y, r.height])).toEqual([
      [RULER_HEIGHT, 120],
      [boxTop - 2, ROW_HEIGHT + 2],
    ]);
  });

  it('redraws the dragged segment where it was when the drag hides it, and not again when it is selected while hidden', () => {
    const base = drawn();
    const hiding = drawn({ hidden: 'a' });
    expect(xs(changedRegions(base, hiding))).toEqual([
      [96, 204],
      [96, 204],
    ]);
    expect(changedRegions(hiding, drawn({ hidden: 'a', selected: new Set(['a']) }))).toEqual([]);
  });

  it('redraws a patched segment at its old and new extent only, and everything for a rebuilt model', () => {
    const moved = item('a', 3, 4);
    const patched = replaceInIntervalIndex(index, items[0]!, moved);
    const next = drawn({ index: patched }, { byId: new Map([...byId, ['a', moved]]), patch: { from: index, before: items[0]!, after: moved } });
    expect(xs(changedRegions(drawn(), next))).toEqual([
      [96, 204],
      [96, 204],
      [296, 404],
      [296, 404],
    ]);
    // The drop of a drag: the segment was hidden at its old place, so only its new place is drawn.
    expect(xs(changedRegions(drawn({ hidden: 'a' }), next))).toEqual([
      [296, 404],
      [296, 404],
    ]);
    // An index not patched from the one drawn (a rebuild, or a patch of another): everything.
    expect(changedRegions(drawn(), drawn({ index: createIntervalIndex(items) }))).toBeNull();
    expect(changedRegions(drawn(), { ...next, patch: { from: createIntervalIndex(items), before: items[0]!, after: moved } })).toBeNull();
  });

  it('redraws a narrow column at the old and new playhead, and the old and new preview', () => {
    const base = drawn({ playhead: 1 });
    const r = changedRegions(base, drawn({ playhead: 2 }))!;
    expect(r.map((x) => [x.x, x.width, x.height])).toEqual([
      [97, 6, base.frame.layout.height],
      [197, 6, base.frame.layout.height],
    ]);
    const p = changedRegions(drawn({ playhead: 1 }), drawn({ playhead: 1, preview: { start: 4, end: 4.5, lane: 0 } }))!;
    expect(xs(p)).toEqual([[398, 452]]);
  });

  it('redraws everything when very many segments change selection', () => {
    const many = Array.from({ length: 100 }, (_, i) => item(`m${i}`, i / 10, i / 10 + 0.05));
    const big: DrawnFrame = { ...drawn({ index: createIntervalIndex(many) }), byId: new Map(many.map((it) => [it.id, it])) };
    expect(changedRegions(big, { ...big, frame: { ...big.frame, selected: new Set(many.map((m) => m.id)) } })).toBeNull();
  });
});

describe('itemRegions / mergeRegions / snapRegion', () => {
  it("covers a channel segment's own band, and nothing for a segment out of view or in no lane", () => {
    const layout = trackLayout([1], 120, 0, 2);
    const v = fitTimeline(10, 1000);
    expect(itemRegions(item('r', 1, 2, { channel: 1 }), v, layout)[0]).toMatchObject({ y: RULER_HEIGHT + 60, height: 60 });
    expect(itemRegions(item('x', 20, 21), v, layout)).toEqual([]);
    expect(itemRegions(item('x', 1, 2, { lane: 4 }), v, layout)).toEqual([]);
  });

  it('merges overlapping rectangles into their bounding box and keeps apart ones apart', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    const b = { x: 5, y: 5, width: 10, height: 10 };
    const c = { x: 100, y: 0, width: 5, height: 5 };
    expect(mergeRegions([a, c, b])).toEqual([{ x: 0, y: 0, width: 15, height: 15 }, c]);
    expect(mergeRegions([a, a])).toEqual([a]);
    expect(mergeRegions([{ x: 1, y: 1, width: 0, height: 4 }])).toEqual([]);
  });

  it('grows a region to whole device pixels and cuts it to the canvas', () => {
    expect(snapRegion({ x: 10.3, y: 0.2, width: 5.1, height: 3 }, 2, 100, 50)).toEqual({ x: 10, y: 0, width: 5.5, height: 3.5 });
    expect(snapRegion({ x: -4, y: 40, width: 10, height: 30 }, 1, 100, 50)).toEqual({ x: 0, y: 40, width: 6, height: 10 });
    expect(snapRegion({ x: 120, y: 0, width: 10, height: 10 }, 1, 100, 50)).toBeNull();
  });
});
