import { describe, expect, it } from 'vitest';
import type { BBoxAnnotation, Point2, PolygonAnnotation } from '@labelkit/core';
import { ev, type ToolEvent } from '../events.js';
import { hitHandle } from '../handles.js';
import { annotationBounds, hitsAnnotation, hitArea, type ImageAnnotation } from '../shapes.js';
import { SELECT_IDLE, selectTool, type SelectEffect, type SelectToolContext, type SelectToolState } from './select-tool.js';

/** A tiny annotator: annotations, selection and gesture count, driven by the tool's effects. */
function harness(initial: ImageAnnotation[], opts: { readOnly?: boolean; locked?: string[]; zoom?: number } = {}) {
  const shapes = new Map(initial.map((a) => [a.id, a]));
  let selected: string[] = [];
  let gestures = 0;
  let open = false;
  const effects: SelectEffect[] = [];
  let state: SelectToolState = SELECT_IDLE;
  const path: string[] = [state.name];
  const ctx = (): SelectToolContext => ({
    image: { width: 200, height: 200 },
    zoom: opts.zoom ?? 1,
    minSize: 2,
    bounds: 'clamp',
    readOnly: opts.readOnly ?? false,
    selectedIds: selected,
    get: (id) => shapes.get(id),
    hitTest: (p: Point2) => {
      const hits = [...shapes.values()].filter((a) => hitsAnnotation(a, p, 2)).sort((a, b) => hitArea(a) - hitArea(b));
      return hits[0]?.id ?? null;
    },
    hitHandle: (p) => hitHandle(selected.map((id) => shapes.get(id)).filter((a): a is ImageAnnotation => !!a), p, opts.zoom ?? 1),
    queryRect: (r) => [...shapes.values()].filter((a) => { const b = annotationBounds(a); return b.x >= r.x && b.y >= r.y && b.x + b.width <= r.x + r.width && b.y + b.height <= r.y + r.height; }).map((a) => a.id),
    isLocked: (id) => (opts.locked ?? []).includes(id),
  });
  const send = (...events: ToolEvent[]) => {
    for (const e of events) {
      const r = selectTool(state, e, ctx());
      state = r.state;
      path.push(state.name);
      for (const fx of r.effects) {
        effects.push(fx);
        if (fx.type === 'select') {
          if (fx.mode === 'replace') selected = [...fx.ids];
          else if (fx.mode === 'add') selected = [...new Set([...selected, ...fx.ids])];
          else for (const id of fx.ids) selected = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
        } else if (fx.type === 'update') for (const a of fx.annotations) shapes.set(a.id, a);
        else if (fx.type === 'beginGesture') open = true;
        else if (fx.type === 'endGesture') { open = false; gestures++; }
      }
    }
  };
  return { send, path, get: (id: string) => shapes.get(id), selected: () => selected, gestures: () => gestures, open: () => open, effects };
}

const box = (id: string, x: number, y: number, w: number, h: number, rotation?: number): BBoxAnnotation => ({ id, kind: 'bbox', label: 'car', x, y, width: w, height: h, ...(rotation !== undefined ? { rotation } : {}) });

