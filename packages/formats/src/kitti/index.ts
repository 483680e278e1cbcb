export { kitti } from './kitti.js';
export type { KittiItemExtra, KittiObjectExtra, KittiParseOptions, KittiSerializeOptions } from './kitti.js';
