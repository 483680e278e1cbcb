import { describe, expect, it } from 'vitest';
import type { BBoxAnnotation } from '@labelkit/core';
import { describeShape, drawBatched, FILL_LIMIT, withAlpha } from './draw.js';

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

  it('above the fill limit, draws outlines only, one colour at a time', () => {
    const { ctx, drawn } = recordingContext();
    const shapes = Array.from({ length: FILL_LIMIT + 1 }, (_, i) => box(i, i % 2 ? 'person' : 'car'));
    drawBatched(ctx, shapes, 1, (l) => colors[l]!, () => undefined, 0.5);
    expect(drawn.some((d) => d.startsWith('fill'))).toBe(false);
    const firstPerson = drawn.findIndex((d) => d.endsWith('#0000ff'));
    expect(drawn.slice(0, firstPerson).every((d) => d.endsWith('#ff0000'))).toBe(true);
    expect(drawn.slice(firstPerson).every((d) => d.endsWith('#0000ff'))).toBe(true);
    expect(drawn).toHaveLength(FILL_LIMIT + 1);
  });
});
