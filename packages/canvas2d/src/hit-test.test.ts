import { describe, expect, it } from 'vitest';
import type { BBoxAnnotation } from '@labelkit/core';
import { pickHit } from './hit-test.js';

const box = (id: string, size: number): BBoxAnnotation => ({ id, kind: 'bbox', label: 'car', x: 0, y: 0, width: size, height: size });
const z = (order: string[]) => (id: string) => order.indexOf(id);

describe('pickHit', () => {
  it('is null with nothing under the point', () => {
    expect(pickHit([], z([]))).toBeNull();
  });

  it('prefers the innermost shape: a box inside a box', () => {
    const hit = pickHit([{ shape: box('big', 100), selected: false }, { shape: box('small', 10), selected: false }], z(['big', 'small']));
    expect(hit?.id).toBe('small');
  });

  it('prefers a selected shape, however large', () => {
    const hit = pickHit([{ shape: box('small', 10), selected: false }, { shape: box('big', 100), selected: true }], z(['big', 'small']));
    expect(hit?.id).toBe('big');
  });

  it('between equal areas (a box pasted over itself), the one on top', () => {
    expect(pickHit([{ shape: box('a', 10), selected: false }, { shape: box('b', 10), selected: false }], z(['a', 'b']))?.id).toBe('b');
    expect(pickHit([{ shape: box('a', 10), selected: false }, { shape: box('b', 10), selected: false }], z(['b', 'a']))?.id).toBe('a');
  });
});
