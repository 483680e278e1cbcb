/**
 * @labelkit/formats — import/export of annotation formats, pure TypeScript (Node and browsers, no DOM).
 * Each format is an object with `parse(input, options?)` and `serialize(dataset, options?)`; each is also
 * its own subpath export (`@labelkit/formats/coco`). See docs/formats.md.
 */
export * from './dataset.js';
export * from './validate-dataset.js';
export { formats, type AnyFormat } from './registry.js';
export { parseXml, serializeXml, XmlError, type XmlElement, type XmlNode } from './shared/xml.js';
export type { FileSet } from './shared/files.js';

// Image formats and labelkit's own.
export * from './native/index.js';
export * from './coco/index.js';
export * from './yolo/index.js';
export * from './voc/index.js';
export * from './labelStudio/index.js';
export * from './cvat/index.js';
export * from './w3c/index.js';

// Text and audio formats.
export * from './spacy/index.js';
export * from './doccano/index.js';
export * from './brat/index.js';
export * from './conll/index.js';
export * from './rttm/index.js';
export * from './webvtt/index.js';
export * from './textGrid/index.js';

// Video formats.
export * from './mot/index.js';
// 3D formats.
export * from './kitti/index.js';
