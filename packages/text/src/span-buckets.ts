import type { Annotation, SpanAnnotation } from '@labelkit/core';
import { bucketSpans, diffByIdentity, patchBuckets } from './span-lanes.js';
import { isDrawable } from './span-model.js';

/**
 * The drawable spans and suggestions of an annotator, grouped by the chunks they touch, kept up to
 * date edit by edit. Each {@link SpanBuckets.update} compares the new lists with the previous ones by
 * reference (one walk, no allocation) and moves only the spans that changed, so adding one span to a
 * document with 10,000 copies one chunk list instead of filtering, copying and re-bucketing them all.
 * Chunk lists that did not change keep their identity. Anything bigger than an edit rebuilds.
 */
export class SpanBuckets {
  private annotations: readonly Annotation[] = [];
  private suggestions: readonly Annotation[] = [];
  private starts: readonly number[] | null = null;
  private length = -1;
  private buckets: SpanAnnotation[][] = [];
  /** How many times the buckets were rebuilt from scratch (for tests). */
  rebuilds = 0;

  /**
   * `result[i]`: the spans (from `annotations`, kind `span`) and span suggestions overlapping chunk `i`
   * (`chunkStarts` ascending, code points) with offsets valid on a text of `length` code points.
   */
  update(annotations: readonly Annotation[], suggestions: readonly Annotation[], chunkStarts: readonly number[], length: number): SpanAnnotation[][] {
    if (annotations === this.annotations && suggestions === this.suggestions && chunkStarts === this.starts && length === this.length) return this.buckets;
    const a = this.starts === chunkStarts && this.length === length ? diffByIdentity(this.annotations, annotations) : null;
    const s = a ? diffByIdentity(this.suggestions, suggestions) : null;
    const keep = (x: Annotation): x is SpanAnnotation => x.kind === 'span' && isDrawable(x, length);
    if (a && s) {
      this.buckets = patchBuckets(this.buckets, [...a.removed, ...s.removed].filter(keep), [...a.added, ...s.added].filter(keep), chunkStarts);
    } else {
      const all: SpanAnnotation[] = [];
      for (const x of suggestions) if (keep(x)) all.push(x);
      for (const x of annotations) if (keep(x)) all.push(x);
      this.buckets = bucketSpans(all, chunkStarts);
      this.rebuilds++;
    }
    this.annotations = annotations;
    this.suggestions = suggestions;
    this.starts = chunkStarts;
    this.length = length;
    return this.buckets;
  }
}
