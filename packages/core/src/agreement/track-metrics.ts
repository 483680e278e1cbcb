import type { TrackAnnotation } from '../annotation.js';
import { boxIoU } from '../geometry/box.js';
import { interpolateTrack, type TrackFrame } from '../geometry/interpolate.js';
import { optimalAssignment } from './assignment.js';
import { trackFrameRange } from './track-similarity.js';

/** Options of {@link trackMetrics}. */
export interface TrackMetricsOptions {
  /** Least box IoU for a hypothesis to match a ground-truth object in a frame; default 0.5. */
  iou?: number;
  /** Frames in the video (see `trackIoU`); default up to the last keyframe of any track. */
  frameCount?: number;
}

/** What {@link trackMetrics} finds. Counts are of object-frames. */
export interface TrackMetrics {
  /** CLEAR-MOT accuracy `1 − (fn + fp + idSwitches) / objects`, not clamped; `NaN` with no objects. */
  mota: number;
  /** Mean IoU of the per-frame matches (CLEAR-MOT's precision, as an overlap); `NaN` with none. */
  motp: number;
  /** Identity F1 `2·IDTP / (objects + hypotheses)` under the global identity matching; `NaN` when both are 0. */
  idf1: number;
  idSwitches: number;
  fp: number;
  fn: number;
  /** Per-frame matches (true positives). */
  matches: number;
  /** Ground-truth object-frames. */
  objects: number;
  /** Hypothesis object-frames. */
  hypotheses: number;
  /** Identity true positives: object-frames where the globally matched hypothesis covers the object. */
  idtp: number;
  /** Ground-truth track id → hypothesis track id of the global identity matching. */
  identity: Record<string, string>;
}

/**
 * Multi-object tracking metrics of `hyp` tracks against `gt` tracks, boxes per frame from
 * `interpolateTrack`.
 *
 * MOTA follows CLEAR-MOT (Bernardin & Stiefelhagen 2008): frame by frame, a pair matched in the
 * previous frame stays matched while both are present and their IoU holds; the rest are matched
 * by the Hungarian method (most matches first, then the highest total IoU); a ground-truth object
 * matched to a different hypothesis than at its last match is an identity switch. IDF1 follows
 * Ristani et al. 2016: one global one-to-one matching of ground-truth to hypothesis tracks that
 * maximises the frames where they overlap by at least `iou`.
 */
export function trackMetrics(gt: readonly TrackAnnotation[], hyp: readonly TrackAnnotation[], options: TrackMetricsOptions = {}): TrackMetrics {
  const threshold = options.iou ?? 0.5;
  const range = trackFrameRange([...gt, ...hyp], options.frameCount);
  let fp = 0;
  let fn = 0;
  let idSwitches = 0;
  let matches = 0;
  let iouSum = 0;
  let objects = 0;
  let hypotheses = 0;
  const lastMatch = new Map<number, number>(); // gt index → hyp index at its last match
  let previous = new Map<number, number>(); // matches of the previous frame
  const together = gt.map(() => new Array<number>(hyp.length).fill(0));
  if (range !== null) {
    for (let f = range[0]; f <= range[1]; f++) {
      const g = present(gt, f);
      const h = present(hyp, f);
      objects += g.length;
      hypotheses += h.length;
      const iou = g.map((x) => h.map((y) => boxIoU(x.box, y.box)));
      g.forEach((x, p) => h.forEach((y, q) => {
        if (((iou[p] as number[])[q] as number) >= threshold) (together[x.index] as number[])[y.index] = ((together[x.index] as number[])[y.index] as number) + 1;
      }));
      const current = new Map<number, number>();
      const usedG = new Set<number>();
      const usedH = new Set<number>();
      g.forEach((x, p) => {
        const prev = previous.get(x.index);
        if (prev === undefined) return;
        const q = h.findIndex((y) => y.index === prev);
        if (q >= 0 && ((iou[p] as number[])[q] as number) >= threshold) {
          current.set(x.index, prev);
          usedG.add(p);
          usedH.add(q);
        }
      });
      // Most matches first, then the highest IoU: weight = (pairs + 1) + IoU for an eligible pair.
      const bonus = Math.min(g.length, h.length) + 1;
      const weights = g.map((_, p) =>
        h.map((_, q) => {
          const v = (iou[p] as number[])[q] as number;
          return usedG.has(p) || usedH.has(q) || v < threshold ? 0 : bonus + v;
        }),
      );
      for (const pair of optimalAssignment(weights).pairs) current.set((g[pair.i] as Present).index, (h[pair.j] as Present).index);
      for (const [gi, hi] of current) {
        const last = lastMatch.get(gi);
        if (last !== undefined && last !== hi) idSwitches++;
        lastMatch.set(gi, hi);
        const p = g.findIndex((x) => x.index === gi);
        const q = h.findIndex((y) => y.index === hi);
        iouSum += (iou[p] as number[])[q] as number;
      }
      matches += current.size;
      fn += g.length - current.size;
      fp += h.length - current.size;
      previous = current;
    }
  }
  const identityPairs = optimalAssignment(together).pairs;
  let idtp = 0;
  const identity: Record<string, string> = {};
  for (const q of identityPairs) {
    idtp += q.w;
    identity[(gt[q.i] as TrackAnnotation).id] = (hyp[q.j] as TrackAnnotation).id;
  }
  return {
    mota: objects === 0 ? NaN : 1 - (fn + fp + idSwitches) / objects,
    motp: matches === 0 ? NaN : iouSum / matches,
    idf1: objects + hypotheses === 0 ? NaN : (2 * idtp) / (objects + hypotheses),
    idSwitches,
    fp,
    fn,
    matches,
    objects,
    hypotheses,
    idtp,
    identity,
  };
}

interface Present {
  index: number;
  box: TrackFrame;
}

function present(tracks: readonly TrackAnnotation[], frame: number): Present[] {
  const out: Present[] = [];
  tracks.forEach((t, index) => {
    const box = interpolateTrack(t.keyframes, frame);
    if (box !== null) out.push({ index, box });
  });
  return out;
}
