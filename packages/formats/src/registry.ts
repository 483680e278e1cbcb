import type { Format } from './dataset.js';
import { brat } from './brat/index.js';
import { coco } from './coco/index.js';
import { conll } from './conll/index.js';
import { cvat } from './cvat/index.js';
import { doccano } from './doccano/index.js';
import { kitti } from './kitti/index.js';
import { labelStudio } from './labelStudio/index.js';
import { mot } from './mot/index.js';
import { native } from './native/index.js';
import { rttm } from './rttm/index.js';
import { spacy } from './spacy/index.js';
import { textGrid } from './textGrid/index.js';
import { voc } from './voc/index.js';
import { w3c } from './w3c/index.js';
import { webvtt } from './webvtt/index.js';
import { yolo } from './yolo/index.js';

/** Any format, for code that picks one by name (the CLI). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFormat = Format<any, any, any, any>;

/** Every format of the package by its `name` (`coco`, `yolo`, `labelStudio`, ...). */
export const formats: Readonly<Record<string, AnyFormat>> = Object.freeze(
  Object.fromEntries(
    [native, coco, yolo, voc, labelStudio, cvat, w3c, spacy, doccano, brat, conll, rttm, webvtt, textGrid, mot, kitti].map((f) => [f.name, f as AnyFormat]),
  ),
);
