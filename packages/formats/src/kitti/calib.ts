/**
 * KITTI object calibration (`calib/<frame>.txt`): `KEY: numbers` lines (P0-P3 3×4, R0_rect 3×3,
 * Tr_velo_to_cam and Tr_imu_to_velo 3×4), and the rigid maps between the LiDAR frame and the
 * rectified camera frame they define.
 */
import type { Point3 } from '@labelkit/core';

/** A 3×4 matrix `[R | t]`, row-major (12 numbers): `p' = R p + t`. */
export type Matrix34 = readonly number[];

/** The calib file's matrices by key, in file order. */
export type KittiCalib = Map<string, number[]>;

/** Parses `KEY: v1 v2 ...` lines; returns the problems found (1-based line and message). */
export function parseCalib(text: string): { calib: KittiCalib; problems: { line: number; message: string }[] } {
  const calib: KittiCalib = new Map();
  const problems: { line: number; message: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^([A-Za-z_][\w]*)\s*:\s*(.*)$/.exec(line);
    if (!m) return void problems.push({ line: i + 1, message: `expected 'KEY: numbers', found ${JSON.stringify(line.slice(0, 40))}` });
    const values = m[2]!.trim() === '' ? [] : m[2]!.trim().split(/\s+/).map(Number);
    if (values.some((v) => !Number.isFinite(v))) return void problems.push({ line: i + 1, message: `${m[1]}: every value must be a number` });
    calib.set(m[1]!, values);
  });
  return { calib, problems };
}

/**
 * `R0_rect · Tr_velo_to_cam` as one `[R | t]`: LiDAR point → rectified camera point. Undefined with
 * the reason when a key is missing or has the wrong number of values.
 */
export function veloToRect(calib: KittiCalib): Matrix34 | string {
  const r0 = calib.get('R0_rect');
  const tr = calib.get('Tr_velo_to_cam');
  if (!r0 || r0.length !== 9) return `R0_rect must have 9 values (3×3), found ${r0 ? r0.length : 'none'}`;
  if (!tr || tr.length !== 12) return `Tr_velo_to_cam must have 12 values (3×4), found ${tr ? tr.length : 'none'}`;
  const out: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += r0[3 * r + k]! * tr[4 * k + c]!;
      out.push(s);
    }
  }
  return out;
}

/** `M · p` for a 3×4 `[R | t]`. */
export function apply(m: Matrix34, p: Point3): Point3 {
  return [0, 1, 2].map((r) => m[4 * r]! * p[0] + m[4 * r + 1]! * p[1] + m[4 * r + 2]! * p[2] + m[4 * r + 3]!) as Point3;
}

/**
 * The exact inverse of `[R | t]` (`R⁻¹` by cofactors, not `Rᵀ`: KITTI's `R0_rect · Tr_velo_to_cam` is
 * only nearly orthonormal), as `[R⁻¹ | −R⁻¹ t]`.
 */
export function invert(m: Matrix34): Matrix34 {
  const [a, b, c, , d, e, f, , g, h, i] = m as number[];
  const A = e! * i! - f! * h!;
  const B = -(d! * i! - f! * g!);
  const C = d! * h! - e! * g!;
  const det = a! * A + b! * B + c! * C;
  const inv = [
    A, -(b! * i! - c! * h!), b! * f! - c! * e!,
    B, a! * i! - c! * g!, -(a! * f! - c! * d!),
    C, -(a! * h! - b! * g!), a! * e! - b! * d!,
  ].map((v) => v / det);
  const t = [m[3]!, m[7]!, m[11]!];
  const out: number[] = [];
  for (let r = 0; r < 3; r++) out.push(inv[3 * r]!, inv[3 * r + 1]!, inv[3 * r + 2]!, -(inv[3 * r]! * t[0]! + inv[3 * r + 1]! * t[1]! + inv[3 * r + 2]! * t[2]!));
  return out;
}

/** Projects a rectified camera point with a 3×4 projection matrix (P2); undefined behind the camera. */
export function project(p: Matrix34, x: Point3): [number, number] | undefined {
  const [u, v, w] = apply(p, x);
  return w > 1e-6 ? [u / w, v / w] : undefined;
}
