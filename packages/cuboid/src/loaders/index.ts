/**
 * `@labelkit/cuboid/loaders`: point-cloud file loaders, usable on their own and in Node.
 * `parsePointCloud` decodes PCD, PLY and KITTI `.bin` into typed arrays; `loadPointCloud` does it in a
 * Web Worker and transfers the arrays back.
 */
export { parsePointCloud, detectPointCloudFormat } from './parse-point-cloud.js';
export { loadPointCloud, type LoadPointCloudOptions } from './load-point-cloud.js';
export { PointCloudError, type PointCloudErrorDetails } from './point-cloud-error.js';
export type { PointCloud, PointCloudFormat, ParsePointCloudOptions } from './point-cloud.js';
export type { PointCloudSource } from './read-source.js';
