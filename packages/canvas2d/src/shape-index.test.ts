import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, BBoxAnnotation, ChangeSet } from '@labelkit/core';
import { REBUILD_THRESHOLD, ShapeIndex } from './shape-index.js';

const box = (i: number, x = i * 10): BBoxAnnotation => ({ id: `b${i}`, kind: 'bbox', label: 'car', x, y: 0, width: 5, height: 5 });
const change = (c: Partial<ChangeSet>): ChangeSet => ({ added: [], updated: [], removed: [], origin: 'user', cause: 'edit', ...c }) as ChangeSet;

afterEach(() => vi.unstubAllGlobals());

describe('ShapeIndex', () => {
  it('builds on first get, then follows change sets one shape at a time', () => {
    let snap: readonly Annotation[] = [box(0), box(1)];
    const idx = new ShapeIndex(() => snap);
    expect(idx.pending).toBe(true);
    expect(idx.get().queryPoint(12, 2).sort()).toEqual(['b1']);
    expect(idx.pending).toBe(false);
    const moved = box(1, 100);
    snap = [box(0), moved, box(2)];
    idx.apply(change({ updated: [[box(1), moved]], added: [box(2)] }));
    expect(idx.pending).toBe(false);
    expect(idx.get().queryPoint(12, 2)).toEqual([]);
    expect(idx.get().queryPoint(102, 2)).toEqual(['b1']);
    expect(idx.get().queryPoint(22, 2)).toEqual(['b2']);
    snap = [moved, box(2)];
    idx.apply(change({ removed: [box(0)] }));
    expect(idx.get().queryPoint(2, 2)).toEqual([]);
  });

  it('a large change set marks the index for a rebuild from the snapshot', () => {
    let snap: readonly Annotation[] = [box(0)];
    const idx = new ShapeIndex(() => snap);
    idx.get();
    const many = Array.from({ length: REBUILD_THRESHOLD + 1 }, (_, i) => box(i + 1));
    snap = [box(0), ...many];
    idx.apply(change({ added: many }));
    expect(idx.pending).toBe(true);
    expect(idx.get().size).toBe(many.length + 1);
  });

  it('builds in idle-time slices that respect the deadline, restarting when the snapshot changes', () => {
    const callbacks: IdleRequestCallback[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback) => callbacks.push(cb));
    vi.stubGlobal('cancelIdleCallback', () => {});
    let snap: readonly Annotation[] = Array.from({ length: 2000 }, (_, i) => box(i));
    const idx = new ShapeIndex(() => snap);
    idx.invalidate();
    expect(callbacks).toHaveLength(1);
    // One slice of time: the deadline runs out after the first slice.
    let calls = 0;
    callbacks.shift()!({ didTimeout: false, timeRemaining: () => (calls++ === 0 ? 5 : 0) });
    expect(idx.pending).toBe(true);
    expect(callbacks).toHaveLength(1);
    snap = [...snap, box(5000)];
    callbacks.shift()!({ didTimeout: false, timeRemaining: () => 50 });
    expect(idx.pending).toBe(false);
    expect(callbacks).toHaveLength(0);
    expect(idx.get().size).toBe(2001);
    expect(idx.get().queryPoint(50002, 2)).toEqual(['b5000']);
  });
});
