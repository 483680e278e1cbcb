import type { Annotation, ChangeSet } from '@labelkit/core';
import { annotationBounds, isImageAnnotation } from './shapes.js';
import { createSpatialIndex, type SpatialIndex } from './spatial-index.js';

/** A change set touching more shapes than this rebuilds the index instead of updating it per shape. */
export const REBUILD_THRESHOLD = 256;

/** Shapes indexed per slice of an idle-time build before checking the idle deadline again. */
const SLICE = 512;

/**
 * The spatial index of an annotation snapshot's image shapes, kept up to date by change sets (one
 * moved box is one index update) and built lazily: in idle time, in slices that yield to the
 * browser (`requestIdleCallback`), or all at once by the first {@link get} that needs it — so
 * mounting 10,000 shapes does not wait for their index, and neither does the first frame.
 */
export class ShapeIndex {
  private readonly index: SpatialIndex = createSpatialIndex();
  private stale = true;
  private build: { snapshot: readonly Annotation[]; next: number } | null = null;
  private idle: number | null = null;

  /** `snapshot` returns the annotations to index (the store's current snapshot). */
  constructor(private readonly snapshot: () => readonly Annotation[]) {}

  /** True until the index matches the snapshot (a build is pending or under way). */
  get pending(): boolean {
    return this.stale;
  }

  /** The index, up to date: finishes a pending build now if needed. */
  get(): SpatialIndex {
    if (this.stale) {
      this.cancelIdle();
      this.index.clear();
      for (const a of this.snapshot()) this.add(a);
      this.stale = false;
      this.build = null;
    }
    return this.index;
  }

  /** Marks the whole index for a rebuild (in idle time, or at the next {@link get}). */
  invalidate(): void {
    this.stale = true;
    this.build = null;
    this.scheduleIdle();
  }

  /** Follows one change of the snapshot. */
  apply(change: ChangeSet): void {
    if (change.added.length + change.removed.length + change.updated.length > REBUILD_THRESHOLD) this.invalidate();
    // A build under way restarts by itself: it sees a new snapshot.
    if (this.stale) return;
    for (const a of change.removed) this.index.delete(a.id);
    for (const a of change.added) this.add(a);
    for (const [, a] of change.updated) {
      if (isImageAnnotation(a)) this.index.set(a.id, annotationBounds(a));
      else this.index.delete(a.id);
    }
  }

  /** Stops any idle-time work. */
  dispose(): void {
    this.cancelIdle();
  }

  private add(a: Annotation): void {
    if (isImageAnnotation(a)) this.index.set(a.id, annotationBounds(a));
  }

  private scheduleIdle(): void {
    if (this.idle !== null || typeof requestIdleCallback !== 'function') return;
    this.idle = requestIdleCallback((deadline) => this.step(deadline), { timeout: 2000 });
  }

  private cancelIdle(): void {
    if (this.idle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idle);
    this.idle = null;
  }

  private step(deadline: IdleDeadline): void {
    this.idle = null;
    if (!this.stale) return;
    const snap = this.snapshot();
    if (this.build?.snapshot !== snap) {
      this.index.clear();
      this.build = { snapshot: snap, next: 0 };
    }
    const b = this.build;
    while (b.next < snap.length && (deadline.didTimeout || deadline.timeRemaining() > 1)) {
      const end = Math.min(snap.length, b.next + SLICE);
      for (; b.next < end; b.next++) this.add(snap[b.next] as Annotation);
    }
    if (b.next >= snap.length) {
      this.stale = false;
      this.build = null;
    } else this.scheduleIdle();
  }
}
