import type { Annotation, AnnotationOfKind } from '../annotation.js';
import { boxIoU } from '../geometry/box.js';
import { cuboidBevIoU, cuboidIoU } from '../geometry/cuboid-overlap.js';
import { polygonIoU } from '../geometry/polygon.js';
import { intervalIoU } from './interval.js';
import { keypointSimilarity, type KeypointSigmas } from './keypoint-similarity.js';
import { tagPlacement } from './tag-similarity.js';
import { trackIoU } from './track-similarity.js';

/** Options of {@link similarity}; each applies to one kind and is ignored by the others. */
export interface SimilarityOptions {
  /** keypoints: σ per keypoint (see `keypointSimilarity`). */
  sigmas?: KeypointSigmas;
  /** keypoints: the gold object's area, square pixels (default: its labelled points' bounding box). */
  area?: number;
  /** span: `'overlap'` (default) scores the IoU of the ranges, `'exact'` 1 for the same range and 0 otherwise. */
  spanMatch?: 'overlap' | 'exact';
  /** cuboid: `'3d'` (default) volume IoU, `'bev'` bird's-eye-view footprint IoU. */
  cuboid?: '3d' | 'bev';
  /** track: frames in the video (see `trackIoU`). */
  frameCount?: number;
}

/**
 * How alike two annotations of one kind are, in [0, 1] (1 = the same), in the kind's own terms:
 *
 * - `bbox`: IoU, exact for rotated boxes (convex clipping);
 * - `polygon`: IoU with holes, exact for any simple polygons;
 * - `keypoints`: OKS of `a` (detected) against `b` (gold), as pycocotools computes it;
 * - `span`: IoU of `[start, end)` in code points, or exact match (`spanMatch: 'exact'`);
 * - `tag`: 0 for different labels; otherwise 1 on the whole item, or the IoU of the two ranges;
 * - `segment`: IoU of `[start, end)` in seconds; 0 on different channels (absent = all channels);
 * - `track`: per-frame box IoU averaged over the frames either track covers;
 * - `cuboid`: 3D IoU, or bird's-eye IoU (`cuboid: 'bev'`); 0 when both carry different `frame`s.
 *
 * Labels are not compared, except for tags (a tag's label is all it says). Throws a TypeError for
 * two different kinds.
 */
export function similarity(a: Annotation, b: Annotation, options: SimilarityOptions = {}): number {
  if (a.kind === 'tag' && b.kind === 'tag' && a.label !== b.label) return 0;
  return placementSimilarity(a, b, options);
}

/**
 * {@link similarity} without the tag label check: how much two annotations of one kind sit on the
 * same place. Matching uses this, so a tag with the wrong label on the right range is found as a
 * wrong label rather than as one missing and one extra tag.
 */
export function placementSimilarity(a: Annotation, b: Annotation, options: SimilarityOptions = {}): number {
  if (a.kind !== b.kind) throw new TypeError(`cannot compare a ${a.kind} with a ${b.kind}`);
  const other = <K extends Annotation['kind']>(_: AnnotationOfKind<K>): AnnotationOfKind<K> => b as AnnotationOfKind<K>;
  switch (a.kind) {
    case 'bbox':
      return boxIoU(a, other(a));
    case 'polygon':
      return polygonIoU(a, other(a));
    case 'keypoints':
      return keypointSimilarity(a, other(a), { sigmas: options.sigmas, area: options.area });
    case 'span': {
      const g = other(a);
      if (options.spanMatch === 'exact') return a.start === g.start && a.end === g.end ? 1 : 0;
      return intervalIoU(a, g);
    }
    case 'tag':
      return tagPlacement(a, other(a));
    case 'segment': {
      const g = other(a);
      if (a.channel !== undefined && g.channel !== undefined && a.channel !== g.channel) return 0;
      return intervalIoU(a, g);
    }
    case 'track':
      return trackIoU(a, other(a), { frameCount: options.frameCount });
    case 'cuboid': {
      const g = other(a);
      if (a.frame !== undefined && g.frame !== undefined && a.frame !== g.frame) return 0;
      return options.cuboid === 'bev' ? cuboidBevIoU(a, g) : cuboidIoU(a, g);
    }
  }
}
