import { describe, expect, it } from 'vitest';
import { createIntervalIndex, fitTimeline } from '@labelkit/core';
import { draftGeometry, draftItem, drawFrame, overviewTicks, type DrawItem, type DrawTheme, type FrameState } from './draw.js';
import type { Lane } from './lanes.js';
import { LANE_HEADER, LANE_PADDING, ROW_HEIGHT, RULER_HEIGHT, trackLayout } from './layout.js';

/** One recorded `fillRect` with the fill colour and alpha in effect. */
interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  alpha: number;
}

/** A 2D context stand-in that records `fillRect` and `fillText` calls and ignores everything else. */
function recordingContext(): { ctx: CanvasRenderingContext2D; rects: Rect[]; texts: string[]; clears: number[][] } {
  const rects: Rect[] = [];
  const texts: string[] = [];
  const clears: number[][] = [];
  const state: Record<string | symbol, unknown> = { fillStyle: '#000', globalAlpha: 1 };
  const target = {
    clearRect: (x: number, y: number, w: number, h: number) => clears.push([x, y, w, h]),
    fillRect: (x: number, y: number, w: number, h: number) => rects.push({ x, y, w, h, fill: String(state.fillStyle), alpha: Number(state.globalAlpha) }),
    fillText: (t: string) => texts.push(t),
    measureText: (t: string) => ({ width: t.length * 6 }),
  };
  const ctx = new Proxy(target, {
    get: (t, k) => (k in t ? t[k as keyof typeof t] : k in state ? state[k] : () => undefined),
    set: (_t, k, v) => {
      state[k] = v;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, rects, texts, clears };
}

const theme: DrawTheme = { text: '#111', muted: '#666', border: '#ccc', surface: '#fff', stripe: '#eee', accent: '#00f', playhead: '#f00' };
const lanes: Lane[] = [
  { key: 'label:a', title: 'Alpha', color: '#aa0000', label: 'a' },
  { key: 'label:b', title: 'Beta', color: '#00bb00', label: 'b' },
];
const item = (id: string, start: number, end: number, extra: Partial<DrawItem> = {}): DrawItem => ({ id, start, end, lane: 0, row: 0, color: '#aa0000', caption: 'Alpha', suggestion: false, ...extra });

function frame(items: DrawItem[], over: Partial<FrameState> = {}, channels = 1): FrameState {
  return {
    viewport: fitTimeline(10, 1000), // 100 px per second
    layout: trackLayout([1, 1], 120, 0, channels),
    lanes,
    index: createIntervalIndex(items),
    selected: new Set(),
    playhead: -100,
    preview: null,
    markStart: null,
    theme,
    activeLane: -1,
    ...over,
  };
}

/** The segment bodies drawn in lane rows (fill alpha of a segment body), by x. */
const bodies = (rects: Rect[], f: FrameState) => rects.filter((r) => r.y >= f.layout.lanesTop && (r.alpha === 0.35 || r.alpha === 0.55));

describe('draftItem', () => {
  it('moves the item within its lane, keeping row and looks', () => {
    const base = item('s', 1, 2, { row: 2 });
    expect(draftItem(base, { start: 3, end: 4, lane: 0 }, lanes, true)).toEqual({ ...base, start: 3, end: 4 });
  });

  it("takes the new label lane's colour and name, and its first row", () => {
    const moved = draftItem(item('s', 1, 2, { row: 3 }), { start: 1, end: 2, lane: 1 }, lanes, true);
    expect(moved).toMatchObject({ lane: 1, row: 0, color: '#00bb00', caption: 'Beta' });
    // A transcript caption stays; attribute lanes keep the label colour.
    expect(draftItem(item('s', 1, 2, { caption: 'hello' }), { start: 1, end: 2, lane: 1 }, lanes, true).caption).toBe('hello');
    expect(draftItem(item('s', 1, 2), { start: 1, end: 2, lane: 1 }, lanes, false)).toMatchObject({ lane: 1, color: '#aa0000', caption: 'Alpha' });
    // An unknown lane: stay in the old one.
    expect(draftItem(item('s', 1, 2), { start: 5, end: 6, lane: 9 }, lanes, true)).toMatchObject({ lane: 0, start: 5, end: 6 });
  });
});

describe('drawFrame', () => {
  it('leaves the dragged (hidden) segment out, and draws the others', () => {
    const items = [item('a', 1, 2), item('b', 5, 6)];
    const f = frame(items, { hidden: 'a' });
    const { ctx, rects } = recordingContext();
    drawFrame(ctx, f);
    const xs = bodies(rects, f).map((r) => Math.round(r.x));
    expect(xs).toEqual([500]);
    // Its faint span over the waveform is gone too.
    expect(rects.filter((r) => r.alpha === 0.1).map((r) => Math.round(r.x))).toEqual([500]);
    const all = recordingContext();
    drawFrame(all.ctx, frame(items));
    expect(bodies(all.rects, f).map((r) => Math.round(r.x))).toEqual([100, 500]);
  });

  it("shades a channel's segment over that channel's waveform band only and gives it a badge", () => {
    const items = [item('left', 1, 2, { channel: 0 }), item('right', 4, 5, { channel: 1 }), item('all', 7, 8)];
    const f = frame(items, { selected: new Set(['right']) }, 2);
    const { ctx, rects, texts } = recordingContext();
    drawFrame(ctx, f);
    const spans = rects.filter((r) => r.alpha === 0.1);
    const at = (x: number) => spans.find((r) => Math.round(r.x) === x)!;
    expect(at(100)).toMatchObject({ y: RULER_HEIGHT, h: 60 });
    expect(at(400)).toMatchObject({ y: RULER_HEIGHT + 60, h: 60 });
    expect(at(700)).toMatchObject({ y: RULER_HEIGHT, h: 120 });
    // The selection shading of the right-channel segment covers the right band only.
    const shade = rects.find((r) => r.alpha === 0.18 && Math.round(r.x) === 400)!;
    expect(shade).toMatchObject({ y: RULER_HEIGHT + 60, h: 60 });
    expect(texts).toEqual(expect.arrayContaining(['L', 'R']));
    expect(texts.filter((t) => t === 'L' || t === 'R')).toHaveLength(2);
  });

  it('with a region, clears and draws only there: segments, lanes and ruler outside it are left alone', () => {
    const items = [item('a', 3, 4), item('b', 7, 8)];
    const f = frame(items);
    const lanesTop = f.layout.lanesTop;
    const { ctx, rects, texts, clears } = recordingContext();
    drawFrame(ctx, f, { x: 290, y: lanesTop, width: 120, height: f.layout.height - lanesTop });
    expect(clears).toEqual([[290, lanesTop, 120, f.layout.height - lanesTop]]);
    expect(bodies(rects, f).map((r) => Math.round(r.x))).toEqual([300]);
    // Below the ruler and the waveform band, right of the lane titles: only the segment's caption, no spans over the waveform.
    expect(texts).toEqual(['Alpha']);
    expect(rects.some((r) => r.alpha === 0.1)).toBe(false);
    const full = recordingContext();
    drawFrame(full.ctx, f);
    expect(full.clears).toEqual([[0, 0, 1000, f.layout.height]]);
    expect(full.texts).toEqual(expect.arrayContaining(['Alpha', 'Beta']));
  });

  it('draws no channel badges for a mono file', () => {
    const f = frame([item('x', 1, 2, { channel: 0 })]);
    const { ctx, texts } = recordingContext();
    drawFrame(ctx, f);
    expect(texts.some((t) => t === 'L' || t === '1')).toBe(false);
  });
});

describe('draftGeometry', () => {
  const v = fitTimeline(10, 1000); // 100 px per second

  it('places the overlay where drawFrame draws a segment: x and width, lane row, waveform shading', () => {
    const layout = trackLayout([1, 2], 120, 0);
    const g = draftGeometry(item('s', 3, 4.5, { lane: 1, row: 1 }), v, layout)!;
    expect(g.x).toBeCloseTo(300, 9);
    expect(g.width).toBeCloseTo(150, 9);
    expect(g.boxTop).toBe(layout.laneTops[1]! + LANE_HEADER + LANE_PADDING + ROW_HEIGHT + 1);
    expect(g.boxHeight).toBe(ROW_HEIGHT - 2);
    expect([g.shadeTop, g.shadeHeight]).toEqual([RULER_HEIGHT, 120]);
    expect([g.startEdge, g.endEdge]).toEqual([true, true]);
    expect(g.badge).toBe('');
  });

  it('clips to the view, hides edges out of view, and is null when off screen or in no lane', () => {
    const layout = trackLayout([1], 120, 0);
    const g = draftGeometry(item('s', -1, 20), { ...v, length: 30 }, layout)!;
    expect(g.x).toBe(-2);
    expect(g.width).toBe(1004);
    expect([g.startEdge, g.endEdge]).toEqual([false, false]);
    expect(draftGeometry(item('s', 11, 12), { ...v, length: 30 }, layout)).toBeNull();
    expect(draftGeometry(item('s', 1, 2, { lane: 5 }), v, layout)).toBeNull();
  });

  it("shades the segment's channel band and badges it in a multichannel file", () => {
    const layout = trackLayout([1], 120, 0, 2);
    const g = draftGeometry(item('s', 1, 2, { channel: 1 }), v, layout)!;
    expect([g.shadeTop, g.shadeHeight]).toEqual([RULER_HEIGHT + 60, 60]);
    expect(g.badge).toBe('R');
    expect(draftGeometry(item('s', 1, 2), v, layout)!.badge).toBe('');
  });
});

describe('overviewTicks', () => {
  it('merges the segments of each colour into pixel runs, each segment at least one pixel', () => {
    const items = [
      { start: 0, end: 1, color: 'red' },
      { start: 0.5, end: 2, color: 'red' },
      { start: 5, end: 5.01, color: 'red' },
      { start: 3, end: 4, color: 'blue' },
      { start: 9.99, end: 10, color: 'blue' },
    ];
    const ticks = overviewTicks(items, 10, 100); // 10 px per second
    expect(ticks.get('red')).toEqual([0, 20, 50, 51]);
    expect(ticks.get('blue')).toEqual([30, 40, 99, 100]);
  });

  it('makes at most one run per pixel whatever the count', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ start: i * 2.16, end: i * 2.16 + 1, color: i % 2 ? 'a' : 'b' }));
    const ticks = overviewTicks(many, 10800, 1000);
    for (const runs of ticks.values()) {
      expect(runs.length / 2).toBeLessThanOrEqual(1000);
      for (let i = 0; i < runs.length; i += 2) expect(runs[i + 1]!).toBeGreaterThan(runs[i]!);
    }
  });
});
