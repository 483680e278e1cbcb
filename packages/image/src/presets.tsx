import { forwardRef } from 'react';
import { ImageAnnotator, type ImageAnnotatorHandle, type ImageAnnotatorProps } from './image-annotator.js';

/** Props of {@link BoundingBoxAnnotator}: those of {@link ImageAnnotator} without `tools`. */
export type BoundingBoxAnnotatorProps = Omit<ImageAnnotatorProps, 'tools'>;
/** Props of {@link PolygonAnnotator}: those of {@link ImageAnnotator} without `tools`. */
export type PolygonAnnotatorProps = Omit<ImageAnnotatorProps, 'tools'>;
/** Props of {@link KeypointAnnotator}: those of {@link ImageAnnotator} without `tools`. */
export type KeypointAnnotatorProps = Omit<ImageAnnotatorProps, 'tools'>;

/** An {@link ImageAnnotator} with only the box tool. */
export const BoundingBoxAnnotator = forwardRef<ImageAnnotatorHandle, BoundingBoxAnnotatorProps>(function BoundingBoxAnnotator(props, ref): React.JSX.Element {
  return <ImageAnnotator aria-label="Bounding box annotator" {...props} ref={ref} tools={['bbox']} />;
});

/** An {@link ImageAnnotator} with only the polygon tool. */
export const PolygonAnnotator = forwardRef<ImageAnnotatorHandle, PolygonAnnotatorProps>(function PolygonAnnotator(props, ref): React.JSX.Element {
  return <ImageAnnotator aria-label="Polygon annotator" {...props} ref={ref} tools={['polygon']} />;
});

/** An {@link ImageAnnotator} with only the keypoint tool (labels need a `skeleton`). */
export const KeypointAnnotator = forwardRef<ImageAnnotatorHandle, KeypointAnnotatorProps>(function KeypointAnnotator(props, ref): React.JSX.Element {
  return <ImageAnnotator aria-label="Keypoint annotator" {...props} ref={ref} tools={['keypoints']} />;
});
