import { describe, expect, it } from 'vitest';
import type { BBoxAnnotation } from '@labelkit/core';
import { describeShape, drawBatched, FILL_COVERAGE, FILL_LIMIT, fillsReadable, withAlpha } from './draw.js';

/** A 2D context that records what is drawn, in order, with the fill style of each fill. */
function recordingContext() {
  const drawn: string[] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    beginPath() {},
    rect() {},
    moveTo() {},
    lineTo() {},
    closePath() {},
    arc() {},
    fill() {
      drawn.push(`fill path ${ctx.fillStyle}`);
    },
    stroke() {
      drawn.push(`stroke path ${ctx.strokeStyle}`);
    },
    fillRect(x: number) {
      drawn.push(`fill ${x} ${ctx.fillStyle}`);
    },
    strokeRect(x: number) {
      drawn.push(`stroke ${x} ${ctx.strokeStyle}`);
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const box = (i: number, label: string): BBoxAnnotation => ({ id: `b${i}`, kind: 'bbox', label, x: i, y: 0, width: 10, height: 10 });
const colors: Record<string, string> = { car: '#ff0000', person: '#0000ff' };

describe('draw helpers', () => {
  it('converts hex colours to rgba', () => {
    expect(withAlpha('#ff8000', 0.5)).toBe('rgba(255,128,0,0.5)');
    expect(withAlpha('#f80', 1)).toBe('rgba(255,136,0,1)');
    expect(withAlpha('red', 1)).toBe('red');
  });
  it('describes shapes for announcements', () => {
    expect(describeShape({ id: 'a', kind: 'bbox', label: 'x', x: 10.2, y: 9.8, width: 100, height: 50, rotation: 15 })).toBe('box 100×50 at 10, 10, rotated 15°');
    expect(describeShape({ id: 'p', kind: 'polygon', label: 'x', points: [[0, 0], [1, 0], [1, 1]], holes: [[[0, 0], [1, 0], [1, 1]]] })).toBe('polygon with 3 points and 1 hole');
  });

  it('draws filled shapes in their z-order, whatever their labels', () => {
    const { ctx, drawn } = recordingContext();
    const shapes = [box(1, 'car'), box(2, 'person'), box(3, 'car'), { id: 'p', kind: 'polygon' as const, label: 'person', points: [[0, 0], [5, 0], [5, 5]] as [number, number][] }];
    drawBatched(ctx, shapes, 1, (l) => colors[l]!, () => undefined, 0.5);
    expect(drawn).toEqual([
      'fill 1 rgba(255,0,0,0.5)',
      'stroke 1 #ff0000',
      'fill 2 rgba(0,0,255,0.5)',
      'stroke 2 #0000ff',
      'fill 3 rgba(255,0,0,0.5)',
      'stroke 3 #ff0000',
      'fill path rgba(0,0,255,0.5)',
      'stroke path #0000ff',
    ]);
  });

  it('without fills, draws outlines only, one colour at a time', () => {
    const { ctx, drawn } = recordingContext();
    const shapes = Array.from({ length: FILL_LIMIT + 1 }, (_, i) => box(i, i % 2 ? 'person' : 'car'));
    drawBatched(ctx, shapes, 1, (l) => colors[l]!, () => undefined, 0);
    expect(drawn.some((d) => d.startsWith('fill'))).toBe(false);
    const firstPerson = drawn.findIndex((d) => d.endsWith('#0000ff'));
    expect(drawn.slice(0, firstPerson).every((d) => d.endsWith('#ff0000'))).toBe(true);
    expect(drawn.slice(firstPerson).every((d) => d.endsWith('#0000ff'))).toBe(true);
    expect(drawn).toHaveLength(FILL_LIMIT + 1);
  });

  it('fills while the shapes cover the view at most FILL_COVERAGE times over, at the current zoom', () => {
    // 100 boxes of 10×10 image pixels: 10,000 px² at zoom 1, 40,000 screen px² at zoom 2.
    const shapes = Array.from({ length: 100 }, (_, i) => box(i, 'car'));
    expect(fillsReadable(shapes, 1, 10_000 / FILL_COVERAGE)).toBe(true);
    expect(fillsReadable(shapes, 1, 10_000 / FILL_COVERAGE - 1)).toBe(false);
    expect(fillsReadable(shapes, 2, 40_000 / FILL_COVERAGE)).toBe(true);
    expect(fillsReadable(shapes, 2, 10_000)).toBe(false);
    // A polygon counts its bounding box; a skeleton counts nothing.
    const tri = { id: 'p', kind: 'polygon' as const, label: 'car', points: [[0, 0], [20, 0], [20, 30]] as [number, number][] };
    expect(fillsReadable([tri], 1, 600 / FILL_COVERAGE)).toBe(true);
    expect(fillsReadable([tri], 1, 599 / FILL_COVERAGE)).toBe(false);
    const skeleton = { id: 'k', kind: 'keypoints' as const, label: 'person', points: [{ x: 0, y: 0, visibility: 2 as const }, { x: 900, y: 900, visibility: 2 as const }] };
    expect(fillsReadable([skeleton], 1, 1)).toBe(true);
  });

  it('never fills more than FILL_LIMIT shapes, however sparse', () => {
    const shapes = Array.from({ length: FILL_LIMIT + 1 }, (_, i) => ({ ...box(i, 'car'), width: 0.001, height: 0.001 }));
    expect(fillsReadable(shapes, 1, 1e9)).toBe(false);
    expect(fillsReadable(shapes.slice(1), 1, 1e9)).toBe(true);
  });
});
