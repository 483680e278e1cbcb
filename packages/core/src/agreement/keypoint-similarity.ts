import type { Keypoint, KeypointsAnnotation } from '../annotation.js';

/**
 * pycocotools' per-keypoint σ for COCO's 17 person keypoints (nose, eyes, ears, shoulders, elbows,
 * wrists, hips, knees, ankles; left before right), from `COCOeval.Params.setKpParams`:
 * `np.array([.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07, .87, .87, .89, .89]) / 10.0`.
 */
export const COCO17_SIGMAS: readonly number[] = Object.freeze(
  [0.26, 0.25, 0.25, 0.35, 0.35, 0.79, 0.79, 0.72, 0.72, 0.62, 0.62, 1.07, 1.07, 0.87, 0.87, 0.89, 0.89].map((s) => s / 10),
);

/**
 * σ used for every keypoint when a skeleton is not COCO's 17 points and no σ are given: 0.09, the
 * default `oks_sigma` of CVAT's quality settings (the same value for every point).
 */
export const DEFAULT_KEYPOINT_SIGMA = 0.09;

/** Per-keypoint σ: a list in skeleton order, or `'coco17'` for {@link COCO17_SIGMAS}. */
export type KeypointSigmas = readonly number[] | 'coco17';

/** Options of {@link keypointSimilarity}. */
export interface OksOptions {
  /** σ per keypoint; default `'coco17'` for 17 points, else {@link DEFAULT_KEYPOINT_SIGMA} for each. */
  sigmas?: KeypointSigmas;
  /**
   * The gold object's area s², square pixels. COCO uses the object's segmentation area; the
   * default here is the area of the bounding box of the gold's labelled points (visibility > 0).
   */
  area?: number;
}

/** The σ list for a skeleton of `count` points. */
export function resolveSigmas(count: number, sigmas?: KeypointSigmas): readonly number[] {
  if (sigmas === 'coco17' || (sigmas === undefined && count === COCO17_SIGMAS.length)) {
    if (count !== COCO17_SIGMAS.length) throw new RangeError(`'coco17' sigmas need 17 keypoints, got ${count}`);
    return COCO17_SIGMAS;
  }
  if (sigmas === undefined) return new Array<number>(count).fill(DEFAULT_KEYPOINT_SIGMA);
  if (sigmas.length !== count) throw new RangeError(`expected ${count} sigmas (one per keypoint), got ${sigmas.length}`);
  return sigmas;
}

/** Area of the bounding box of the labelled points (visibility > 0); 0 when fewer than two. */
export function labelledPointsArea(points: readonly Keypoint[]): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.visibility === 0) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return maxX > minX && maxY > minY ? (maxX - minX) * (maxY - minY) : 0;
}

/** `np.spacing(1)`: the gap from 1 to the next double, which pycocotools adds to the area. */
const SPACING_1 = 2 ** -52;

/**
 * Object keypoint similarity of a detected skeleton against a gold one, in [0, 1], as pycocotools'
 * `COCOeval.computeOks` computes it: with `k = 2σ`, each gold point labelled (visibility > 0)
 * scores `exp(-d² / (2 · s² · k²))`, `d` its distance to the detected point and `s²` the gold's
 * `area` (plus `np.spacing(1)`), and OKS is their mean. The detected skeleton's visibility is not
 * read, as in pycocotools (an unlabelled point keeps whatever coordinates it has). A gold with no
 * labelled point gives 0 here (COCO marks such objects ignored instead of scoring them).
 */
export function keypointSimilarity(detected: KeypointsAnnotation, gold: KeypointsAnnotation, options: OksOptions = {}): number {
  const n = gold.points.length;
  if (detected.points.length !== n) throw new RangeError(`keypoint counts differ: ${detected.points.length} vs ${n}`);
  const sigmas = resolveSigmas(n, options.sigmas);
  const area = options.area ?? labelledPointsArea(gold.points);
  let sum = 0;
  let labelled = 0;
  for (let k = 0; k < n; k++) {
    const g = gold.points[k] as Keypoint;
    if (g.visibility === 0) continue;
    const d = detected.points[k] as Keypoint;
    const variance = (2 * (sigmas[k] as number)) ** 2;
    const e = ((d.x - g.x) ** 2 + (d.y - g.y) ** 2) / variance / (area + SPACING_1) / 2;
    sum += Math.exp(-e);
    labelled++;
  }
  return labelled === 0 ? 0 : sum / labelled;
}
