/** The point-cloud file formats `parsePointCloud` reads. */
export type PointCloudFormat = 'pcd' | 'ply' | 'kitti-bin';

/**
 * A decoded point cloud: one entry per point in file order (an organised PCD cloud row by row, its
 * invalid points kept as NaN), in the file's own units and frame.
 */
export interface PointCloud {
  /** Number of points. */
  count: number;
  /** x, y, z of every point, interleaved (`3 * count` values). */
  positions: Float32Array;
  /** Intensity (PCD/PLY `intensity`, KITTI reflectance) of every point, converted from the file's type to float32. */
  intensity?: Float32Array;
  /** r, g, b (0-255) of every point, interleaved (`3 * count` values); alpha is dropped. */
  colors?: Uint8Array;
  /** `label` of every point, from any integer type, as uint32 (wrapping as a C cast would). */
  labels?: Uint32Array;
  /** The file's per-point field (PCD) or vertex property (PLY) names in file order, `_` padding left out. */
  fields: string[];
}

/** Options of `parsePointCloud`. */
export interface ParsePointCloudOptions {
  /**
   * The file's format. Left out, PCD and PLY are recognised from their headers; a KITTI `.bin` has no
   * header and needs `'kitti-bin'`.
   */
  format?: PointCloudFormat;
}
