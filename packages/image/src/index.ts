/**
 * @labelkit/image — bounding-box, polygon and keypoint annotators for React, drawn with Konva.
 * The tool logic is exported too: pure state machines over normalised events, usable without a DOM.
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
export { IMAGE_KEYMAP, type ImageAction } from './keymap.js';
export * from './events.js';
export * from './viewport.js';
export * from './spatial-index.js';
export * from './shapes.js';
export * from './box-handles.js';
export * from './handles.js';
export * from './commands.js';
export * from './tools/box-tool.js';
export * from './tools/polygon-tool.js';
export * from './tools/keypoint-tool.js';
export * from './tools/select-tool.js';
