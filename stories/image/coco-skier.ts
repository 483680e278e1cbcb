/**
 * COCO val2017 image 785 (the skier), annotation id 442619: bbox, polygon and 17 keypoints, copied from
 * fixtures/formats/coco/person_keypoints_coco2017_subset.json (COCO annotations © COCO Consortium, CC BY 4.0).
 */
import type { Keypoint, Point2 } from '@labelkit/core';

/** The skier's box, image pixels (COCO bbox x, y, w, h). */
export const SKIER_BBOX = { x: 280.79, y: 44.73, width: 218.7, height: 346.68 };
/** The skier's segmentation polygon. */
export const SKIER_POLYGON: Point2[] = [[353.4, 67.7], [358.1, 52.4], [362.9, 47.6], [374.4, 44.7], [389.7, 52.4], [389.7, 67.7], [389.7, 76.2], [393.5, 83.9], [396.4, 88.7], [397.3, 91.5], [406.9, 99.2], [413.5, 104.9], [451.7, 148.8], [458.4, 153.6], [462.2, 166.0], [467.0, 173.7], [463.2, 181.3], [449.8, 183.2], [448.9, 191.8], [455.6, 226.2], [448.9, 254.8], [453.6, 286.4], [475.6, 323.6], [491.9, 361.8], [494.7, 382.8], [494.7, 382.8], [499.5, 391.4], [416.4, 391.4], [424.0, 383.8], [439.3, 374.2], [445.1, 360.9], [436.5, 334.1], [421.2, 303.6], [416.4, 289.2], [409.7, 268.2], [396.4, 280.6], [405.9, 298.8], [417.4, 324.6], [425, 349.4], [425, 358.0], [419.3, 360.9], [394.4, 367.5], [362.9, 370.4], [346.7, 367.5], [360.1, 362.8], [369.6, 360.9], [383.0, 340.8], [355.3, 271.1], [360.1, 266.3], [386.8, 219.5], [368.6, 162.2], [348.6, 175.6], [309.4, 187.0], [301.8, 192.8], [288.4, 193.7], [282.7, 193.7], [280.8, 187.0], [280.8, 174.6], [287.5, 171.8], [291.3, 171.8], [295.1, 171.8], [306.6, 167.0], [312.3, 165.1], [345.7, 142.1], [350.5, 117.3], [350.5, 102.0], [350.5, 90.6], [353.4, 65.7]];
/** The skier's 17 COCO keypoints, in COCO order. */
export const SKIER_KEYPOINTS: Keypoint[] = [{x: 367, y: 81, visibility: 2}, {x: 374, y: 73, visibility: 2}, {x: 360, y: 75, visibility: 2}, {x: 386, y: 78, visibility: 2}, {x: 356, y: 81, visibility: 2}, {x: 399, y: 108, visibility: 2}, {x: 358, y: 129, visibility: 2}, {x: 433, y: 142, visibility: 2}, {x: 341, y: 159, visibility: 2}, {x: 449, y: 165, visibility: 2}, {x: 309, y: 178, visibility: 2}, {x: 424, y: 203, visibility: 2}, {x: 393, y: 214, visibility: 2}, {x: 429, y: 294, visibility: 2}, {x: 367, y: 273, visibility: 2}, {x: 466, y: 362, visibility: 2}, {x: 396, y: 341, visibility: 2}];
