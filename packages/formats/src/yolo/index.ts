export { yolo } from './yolo.js';
export type { YoloParseOptions, YoloSerializeOptions, YoloTask } from './yolo.js';
