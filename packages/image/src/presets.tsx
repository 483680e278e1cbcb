import { ImageAnnotator, type ImageAnnotatorProps } from './image-annotator.js';

/** Props of {@link BoundingBoxAnnotator}: those of {@link ImageAnnotator} without `tools`. */
export type BoundingBoxAnnotatorProps = Omit<ImageAnnotatorProps, 'tools'>;
/** Props of {@link PolygonAnnotator}: those of {@link ImageAnnotator} without `tools`. */
export type PolygonAnnotatorProps = Omit<ImageAnnotatorProps, 'tools'>;
/** Props of {@link KeypointAnnotator}: those of {@link ImageAnnotator} without `tools`. */
export type KeypointAnnotatorProps = Omit<ImageAnnotatorProps, 'tools'>;

/** An {@link ImageAnnotator} with only the box tool. */
export function BoundingBoxAnnotator(props: BoundingBoxAnnotatorProps): React.JSX.Element {
  return <ImageAnnotator aria-label="Bounding box annotator" {...props} tools={['bbox']} />;
}

/** An {@link ImageAnnotator} with only the polygon tool. */
export function PolygonAnnotator(props: PolygonAnnotatorProps): React.JSX.Element {
  return <ImageAnnotator aria-label="Polygon annotator" {...props} tools={['polygon']} />;
}

/** An {@link ImageAnnotator} with only the keypoint tool (labels need a `skeleton`). */
export function KeypointAnnotator(props: KeypointAnnotatorProps): React.JSX.Element {
  return <ImageAnnotator aria-label="Keypoint annotator" {...props} tools={['keypoints']} />;
}
