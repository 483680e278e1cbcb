import type { Point3 } from '../annotation.js';

/**
 * The geometry of a cuboid annotation: metres, right-handed, z up (LiDAR frame). `size` is
 * `[length along x, width along y, height along z]` before rotation; angles in radians, intrinsic
 * Z-Y-X (yaw about z first, then pitch about the new y, then roll about the newest x).
 */
export interface CuboidGeometry {
  center: Point3;
  size: Point3;
  yaw: number;
  pitch?: number;
  roll?: number;
}

/**
 * A 3×3 rotation matrix, row-major: `[m00, m01, m02, m10, m11, m12, m20, m21, m22]`. It maps a
 * vector in the box's own frame to the world frame: `world = M · local`.
 */
export type Matrix3 = [number, number, number, number, number, number, number, number, number];

/**
 * The rotation matrix of intrinsic Z-Y-X angles: `Rz(yaw) · Ry(pitch) · Rx(roll)`, radians, each
 * counter-clockwise about its axis when seen from the positive end (right-hand rule).
 */
export function rotationMatrix(yaw: number, pitch = 0, roll = 0): Matrix3 {
  const cy = Math.cos(yaw);
  const sy = Math.sin(yaw);
  const cp = Math.cos(pitch);
  const sp = Math.sin(pitch);
  const cr = Math.cos(roll);
  const sr = Math.sin(roll);
  return [
    cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr,
    sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr,
    -sp, cp * sr, cp * cr,
  ];
}

/**
 * The 8 corners of a cuboid, metres. Order, in the box's own frame (x forward, y left, z up):
 * bottom face front-left, front-right, back-right, back-left, then the top face in the same order —
 * i.e. signs (+,+,−), (+,−,−), (−,−,−), (−,+,−), (+,+,+), (+,−,+), (−,−,+), (−,+,+).
 */
export function cuboidCorners(c: CuboidGeometry): Point3[] {
  const m = rotationMatrix(c.yaw, c.pitch ?? 0, c.roll ?? 0);
  const [hx, hy, hz] = [c.size[0] / 2, c.size[1] / 2, c.size[2] / 2];
  const signs: [number, number][] = [
    [1, 1],
    [1, -1],
    [-1, -1],
    [-1, 1],
  ];
  const corners: Point3[] = [];
  for (const sz of [-1, 1]) {
    for (const [sx, sy] of signs) {
      const lx = sx * hx;
      const ly = sy * hy;
      const lz = sz * hz;
      corners.push([
        c.center[0] + m[0] * lx + m[1] * ly + m[2] * lz,
        c.center[1] + m[3] * lx + m[4] * ly + m[5] * lz,
        c.center[2] + m[6] * lx + m[7] * ly + m[8] * lz,
      ]);
    }
  }
  return corners;
}

/** Volume of a cuboid, cubic metres. */
export function cuboidVolume(c: CuboidGeometry): number {
  return Math.abs(c.size[0] * c.size[1] * c.size[2]);
}

/**
 * Indices of the points inside a cuboid (faces included). `positions` holds x, y, z of each point
 * at `stride` floats apart (3 for packed xyz, 4 for KITTI xyzi, ...); index `i` means the point at
 * `positions[i * stride]`. Each point is moved into the box's frame (one transposed rotation) and
 * tested against the half extents, after a cheap bounding-sphere reject.
 */
export function pointsInCuboid(c: CuboidGeometry, positions: Float32Array, stride = 3): Uint32Array {
  if (!Number.isInteger(stride) || stride < 3) throw new RangeError(`stride must be an integer >= 3, got ${stride}`);
  const m = rotationMatrix(c.yaw, c.pitch ?? 0, c.roll ?? 0);
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = m;
  const [cx, cy, cz] = c.center;
  const hx = Math.abs(c.size[0]) / 2;
  const hy = Math.abs(c.size[1]) / 2;
  const hz = Math.abs(c.size[2]) / 2;
  const r2 = hx * hx + hy * hy + hz * hz;
  const count = positions.length >= 3 ? Math.floor((positions.length - 3) / stride) + 1 : 0;
  let out = new Uint32Array(Math.min(count, 1024));
  let n = 0;
  for (let i = 0, o = 0; i < count; i++, o += stride) {
    const dx = (positions[o] as number) - cx;
    const dy = (positions[o + 1] as number) - cy;
    const dz = (positions[o + 2] as number) - cz;
    // Written as !(<=) so NaN coordinates are rejected too.
    if (!(dx * dx + dy * dy + dz * dz <= r2)) continue;
    // local = Mᵀ · d
    const lx = m00 * dx + m10 * dy + m20 * dz;
    const ly = m01 * dx + m11 * dy + m21 * dz;
    const lz = m02 * dx + m12 * dy + m22 * dz;
    if (lx < -hx || lx > hx || ly < -hy || ly > hy || lz < -hz || lz > hz) continue;
    if (n === out.length) {
      const grown = new Uint32Array(Math.min(count, out.length * 2));
      grown.set(out);
      out = grown;
    }
    out[n++] = i;
  }
  return out.slice(0, n);
}