describe('select tool', () => {
  it('click selects, Shift-click adds, click on canvas clears', () => {
    const h = harness([box('a', 10, 10, 20, 20), box('b', 50, 10, 20, 20)]);
    h.send(ev.down([15, 15]), ev.up([15, 15]));
    expect(h.selected()).toEqual(['a']);
    h.send(ev.down([60, 20], { shift: true }), ev.up([60, 20], { shift: true }));
    expect(h.selected()).toEqual(['a', 'b']);
    h.send(ev.down([60, 20], { shift: true }), ev.up([60, 20], { shift: true }));
    expect(h.selected()).toEqual(['a']);
    h.send(ev.down([150, 150]), ev.up([150, 150]));
    expect(h.selected()).toEqual([]);
  });

  it('drag moves the shape as one gesture; path idle → pointingShape → translating → idle', () => {
    const h = harness([box('a', 10, 10, 20, 20)]);
    h.send(ev.down([15, 15]), ev.move([20, 20]), ev.move([35, 45]), ev.up([35, 45]));
    expect(h.path).toEqual(['idle', 'pointingShape', 'translating', 'translating', 'idle']);
    expect(h.get('a')).toMatchObject({ x: 30, y: 40, width: 20, height: 20 });
    expect(h.gestures()).toBe(1);
  });

  it('group move keeps shapes inside the image', () => {
    const h = harness([box('a', 10, 10, 20, 20), box('b', 100, 100, 20, 20)]);
    h.send(ev.down([0, 0]), ev.move([150, 150]), ev.up([150, 150]));
    expect(h.selected()).toEqual(['a', 'b']);
    h.send(ev.down([20, 20]), ev.move([205, 20]), ev.up([205, 20]));
    expect(h.get('b')).toMatchObject({ x: 180, y: 100 });
    expect(h.get('a')).toMatchObject({ x: 90, y: 10 });
  });

  it('resizes from a corner handle with the opposite corner fixed', () => {
    const h = harness([box('a', 10, 10, 20, 20)]);
    h.send(ev.down([15, 15]), ev.up([15, 15]));
    h.send(ev.down([30, 30]), ev.move([50, 40]), ev.up([60, 70]));
    expect(h.path.at(-2)).toBe('draggingHandle');
    expect(h.get('a')).toMatchObject({ x: 10, y: 10, width: 50, height: 60 });
  });

  it('rotation handle turns the box; Shift snaps to 15°', () => {
    const h = harness([box('a', 50, 50, 40, 40)]);
    h.send(ev.down([70, 70]), ev.up([70, 70]));
    // rotate handle is 24px above the top edge centre: (70, 26)
    h.send(ev.down([70, 26]), ev.move([100, 40]), ev.move([120, 72], { shift: true }), ev.up([120, 72], { shift: true }));
    expect(h.get('a')?.kind === 'bbox' && h.get('a')).toMatchObject({ rotation: 90 });
  });

  it('Escape during a drag restores the shape', () => {
    const h = harness([box('a', 10, 10, 20, 20)]);
    const before = h.get('a');
    h.send(ev.down([15, 15]), ev.move([40, 40]), ev.key('Escape'));
    expect(h.get('a')).toBe(before);
    expect(h.open()).toBe(false);
  });

  it('marquee selects shapes inside; readOnly and locked shapes do not move', () => {
    const h = harness([box('a', 10, 10, 20, 20), box('b', 100, 100, 20, 20)], { locked: ['a'] });
    h.send(ev.down([5, 5]), ev.move([40, 40]), ev.up([40, 40]));
    expect(h.selected()).toEqual(['a']);
    h.send(ev.down([15, 15]), ev.move([60, 60]), ev.up([60, 60]));
    expect(h.get('a')).toMatchObject({ x: 10, y: 10 });
    // The drag says which locked shapes stayed, so the annotator can tell the user why.
    expect(h.effects.filter((e) => e.type === 'locked')).toEqual([{ type: 'locked', ids: ['a'] }]);
    expect(h.gestures()).toBe(0);
    // A group drag moves the unlocked shapes and reports the locked one.
    h.send(ev.down([0, 0], { shift: true }), ev.move([150, 150], { shift: true }), ev.up([150, 150], { shift: true }));
    expect(h.selected()).toEqual(['a', 'b']);
    h.send(ev.down([110, 110]), ev.move([120, 110]), ev.up([120, 110]));
    expect(h.get('a')).toMatchObject({ x: 10, y: 10 });
    expect(h.get('b')).toMatchObject({ x: 110, y: 100 });
    expect(h.effects.filter((e) => e.type === 'locked')).toHaveLength(2);
    const r = harness([box('a', 10, 10, 20, 20)], { readOnly: true });
    r.send(ev.down([15, 15]), ev.move([60, 60]), ev.up([60, 60]));
    expect(r.get('a')).toMatchObject({ x: 10, y: 10 });
    expect(r.selected()).toEqual(['a']);
  });

  it('dragging a polygon midpoint inserts a vertex; clicking a vertex selects it', () => {
    const poly: PolygonAnnotation = { id: 'p', kind: 'polygon', label: 'road', points: [[10, 10], [50, 10], [50, 50]] };
    const h = harness([poly]);
    h.send(ev.down([40, 20]), ev.up([40, 20]));
    h.send(ev.down([30, 10]), ev.move([30, 0]), ev.up([30, 2]));
    expect((h.get('p') as PolygonAnnotation).points).toEqual([[10, 10], [30, 2], [50, 10], [50, 50]]);
    h.send(ev.down([50, 50]), ev.up([50, 50]));
    expect(h.effects.at(-1)).toMatchObject({ type: 'selectHandle', hit: { id: 'p', handle: { kind: 'vertex', ring: 0, index: 3 } } });
  });
});
