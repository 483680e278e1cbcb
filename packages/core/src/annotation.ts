/**
 * The one annotation model shared by every labelkit annotator and format.
 * Units and conventions are those of ARCHITECTURE.md; they are repeated on each field.
 */

/** A value of a typed attribute: select/text → string, number → number, boolean → boolean, multiselect → string[]. */
export type AttributeValue = string | number | boolean | string[];

/** Where an annotation came from. */
export type AnnotationSource = 'human' | 'model' | 'import';

/** The kinds of annotation labelkit knows. */
export const ANNOTATION_KINDS = [
  'bbox',
  'polygon',
  'keypoints',
  'span',
  'tag',
  'segment',
  'track',
  'cuboid',
] as const;

/** One of {@link ANNOTATION_KINDS}. */
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** Fields every annotation has, whatever its kind. */
export interface AnnotationBase {
  /** Unique within a dataset item; stable across edits. */
  id: string;
  /** The label's id (never its display name). */
  label: string;
  /** Typed attribute values, keyed by attribute id. */
  attributes?: Record<string, AttributeValue>;
  /** Who made it. */
  source?: AnnotationSource;
  /** Confidence in [0, 1], usually for `source: 'model'`. */
  score?: number;
  /** Foreign fields kept verbatim for round trips through other formats. */
  extra?: Record<string, unknown>;
}

/** An axis-aligned or rotated box in image pixels; origin at the top-left corner of pixel (0,0). */
export interface BBoxAnnotation extends AnnotationBase {
  kind: 'bbox';
  /** Left edge of the unrotated box, image pixels. */
  x: number;
  /** Top edge of the unrotated box, image pixels. */
  y: number;
  /** Width in image pixels, > 0. */
  width: number;
  /** Height in image pixels, > 0. */
  height: number;
  /** Degrees, clockwise on screen, about the box centre. */
  rotation?: number;
}

/** A point `[x, y]` in image pixels. */
export type Point2 = [number, number];

/** A polygon in image pixels: outer ring and optional holes. */
export interface PolygonAnnotation extends AnnotationBase {
  kind: 'polygon';
  /** Outer ring, at least 3 distinct points, non-zero area; not closed (first point not repeated). */
  points: Point2[];
  /** Inner rings cut out of the outer one. */
  holes?: Point2[][];
}

/** COCO visibility: 0 not labelled, 1 labelled but occluded, 2 visible. */
export type KeypointVisibility = 0 | 1 | 2;

/** One joint of a keypoint skeleton, image pixels. */
export interface Keypoint {
  x: number;
  y: number;
  visibility: KeypointVisibility;
}

/** A skeleton instance: one entry per keypoint of the label's skeleton, in skeleton order. */
export interface KeypointsAnnotation extends AnnotationBase {
  kind: 'keypoints';
  points: Keypoint[];
}

/** A text span in Unicode code points, half-open `[start, end)` over the exact source text. */
export interface SpanAnnotation extends AnnotationBase {
  kind: 'span';
  /** Code-point offset of the first character. */
  start: number;
  /** Code-point offset one past the last character. */
  end: number;
  /** Exactly the source text's slice `[start, end)`. */
  text: string;
}

/** A label on a whole item, or on a sentence/dialogue turn when `start`/`end` (code points) are given. */
export interface TagAnnotation extends AnnotationBase {
  kind: 'tag';
  start?: number;
  end?: number;
}

/** An audio segment in seconds, half-open `[start, end)`. */
export interface SegmentAnnotation extends AnnotationBase {
  kind: 'segment';
  start: number;
  end: number;
  /** 0-based audio channel; absent means all channels. */
  channel?: number;
  /** Transcript of the segment. */
  text?: string;
}

/** One keyframe of a video track, image pixels at a 0-based integer frame. */
export interface TrackKeyframe {
  frame: number;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation?: number;
  /** The object leaves the frame here, until the next keyframe. */
  outside?: boolean;
  occluded?: boolean;
  /**
   * Values of the label's attributes that change over time (CVAT's mutable attributes, MOT's
   * visibility), keyed by attribute id. A value holds from this keyframe on, through interpolated
   * frames, until a later keyframe sets that attribute again; it overrides the track's own
   * `attributes`. {@link trackAttributesAt} gives the values in effect at a frame.
   */
  attributes?: Record<string, AttributeValue>;
}

/** An object track: keyframes sorted by frame, unique, linearly interpolated in between. */
export interface TrackAnnotation extends AnnotationBase {
  kind: 'track';
  keyframes: TrackKeyframe[];
}

/** A point `[x, y, z]` in metres. */
export type Point3 = [number, number, number];

/** A 3D box in metres, right-handed, z up (LiDAR frame); angles in radians, intrinsic Z-Y-X. */
export interface CuboidAnnotation extends AnnotationBase {
  kind: 'cuboid';
  /** Box centre. */
  center: Point3;
  /** `[length (along x), width (along y), height (along z)]` before rotation. */
  size: Point3;
  /** Rotation about z, radians. */
  yaw: number;
  pitch?: number;
  roll?: number;
  /** 0-based frame of a sequence. */
  frame?: number;
}

/** Any annotation. Narrow on `kind`. */
export type Annotation =
  | BBoxAnnotation
  | PolygonAnnotation
  | KeypointsAnnotation
  | SpanAnnotation
  | TagAnnotation
  | SegmentAnnotation
  | TrackAnnotation
  | CuboidAnnotation;

/** The annotation type of one kind: `AnnotationOfKind<'bbox'>` is {@link BBoxAnnotation}. */
export type AnnotationOfKind<K extends AnnotationKind> = Extract<Annotation, { kind: K }>;

/** Narrows an annotation to one kind. */
export function isKind<K extends AnnotationKind>(a: Annotation, kind: K): a is AnnotationOfKind<K> {
  return a.kind === kind;
}
