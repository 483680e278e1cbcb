/**
 * @labelkit/canvas2d — the 2D canvas engine the image annotator proved, shared by image and video: normalised
 * pointer/key events, the viewport, native input, a spatial index and shape index, hit testing, handles and box
 * handles, the tools (box, polygon, keypoints, select, draw-press) as pure state machines, commands, batched
 * drawing, messages for the live region, and the Konva scene with its background layer. Everything but the
 * scene is framework-free and runs in Node.
 */
export * from './box-handles.js';
export * from './commands.js';
export * from './draw-overlay.js';
export * from './draw.js';
export * from './events.js';
export * from './handles.js';
export * from './hit-test.js';
export * from './keymap.js';
export * from './messages.js';
export * from './native-input.js';
export * from './scene.js';
export * from './schema-tools.js';
export * from './shape-index.js';
export * from './shapes.js';
export * from './spatial-index.js';
export * from './status-hint.js';
export * from './suggestion-keys.js';
export * from './tool-names.js';
export * from './tools/box-tool.js';
export * from './tools/draw-press.js';
export * from './tools/keypoint-tool.js';
export * from './tools/polygon-tool.js';
export * from './tools/select-tool.js';
export * from './viewport.js';
export * from './visibility.js';
