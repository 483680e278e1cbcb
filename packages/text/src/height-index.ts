/**
 * Heights of a long list of blocks (text chunks) for virtualised scrolling: estimated first,
 * replaced by measurements as blocks render. Keeps prefix sums, rebuilt lazily after changes
 * (O(n) once per batch of measurements), and answers "which block is at scroll offset y" by binary
 * search.
 */
export class HeightIndex {
  private readonly heights: Float64Array;
  private prefix: Float64Array;
  private dirty = true;

  /** `count` blocks, each with the estimated height `estimate(i)` in CSS pixels. */
  constructor(count: number, estimate: (i: number) => number) {
    this.heights = new Float64Array(count);
    for (let i = 0; i < count; i++) this.heights[i] = estimate(i);
    this.prefix = new Float64Array(count + 1);
  }

  /** Number of blocks. */
  get count(): number {
    return this.heights.length;
  }

  /** Records a measured height; returns true when it changed. */
  set(i: number, height: number): boolean {
    if (i < 0 || i >= this.heights.length || Math.abs((this.heights[i] as number) - height) < 0.5) return false;
    this.heights[i] = height;
    this.dirty = true;
    return true;
  }

  /** Height of block `i`. */
  height(i: number): number {
    return this.heights[i] ?? 0;
  }

  private sums(): Float64Array {
    if (this.dirty) {
      const p = this.prefix;
      p[0] = 0;
      for (let i = 0; i < this.heights.length; i++) p[i + 1] = (p[i] as number) + (this.heights[i] as number);
      this.dirty = false;
    }
    return this.prefix;
  }

  /** Top of block `i` (0 for the first; the total height for `i === count`). */
  offsetOf(i: number): number {
    return this.sums()[Math.max(0, Math.min(this.heights.length, i))] as number;
  }

  /** Sum of all heights. */
  get total(): number {
    return this.offsetOf(this.heights.length);
  }

  /** Index of the block covering offset `y` (clamped to the list). */
  indexAt(y: number): number {
    const p = this.sums();
    let lo = 0;
    let hi = Math.max(0, this.heights.length - 1);
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((p[mid] as number) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Blocks `[first, last]` intersecting `[top, top + viewport)`, widened by `overscan` blocks each side. */
  visibleRange(top: number, viewport: number, overscan = 3): { first: number; last: number } {
    if (!this.heights.length) return { first: 0, last: -1 };
    const first = Math.max(0, this.indexAt(top) - overscan);
    const last = Math.min(this.heights.length - 1, this.indexAt(top + Math.max(0, viewport - 1)) + overscan);
    return { first, last };
  }
}
