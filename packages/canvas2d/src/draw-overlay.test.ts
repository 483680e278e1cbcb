import { describe, expect, it } from 'vitest';
import type { BBoxAnnotation } from '@labelkit/core';
import { drawOverlay, type OverlayInput } from './draw-overlay.js';
import { HANDLE_SIZE } from './handles.js';
import type { ImageAnnotation } from './shapes.js';
import { BOX_IDLE } from './tools/box-tool.js';
import { KEYPOINT_IDLE } from './tools/keypoint-tool.js';
import { POLYGON_IDLE } from './tools/polygon-tool.js';
import { SELECT_IDLE } from './tools/select-tool.js';

/** A 2D context that records the tags written and counts square handles (`rect`s the size of one). */
function recordingContext() {
  const tags: string[] = [];
  let rects = 0;
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'fillText') return (text: string) => tags.push(text);
      if (key === 'measureText') return () => ({ width: 10 });
      if (key === 'rect') return (_x: number, _y: number, w: number) => (w === 2 * HANDLE_SIZE.radius ? rects++ : 0);
      return () => {};
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, tags, rects: () => rects };
}

const box = (id: string): BBoxAnnotation => ({ id, kind: 'bbox', label: 'car', x: 10, y: 10, width: 50, height: 40 });

function input(shapes: ImageAnnotation[], o: Partial<OverlayInput> = {}): OverlayInput {
  const byId = new Map(shapes.map((a) => [a.id, a]));
  return {
    suggestions: [],
    currentSuggestion: null,
    editedSuggestion: null,
    selected: new Set(),
    hovered: null,
    focused: null,
    readOnly: false,
    shapeOf: (id) => byId.get(id),
    isVisible: () => true,
    isLocked: () => false,
    colorOf: () => '#e6194b',
    nameOf: (id) => (id === 'car' ? 'Car' : id),
    skeletonOf: () => undefined,
    labelFor: () => undefined,
    activeEdge: 'e',
    chosenHandles: [],
    tool: 'select',
    box: BOX_IDLE,
    polygon: POLYGON_IDLE,
    keypoints: KEYPOINT_IDLE,
    select: SELECT_IDLE,
    cursor: null,
    image: { width: 640, height: 480 },
    ...o,
  };
}

const view = { zoom: 1, x: 0, y: 0 };

describe('drawOverlay', () => {
  it('draws a selected box with its tag and its eight resize handles', () => {
    const { ctx, tags, rects } = recordingContext();
    drawOverlay(ctx, view, input([box('a')], { selected: new Set(['a']) }));
    expect(tags).toEqual(['Car']);
    expect(rects()).toBe(8);
  });

  it('gives a locked box a "(locked)" tag and no handles; read-only shows none either', () => {
    const locked = recordingContext();
    drawOverlay(locked.ctx, view, input([box('a')], { selected: new Set(['a']), isLocked: () => true }));
    expect(locked.tags).toEqual(['Car (locked)']);
    expect(locked.rects()).toBe(0);
    const readOnly = recordingContext();
    drawOverlay(readOnly.ctx, view, input([box('a')], { selected: new Set(['a']), readOnly: true }));
    expect(readOnly.rects()).toBe(0);
  });

  it('draws no handles for a selection of more than 50 shapes', () => {
    const many = Array.from({ length: 51 }, (_, i) => box(`b${i}`));
    const { ctx, rects } = recordingContext();
    drawOverlay(ctx, view, input(many, { selected: new Set(many.map((a) => a.id)) }));
    expect(rects()).toBe(0);
  });

  it('tags suggestions with their score, the current one marked', () => {
    const s1 = { ...box('s1'), score: 0.9 };
    const s2 = box('s2');
    const { ctx, tags } = recordingContext();
    drawOverlay(ctx, view, input([], { suggestions: [s1, s2], currentSuggestion: s1 }));
    expect(tags).toEqual(['▶ Car 0.90 (suggestion)', 'Car (suggestion)']);
  });

  it('skips hidden shapes, even hovered', () => {
    const { ctx, tags } = recordingContext();
    drawOverlay(ctx, view, input([box('a')], { hovered: 'a', isVisible: () => false }));
    expect(tags).toEqual([]);
  });
});
