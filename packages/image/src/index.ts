/**
 * @labelkit/image — bounding-box, polygon and keypoint annotators for React, drawn with Konva.
 * The adapter of @labelkit/canvas2d's engine (tools, viewport, scene) to the image; the engine is re-exported.
 */
export { ImageAnnotator, type ImageAnnotatorProps, type ImageAnnotatorHandle, type ActiveTool } from './image-annotator.js';
export {
  BoundingBoxAnnotator,
  PolygonAnnotator,
  KeypointAnnotator,
  type BoundingBoxAnnotatorProps,
  type PolygonAnnotatorProps,
  type KeypointAnnotatorProps,
} from './presets.js';
// The engine moved to @labelkit/canvas2d (shared with video); re-exported here so imports from
// @labelkit/image keep working. New code imports it from @labelkit/canvas2d.
export * from '@labelkit/canvas2d';
