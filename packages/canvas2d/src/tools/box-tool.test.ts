import { describe, expect, it } from 'vitest';
import { ev, type ToolEvent } from '../events.js';
import { BOX_IDLE, boxTool, boxToolPreview, CROSSHAIR_KEY, type BoxToolContext, type BoxToolState } from './box-tool.js';
import type { Rect } from '@labelkit/core';

const ctx: BoxToolContext = { image: { width: 640, height: 480 }, zoom: 1, minSize: 2, bounds: 'clamp' };

function run(events: ToolEvent[], c: BoxToolContext = ctx): { path: string[]; created: Rect[]; state: BoxToolState } {
  let state: BoxToolState = BOX_IDLE;
  const path = [state.name];
  const created: Rect[] = [];
  for (const e of events) {
    const r = boxTool(state, e, c);
    state = r.state;
    path.push(state.name);
    if (r.created) created.push(r.created);
  }
  return { path, created, state };
}

describe('box tool', () => {
  it('drag creates a box: idle → pointing → dragging → idle', () => {
    const r = run([ev.down([10, 10]), ev.move([11, 11]), ev.move([60, 40]), ev.up([110, 60])]);
    expect(r.path).toEqual(['idle', 'pointing', 'pointing', 'dragging', 'idle']);
    expect(r.created).toEqual([{ x: 10, y: 10, width: 100, height: 50 }]);
  });

  it('dragging up-left normalises the box', () => {
    expect(run([ev.down([110, 60]), ev.move([50, 20]), ev.up([10, 10])]).created).toEqual([{ x: 10, y: 10, width: 100, height: 50 }]);
  });

  it('two clicks create a box', () => {
    const r = run([ev.down([10, 10]), ev.up([10, 10]), ev.move([50, 50]), ev.down([30, 40]), ev.up([30, 40])]);
    expect(r.path).toEqual(['idle', 'pointing', 'secondCorner', 'secondCorner', 'idle', 'idle']);
    expect(r.created).toEqual([{ x: 10, y: 10, width: 20, height: 30 }]);
  });

  it('drag threshold is in screen pixels: at zoom 4 a 1-image-pixel move is a drag', () => {
    const r = run([ev.down([10, 10]), ev.move([11, 10])], { ...ctx, zoom: 4 });
    expect(r.state.name).toBe('dragging');
  });

  it('clamps to the image by default and allows overflow with bounds: allow', () => {
    expect(run([ev.down([600, 400]), ev.move([700, 500]), ev.up([700, 500])]).created).toEqual([{ x: 600, y: 400, width: 40, height: 80 }]);
    expect(run([ev.down([600, 400]), ev.move([700, 500]), ev.up([700, 500])], { ...ctx, bounds: 'allow' }).created).toEqual([{ x: 600, y: 400, width: 100, height: 100 }]);
  });

  it('drops boxes below the minimum size and cancels on Escape', () => {
    expect(run([ev.down([10, 10]), ev.move([30, 11]), ev.up([30, 11])]).created).toEqual([]);
    const r = run([ev.down([10, 10]), ev.move([30, 30]), ev.key('Escape'), ev.up([30, 30])]);
    expect(r.created).toEqual([]);
    expect(r.state.name).toBe('idle');
  });

  it('keyboard: crosshair moved by arrows, Enter at each corner', () => {
    const keys = [ev.key(CROSSHAIR_KEY), ev.key('ArrowLeft', { shift: true }), ev.key('Enter'), ev.key('ArrowRight', { shift: true }), ev.key('ArrowRight', { shift: true }), ev.key('ArrowDown'), ev.key('ArrowDown', { shift: true }), ev.key('Enter')];
    const r = run(keys);
    expect(r.path[1]).toBe('crosshair');
    expect(r.created).toEqual([{ x: 310, y: 240, width: 20, height: 11 }]);
  });

  it('previews the box being drawn', () => {
    let s: BoxToolState = BOX_IDLE;
    for (const e of [ev.down([5, 5]), ev.move([25, 15])]) s = boxTool(s, e, ctx).state;
    expect(boxToolPreview(s)).toEqual({ x: 5, y: 5, width: 20, height: 10 });
  });
});
