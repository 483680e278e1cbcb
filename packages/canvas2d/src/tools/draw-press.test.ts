import { describe, expect, it } from 'vitest';
import type { Point2 } from '@labelkit/core';
import { ev, type ToolEvent } from '../events.js';
import type { ImageAnnotation } from '../shapes.js';
import { BOX_IDLE, boxTool, type BoxToolState } from './box-tool.js';
import { DRAW_PRESS_IDLE, drawPress, type DrawPressState } from './draw-press.js';
import { SELECT_IDLE, selectTool, type SelectEffect, type SelectToolState } from './select-tool.js';

/**
 * A 100×100 box at (50, 50) under the pointer; `selected` ids are selected. Events go through the
 * press to the real box tool (what it forwards) and the real select tool (what it passes on to edit).
 */
function harness(selected: string[] = [], clickSelects = true) {
  let press: DrawPressState = DRAW_PRESS_IDLE;
  let box: BoxToolState = BOX_IDLE;
  let sel: SelectToolState = SELECT_IDLE;
  let big: ImageAnnotation = { id: 'big', kind: 'bbox', label: 'car', x: 50, y: 50, width: 100, height: 100 };
  const selections: { id: string; additive: boolean }[] = [];
  const created: unknown[] = [];
  const edits: SelectEffect['type'][] = [];
  const path: string[] = [];
  const hitTest = (p: Point2) => (p[0] >= 50 && p[0] <= 150 && p[1] >= 50 && p[1] <= 150 ? 'big' : null);
  const image = { width: 400, height: 400 };
  const toSelect = (e: ToolEvent) => {
    const r = selectTool(sel, e, { image, zoom: 1, minSize: 2, bounds: 'clamp', readOnly: false, selectedIds: selected, get: (id) => (id === 'big' ? big : undefined), hitTest, hitHandle: () => null, queryRect: () => [], isLocked: () => false });
    sel = r.state;
    for (const fx of r.effects) {
      edits.push(fx.type);
      if (fx.type === 'update') big = fx.annotations.find((a) => a.id === 'big') ?? big;
    }
  };
  const send = (...events: ToolEvent[]) => {
    for (const e of events) {
      // As the annotator does: once the select tool has a gesture, it gets the events.
      if (sel.name !== 'idle') {
        toSelect(e);
        path.push(`${press.name}/${box.name}/${sel.name}`);
        continue;
      }
      const r = drawPress(press, e, { zoom: 1, hitTest, isSelected: (id) => selected.includes(id), clickSelects });
      press = r.state;
      if (r.select) selections.push(r.select);
      for (const f of r.edit ?? []) toSelect(f);
      for (const f of r.forward) {
        const b = boxTool(box, f, { image, zoom: 1, minSize: 2, bounds: 'clamp' });
        box = b.state;
        if (b.created) created.push(b.created);
      }
      path.push(`${press.name}/${box.name}/${sel.name}`);
    }
  };
  return { send, selections, created, edits, path, shape: () => big };
}

describe('a press with a drawing tool', () => {
  it('a click on a shape that is not selected selects it and draws nothing', () => {
    const h = harness();
    h.send(ev.down([80, 80]), ev.move([81, 80]), ev.up([81, 80]));
    expect(h.path).toEqual(['pressed/idle/idle', 'pressed/idle/idle', 'idle/idle/idle']);
    expect(h.selections).toEqual([{ id: 'big', additive: false }]);
    expect(h.created).toEqual([]);
  });

  it('a drag that starts on a shape draws a box from where the press began (boxes inside boxes)', () => {
    const h = harness();
    h.send(ev.down([80, 80]), ev.move([90, 95]), ev.move([120, 110]), ev.up([120, 110]));
    expect(h.path).toEqual(['pressed/idle/idle', 'idle/dragging/idle', 'idle/dragging/idle', 'idle/idle/idle']);
    expect(h.selections).toEqual([]);
    expect(h.created).toEqual([{ x: 80, y: 80, width: 40, height: 30 }]);
  });

  it('a press on empty space goes straight to the drawing tool; a click on the selected shape reaches it on release', () => {
    const free = harness();
    free.send(ev.down([10, 10]), ev.up([10, 10]));
    expect(free.path).toEqual(['idle/pointing/idle', 'idle/secondCorner/idle']);
    const sel = harness(['big']);
    sel.send(ev.down([80, 80]), ev.up([80, 80]));
    expect(sel.path).toEqual(['pressed/idle/idle', 'idle/secondCorner/idle']);
    expect(sel.selections).toEqual([]);
    expect(sel.edits).toEqual([]);
  });

  it('a drag that starts on the selected shape moves it and draws nothing', () => {
    const h = harness(['big']);
    h.send(ev.down([80, 80]), ev.move([81, 80]), ev.move([100, 90]), ev.move([110, 100]), ev.up([110, 100]));
    expect(h.path).toEqual(['pressed/idle/idle', 'pressed/idle/idle', 'idle/idle/translating', 'idle/idle/translating', 'idle/idle/idle']);
    expect(h.created).toEqual([]);
    expect(h.edits[0]).toBe('beginGesture');
    expect(h.edits.at(-1)).toBe('endGesture');
    expect(h.shape()).toMatchObject({ x: 80, y: 70, width: 100, height: 100 });
  });

  it('without clickSelects (keypoints) a press on a shape that is not selected goes to the drawing tool; the selected one still moves', () => {
    const h = harness([], false);
    h.send(ev.down([80, 80]), ev.up([80, 80]));
    expect(h.path).toEqual(['idle/pointing/idle', 'idle/secondCorner/idle']);
    expect(h.selections).toEqual([]);
    const sel = harness(['big'], false);
    sel.send(ev.down([80, 80]), ev.move([100, 100]), ev.up([100, 100]));
    expect(sel.created).toEqual([]);
    expect(sel.shape()).toMatchObject({ x: 70, y: 70 });
  });

  it('Shift-click adds to the selection; Escape or a cancel drops the press', () => {
    const h = harness();
    h.send(ev.down([80, 80], { shift: true }), ev.up([80, 80], { shift: true }));
    expect(h.selections).toEqual([{ id: 'big', additive: true }]);
    h.send(ev.down([80, 80]), ev.key('Escape'), ev.move([130, 130]), ev.up([130, 130]));
    h.send(ev.down([80, 80]), { type: 'cancel' });
    expect(h.selections).toHaveLength(1);
    expect(h.created).toEqual([]);
  });
});
