import { describe, expect, it } from 'vitest';
import type { Point2, PolygonAnnotation } from '@labelkit/core';
import { ev, type ToolEvent } from '../events.js';
import { addHole, insertVertex, moveVertex, POLYGON_IDLE, polygonTool, removeVertices, type PolygonToolContext, type PolygonToolState } from './polygon-tool.js';

const ctx: PolygonToolContext = { image: { width: 200, height: 200 }, zoom: 1, bounds: 'clamp' };
function run(events: ToolEvent[]) {
  let state: PolygonToolState = POLYGON_IDLE;
  const created: Point2[][] = [];
  const path: string[] = [state.name];
  for (const e of events) {
    const r = polygonTool(state, e, ctx);
    state = r.state;
    path.push(state.name);
    if (r.created) created.push(r.created);
  }
  return { state, created, path };
}
const clicks = (...pts: Point2[]) => pts.flatMap((p) => [ev.down(p), ev.up(p)]);

describe('polygon tool', () => {
  it('closes on the first vertex', () => {
    const r = run([...clicks([10, 10], [100, 10], [100, 100]), ev.down([12, 11])]);
    expect(r.created).toEqual([[[10, 10], [100, 10], [100, 100]]]);
    expect(r.state.name).toBe('idle');
  });
  it('closes on Enter and on double click (the double click adds no duplicate vertex)', () => {
    expect(run([...clicks([10, 10], [100, 10], [100, 100]), ev.key('Enter')]).created).toHaveLength(1);
    const d = run([...clicks([10, 10], [100, 10], [100, 100], [100, 100]), ev.dbl([100, 100])]);
    expect(d.created).toEqual([[[10, 10], [100, 10], [100, 100]]]);
  });
  it('does not close with fewer than 3 points', () => {
    const r = run([...clicks([10, 10], [100, 10]), ev.key('Enter')]);
    expect(r.created).toEqual([]);
    expect(r.state.name).toBe('drawing');
  });
  it('Backspace removes the last vertex; Escape cancels', () => {
    const r = run([...clicks([10, 10], [100, 10], [50, 50]), ev.key('Backspace'), ...clicks([100, 100]), ev.key('Enter')]);
    expect(r.created).toEqual([[[10, 10], [100, 10], [100, 100]]]);
    expect(run([...clicks([10, 10], [100, 10]), ev.key('Escape')]).path.at(-1)).toBe('idle');
  });
  it('clamps vertices to the image', () => {
    const r = run([...clicks([-10, 10], [300, 10], [100, 250]), ev.key('Enter')]);
    expect(r.created).toEqual([[[0, 10], [200, 10], [100, 200]]]);
  });
});

describe('polygon editing', () => {
  const square: PolygonAnnotation = { id: 'p', kind: 'polygon', label: 'x', points: [[0, 0], [10, 0], [10, 10], [0, 10]] };
  it('moves and inserts vertices', () => {
    expect(moveVertex(square, 0, 2, [20, 20]).points[2]).toEqual([20, 20]);
    expect(insertVertex(square, 0, 0, [5, -3]).points).toEqual([[0, 0], [5, -3], [10, 0], [10, 10], [0, 10]]);
  });
  it('never removes below 3 vertices', () => {
    expect(removeVertices(square, [[0, 1]]).polygon.points).toHaveLength(3);
    const r = removeVertices(square, [[0, 0], [0, 1]]);
    expect(r.removed).toBe(0);
    expect(r.polygon).toBe(square);
  });
  it('adds a hole only when inside', () => {
    expect(addHole(square, [[2, 2], [4, 2], [4, 4]])?.holes).toEqual([[[2, 2], [4, 2], [4, 4]]]);
    expect(addHole(square, [[2, 2], [40, 2], [4, 4]])).toBeNull();
  });
});
