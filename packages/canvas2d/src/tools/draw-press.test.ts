import { describe, expect, it } from 'vitest';
import type { Point2 } from '@labelkit/core';
import { ev, type ToolEvent } from '../events.js';
import { BOX_IDLE, boxTool, type BoxToolState } from './box-tool.js';
import { DRAW_PRESS_IDLE, drawPress, type DrawPressState } from './draw-press.js';

/** A 100×100 box at (50, 50) under the pointer; `selected` ids are selected. */
function harness(selected: string[] = []) {
  let press: DrawPressState = DRAW_PRESS_IDLE;
  let box: BoxToolState = BOX_IDLE;
  const selections: { id: string; additive: boolean }[] = [];
  const created: unknown[] = [];
  const path: string[] = [];
  const hitTest = (p: Point2) => (p[0] >= 50 && p[0] <= 150 && p[1] >= 50 && p[1] <= 150 ? 'big' : null);
  const send = (...events: ToolEvent[]) => {
    for (const e of events) {
      const r = drawPress(press, e, { zoom: 1, hitTest, isSelected: (id) => selected.includes(id) });
      press = r.state;
      if (r.select) selections.push(r.select);
      for (const f of r.forward) {
        const b = boxTool(box, f, { image: { width: 400, height: 400 }, zoom: 1, minSize: 2, bounds: 'clamp' });
        box = b.state;
        if (b.created) created.push(b.created);
      }
      path.push(`${press.name}/${box.name}`);
    }
  };
  return { send, selections, created, path };
}

describe('a press with a drawing tool', () => {
  it('a click on a shape that is not selected selects it and draws nothing', () => {
    const h = harness();
    h.send(ev.down([80, 80]), ev.move([81, 80]), ev.up([81, 80]));
    expect(h.path).toEqual(['pressed/idle', 'pressed/idle', 'idle/idle']);
    expect(h.selections).toEqual([{ id: 'big', additive: false }]);
    expect(h.created).toEqual([]);
  });

  it('a drag that starts on a shape draws a box from where the press began (boxes inside boxes)', () => {
    const h = harness();
    h.send(ev.down([80, 80]), ev.move([90, 95]), ev.move([120, 110]), ev.up([120, 110]));
    expect(h.path).toEqual(['pressed/idle', 'idle/dragging', 'idle/dragging', 'idle/idle']);
    expect(h.selections).toEqual([]);
    expect(h.created).toEqual([{ x: 80, y: 80, width: 40, height: 30 }]);
  });

  it('a press on empty space or on the selected shape goes straight to the drawing tool', () => {
    const free = harness();
    free.send(ev.down([10, 10]), ev.up([10, 10]));
    expect(free.path).toEqual(['idle/pointing', 'idle/secondCorner']);
    const sel = harness(['big']);
    sel.send(ev.down([80, 80]), ev.up([80, 80]));
    expect(sel.path).toEqual(['idle/pointing', 'idle/secondCorner']);
    expect(sel.selections).toEqual([]);
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
