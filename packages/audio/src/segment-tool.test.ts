import { describe, expect, it } from 'vitest';
import { IDLE, hitTest, normaliseRange, segmentFromMarks, segmentTool, type ToolContext, type ToolEffect, type ToolEvent, type ToolSegment, type ToolState } from './segment-tool.js';

const segs = new Map<string, ToolSegment>([['s1', { start: 2, end: 4, lane: 0 }]]);
const ctx: ToolContext = { duration: 10, minLength: 0.1, dragThreshold: 0.05, get: (id) => segs.get(id) };

/** Runs events from idle; returns the state path and every effect. */
function run(events: ToolEvent[], c: ToolContext = ctx): { path: string[]; effects: ToolEffect[]; state: ToolState } {
  let state: ToolState = IDLE;
  const path: string[] = [];
  const effects: ToolEffect[] = [];
  for (const e of events) {
    const step = segmentTool(state, e, c);
    state = step.state;
    path.push(state.type);
    effects.push(...step.effects);
  }
  return { path, effects, state };
}

describe('segmentTool', () => {
  it('creates a segment by dragging, backwards too', () => {
    const r = run([
      { type: 'pointerdown', time: 5, lane: 1 },
      { type: 'pointermove', time: 4.5, lane: 1 },
      { type: 'pointermove', time: 3, lane: 2 },
      { type: 'pointerup', time: 3.2, lane: 2 },
    ]);
    expect(r.path).toEqual(['pointing', 'creating', 'creating', 'idle']);
    expect(r.effects).toContainEqual({ type: 'preview', start: 3, end: 5, lane: 1 });
    expect(r.effects.at(-1)).toEqual({ type: 'create', start: 3.2, end: 5, lane: 1 });
  });

  it('creates nothing when the audio has no duration (not loaded, or failed to), and says why', () => {
    const noAudio: ToolContext = { ...ctx, duration: 0 };
    const r = run([{ type: 'pointerdown', time: 1, lane: 0 }, { type: 'pointermove', time: 2, lane: 0 }, { type: 'pointermove', time: 3, lane: 0 }, { type: 'pointerup', time: 3, lane: 0 }], noAudio);
    expect(r.path).toEqual(['pointing', 'idle', 'idle', 'idle']);
    expect(r.effects).toEqual([{ type: 'cannotCreate', reason: 'no-duration' }]);
    // A click still seeks (to 0, all there is).
    expect(run([{ type: 'pointerdown', time: 1, lane: 0 }, { type: 'pointerup', time: 1, lane: 0 }], noAudio).effects).toEqual([{ type: 'select', id: null }, { type: 'seek', time: 0 }]);
    for (const duration of [Number.NaN, -1]) expect(run([{ type: 'pointerdown', time: 1, lane: 0 }, { type: 'pointermove', time: 2, lane: 0 }], { ...ctx, duration }).effects).toEqual([{ type: 'cannotCreate', reason: 'no-duration' }]);
  });

  it('treats a press without drag as a click: select or seek', () => {
    expect(run([{ type: 'pointerdown', time: 3, lane: 0, hit: { id: 's1', part: 'body' } }, { type: 'pointermove', time: 3.01, lane: 0 }, { type: 'pointerup', time: 3.01, lane: 0 }]).effects).toEqual([{ type: 'select', id: 's1', additive: false }]);
    expect(run([{ type: 'pointerdown', time: 7, lane: 0 }, { type: 'pointerup', time: 7, lane: 0 }]).effects).toEqual([{ type: 'select', id: null }, { type: 'seek', time: 7 }]);
  });

  it('moves a segment keeping its length, inside the file, across lanes', () => {
    const r = run([
      { type: 'pointerdown', time: 3, lane: 0, hit: { id: 's1', part: 'body' } },
      { type: 'pointermove', time: 4, lane: 0 },
      { type: 'pointermove', time: 20, lane: 1 },
      { type: 'pointerup', time: 20, lane: 1 },
    ]);
    expect(r.path).toEqual(['pointing', 'moving', 'moving', 'idle']);
    expect(r.effects.slice(0, 3)).toEqual([{ type: 'select', id: 's1' }, { type: 'beginGesture', id: 's1' }, { type: 'update', id: 's1', start: 3, end: 5, lane: 0 }]);
    expect(r.effects.at(-2)).toEqual({ type: 'update', id: 's1', start: 8, end: 10, lane: 1 });
    expect(r.effects.at(-1)).toEqual({ type: 'endGesture', id: 's1', cancelled: false });
  });

  it('resizes by an edge and never lets the edges cross', () => {
    const r = run([
      { type: 'pointerdown', time: 4, lane: 0, hit: { id: 's1', part: 'end' } },
      { type: 'pointermove', time: 5, lane: 0 },
      { type: 'pointermove', time: 0, lane: 0 },
      { type: 'pointerup', time: 0, lane: 0 },
    ]);
    expect(r.path).toEqual(['pointing', 'resizing', 'resizing', 'idle']);
    expect(r.effects).toContainEqual({ type: 'update', id: 's1', start: 2, end: 5, lane: 0 });
    expect(r.effects.at(-2)).toEqual({ type: 'update', id: 's1', start: 2, end: 2.1, lane: 0 });
  });

  it('puts a segment back on cancel (Escape during a drag)', () => {
    const r = run([
      { type: 'pointerdown', time: 2, lane: 0, hit: { id: 's1', part: 'start' } },
      { type: 'pointermove', time: 1, lane: 0 },
      { type: 'cancel' },
    ]);
    expect(r.effects.slice(-2)).toEqual([{ type: 'update', id: 's1', start: 2, end: 4, lane: 0 }, { type: 'endGesture', id: 's1', cancelled: true }]);
    expect(r.state).toEqual(IDLE);
  });

  it('snaps created and resized edges', () => {
    const snap = (t: number) => Math.round(t * 4) / 4;
    const r = run([{ type: 'pointerdown', time: 1.1, lane: 0 }, { type: 'pointermove', time: 1.9, lane: 0 }, { type: 'pointerup', time: 1.9, lane: 0 }], { ...ctx, snap });
    expect(r.effects.at(-1)).toEqual({ type: 'create', start: 1, end: 2, lane: 0 });
  });

  it('only selects and seeks when read-only', () => {
    const r = run([{ type: 'pointerdown', time: 3, lane: 0, hit: { id: 's1', part: 'body' } }, { type: 'pointermove', time: 5, lane: 0 }, { type: 'pointerup', time: 5, lane: 0 }], { ...ctx, readOnly: true });
    expect(r.effects).toEqual([{ type: 'select', id: 's1', additive: false }]);
  });
});

