import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import Konva from 'konva';
import type { Annotation, BBoxAnnotation } from '@labelkit/core';
import { ImageAnnotator } from './image-annotator.js';
import { BoundingBoxAnnotator } from './presets.js';
import { cleanup, drag, key, lastBox, mount, nextFrame, pixel, pointer } from './test-utils/annotator-harness.js';

afterEach(cleanup);

describe('ImageAnnotator in Chromium', () => {
  it('reports the natural image size and draws a box in image pixels at zoom 1', async () => {
    const onChange = vi.fn();
    const { loaded, canvas } = await mount({ onChange, defaultTool: 'bbox' });
    expect(loaded).toHaveBeenCalledWith({ width: 640, height: 480 });
    await drag(canvas, [10, 10], [110, 60]);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(lastBox(onChange)).toMatchObject({ kind: 'bbox', label: 'car', x: 10, y: 10, width: 100, height: 50, source: 'human' });
  });

  it('after wheel zoom and a middle-button pan, the same drag lands at the right image coordinates', async () => {
    const onChange = vi.fn();
    const { canvas, canvasHost, ref } = await mount({ onChange, defaultTool: 'bbox' });
    await act(async () => {
      const r = canvas.getBoundingClientRect();
      canvas.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -300, clientX: r.left + 200, clientY: r.top + 100 }));
    });
    await drag(canvas, [300, 300], [340, 320], { button: 1, buttons: 4 });
    const v = ref.current!.getView();
    expect(v.zoom).toBeCloseTo(Math.exp(0.45), 5);
    // The image point under the wheel stayed put, then the pan moved the image by (40, 20).
    expect(v.x).toBeCloseTo(200 - 200 * v.zoom + 40, 5);
    expect(onChange).not.toHaveBeenCalled();
    await drag(canvasHost, [10, 10], [110, 60]);
    const b = lastBox(onChange);
    expect(b.x).toBeCloseTo((10 - v.x) / v.zoom, 6);
    expect(b.y).toBeCloseTo((10 - v.y) / v.zoom, 6);
    expect(b.width).toBeCloseTo(100 / v.zoom, 6);
    expect(b.height).toBeCloseTo(50 / v.zoom, 6);
  });

  it('moving a box is one undo step and one onChange (live drafts go to onDragMove); keyboard nudges, rotates and deletes; label hotkey relabels', async () => {
    const onChange = vi.fn();
    const onDragMove = vi.fn();
    const box: BBoxAnnotation = { id: 'b1', kind: 'bbox', label: 'car', x: 100, y: 100, width: 80, height: 60 };
    const { canvas, annotator, ref } = await mount({ onChange, onDragMove, defaultValue: [box], defaultTool: 'select' });
    await drag(canvas, [140, 130], [190, 150]);
    expect(lastBox(onChange)).toMatchObject({ x: 150, y: 120 });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![1].updated).toHaveLength(1);
    expect(onDragMove.mock.calls.length).toBeGreaterThan(1);
    expect(onDragMove.mock.calls.slice(0, -1).every(([, change]) => change.phase === 'move')).toBe(true);
    expect(onDragMove.mock.lastCall).toEqual([null, null]);
    annotator.focus();
    key(annotator, 'z', { ctrlKey: true });
    expect(lastBox(onChange)).toMatchObject({ x: 100, y: 100 });
    expect(ref.current!.canUndo()).toBe(false);
    // still selected after undo: nudge, far nudge, rotate, relabel
    key(annotator, 'ArrowRight');
    key(annotator, 'ArrowDown', { shiftKey: true });
    expect(lastBox(onChange)).toMatchObject({ x: 101, y: 110 });
    key(annotator, '}', { shiftKey: true, code: 'BracketRight' });
    expect(lastBox(onChange).rotation).toBe(15);
    key(annotator, '2');
    expect(lastBox(onChange).label).toBe('person');
    key(annotator, 'Delete');
    expect(onChange.mock.calls.at(-1)?.[0]).toEqual([]);
    expect(document.querySelector('[data-labelkit-live-region]')?.textContent).toMatch(/Deleted Person box/);
  });

  it('keyboard-only box: crosshair, arrows, Enter at both corners', async () => {
    const onChange = vi.fn();
    const { annotator } = await mount({ onChange }, BoundingBoxAnnotator);
    annotator.focus();
    key(annotator, 'c');
    key(annotator, 'Enter');
    for (let i = 0; i < 3; i++) key(annotator, 'ArrowRight', { shiftKey: true });
    for (let i = 0; i < 2; i++) key(annotator, 'ArrowDown', { shiftKey: true });
    key(annotator, 'Enter');
    expect(lastBox(onChange)).toMatchObject({ x: 320, y: 240, width: 30, height: 20 });
  });

  it('no shortcut fires while focus is outside the annotator; readOnly blocks edits', async () => {
    const onChange = vi.fn();
    const box: BBoxAnnotation = { id: 'b1', kind: 'bbox', label: 'car', x: 100, y: 100, width: 80, height: 60 };
    const { canvas, annotator } = await mount({ onChange, defaultValue: [box], readOnly: true, selectedIds: ['b1'] });
    const outside = document.createElement('button');
    document.body.appendChild(outside);
    outside.focus();
    key(outside, 'Delete');
    key(document.body, 'ArrowRight');
    annotator.focus();
    key(annotator, 'Delete');
    await drag(canvas, [140, 130], [190, 150]);
    expect(onChange).not.toHaveBeenCalled();
    outside.remove();
  });

  it('polygon: a ring drawn inside the selected polygon becomes a hole; Delete removes a clicked vertex but never below 3', async () => {
    const onChange = vi.fn();
    const poly: Annotation = { id: 'p1', kind: 'polygon', label: 'car', points: [[100, 100], [300, 100], [300, 300], [100, 300]] };
    const { canvas, annotator } = await mount({ onChange, defaultValue: [poly], selectedIds: undefined, defaultTool: 'polygon' });
    // select it with the select tool, then draw inside with the polygon tool
    annotator.focus();
    key(annotator, 'v');
    await act(async () => {
      pointer(canvas, 'pointerdown', 200, 200);
      pointer(canvas, 'pointerup', 200, 200);
    });
    key(annotator, 'p');
    for (const [x, y] of [[150, 150], [250, 150], [200, 250]] as const) {
      await act(async () => {
        pointer(canvas, 'pointerdown', x, y);
        pointer(canvas, 'pointerup', x, y);
      });
    }
    key(annotator, 'Enter');
    const withHole = (onChange.mock.calls.at(-1)?.[0] as Annotation[])[0];
    expect(withHole).toMatchObject({ id: 'p1', holes: [[[150, 150], [250, 150], [200, 250]]] });
    // click a vertex of the outer ring (handles are live while selected), then Delete
    await act(async () => {
      pointer(canvas, 'pointerdown', 300, 300);
      pointer(canvas, 'pointerup', 300, 300);
    });
    key(annotator, 'Delete');
    const fewer = (onChange.mock.calls.at(-1)?.[0] as Annotation[])[0];
    expect(fewer?.kind === 'polygon' && fewer.points).toEqual([[100, 100], [300, 100], [100, 300]]);
    await act(async () => {
      pointer(canvas, 'pointerdown', 300, 100);
      pointer(canvas, 'pointerup', 300, 100);
    });
    const calls = onChange.mock.calls.length;
    key(annotator, 'Delete');
    expect(onChange.mock.calls.length).toBe(calls);
    expect(document.querySelector('[data-labelkit-live-region]')?.textContent).toMatch(/at least 3 vertices/);
  });

  it('draws a view change crisply in the next frame: each layer once, no React render, CPU-backed canvases', async () => {
    const box: BBoxAnnotation = { id: 'b1', kind: 'bbox', label: 'car', x: 100, y: 100, width: 80, height: 60 };
    let commits = 0;
    const { ref, canvasHost, annotator } = await mount({ defaultValue: [box], defaultTool: 'select' }, ImageAnnotator, () => commits++);
    await act(async () => {
      await nextFrame();
      await nextFrame();
    });
    const canvases = [...canvasHost.querySelectorAll('.konvajs-content canvas')] as HTMLCanvasElement[];
    expect(canvases).toHaveLength(2);
    for (const c of canvases) expect(c.getContext('2d')!.getContextAttributes().willReadFrequently).toBe(true);
    const base = canvases[0]!;
    // The photo has a layer of its own under the shapes, at full resolution, placed by the view.
    const photo = canvasHost.querySelector<HTMLCanvasElement>('.lk-image-photo canvas')!;
    expect([photo.width, photo.height]).toEqual([640, 480]);
    expect(photo.style.transform).toBe('matrix(1, 0, 0, 1, 0, 0)');
    // At zoom 1 the box's left edge is at x 100; at zoom 2 it is at x 200, where nothing is drawn over the photo now.
    expect(pixel(base, 200, 260)[3]).toBe(0);
    const draw = vi.spyOn(Konva.Layer.prototype, 'draw');
    const rendersBefore = commits;
    ref.current!.setView({ zoom: 2, x: 0, y: 0 });
    expect(draw).not.toHaveBeenCalled();
    await nextFrame();
    expect(draw).toHaveBeenCalledTimes(2);
    await nextFrame();
    expect(draw).toHaveBeenCalledTimes(2);
    draw.mockRestore();
    expect(commits).toBe(rendersBefore);
    expect(canvasHost.querySelector<HTMLElement>('.konvajs-content')?.style.transform ?? '').toBe('');
    const [r1, , b1] = pixel(base, 200, 260);
    expect(r1).toBeGreaterThan(b1! + 50);
    expect(photo.style.transform).toBe('matrix(2, 0, 0, 2, 0, 0)');
    expect(photo.style.imageRendering).toBe('pixelated');
    expect(annotator.querySelector('.lk-image-status')?.textContent).toMatch(/200%/);
  });

  it('a press on overlapping boxes picks the innermost; a selected box under smaller ones is dragged', async () => {
    const onChange = vi.fn();
    const small: BBoxAnnotation = { id: 'small', kind: 'bbox', label: 'person', x: 180, y: 160, width: 20, height: 20 };
    const big: BBoxAnnotation = { id: 'big', kind: 'bbox', label: 'car', x: 100, y: 100, width: 200, height: 150 };
    const onSelectionChange = vi.fn();
    const { canvas, ref } = await mount({ onChange, onSelectionChange, defaultValue: [small, big], defaultTool: 'select' });
    await act(async () => {
      pointer(canvas, 'pointerdown', 190, 170);
      pointer(canvas, 'pointerup', 190, 170);
    });
    expect(onSelectionChange).toHaveBeenLastCalledWith(['small']);
    act(() => ref.current!.select(['big']));
    await drag(canvas, [190, 170], [240, 190]);
    const next = onChange.mock.calls.at(-1)?.[0] as BBoxAnnotation[];
    expect(next.find((a) => a.id === 'big')).toMatchObject({ x: 150, y: 120, width: 200, height: 150 });
    expect(next.find((a) => a.id === 'small')).toMatchObject({ x: 180, y: 160 });
  });
});