describe('normaliseRange / segmentFromMarks', () => {
  it('orders, clamps and enforces the minimum length', () => {
    expect(normaliseRange(5, 5.01, ctx)).toEqual({ start: 5, end: 5.1 });
    expect(normaliseRange(5.01, 5, ctx)).toEqual({ start: 4.91, end: 5.01 });
    expect(normaliseRange(9.99, 12, ctx)).toEqual({ start: 9.9, end: 10 });
    expect(segmentFromMarks(3, 1, ctx)).toEqual({ start: 1, end: 3 });
    expect(segmentFromMarks(-1, 0, ctx)).toEqual({ start: 0, end: 0.1 });
  });
});

describe('hitTest', () => {
  const c = [{ id: 'a', start: 1, end: 2 }, { id: 'b', start: 1.5, end: 3 }];
  it('finds edges within tolerance before bodies, the later segment on top', () => {
    expect(hitTest(c, 1.02, 0.05)).toEqual({ id: 'a', part: 'start' });
    expect(hitTest(c, 1.98, 0.05)).toEqual({ id: 'a', part: 'end' });
    expect(hitTest(c, 1.7, 0.05)).toEqual({ id: 'b', part: 'body' });
    expect(hitTest(c, 1.2, 0.05)).toEqual({ id: 'a', part: 'body' });
    expect(hitTest(c, 4, 0.05)).toBeNull();
  });
});
